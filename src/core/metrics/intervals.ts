// The 95 % intervals of METHOD.md §4: adjusted Wald for net scores (NPS, NES), Wilson for shares,
// Student t for means and a seeded percentile bootstrap for the CX index. Every headline number
// carries one of these; they work on counts so that dashboards can compute them from rollups.
import { normalQuantile, studentTQuantile } from "./distributions.js";
import { binomialSample } from "./binomial.js";
import { defaultSeed, mulberry32 } from "./random.js";

export interface Interval {
  lower: number;
  upper: number;
}

/** A sample reduced to what a mean and its interval need. */
export interface MeanSummary {
  n: number;
  mean: number;
  /** Sample variance (denominator n − 1); 0 when n < 2. */
  variance: number;
}

export const defaultLevel = 0.95;

/** The two-sided normal critical value for a confidence level: 1.959964 for 95 %. */
export function zCritical(level = defaultLevel): number {
  return normalQuantile(1 - (1 - level) / 2);
}

const clamp = (x: number, low: number, high: number): number => Math.min(high, Math.max(low, x));

export interface AdjustedWaldEstimate {
  /** 100·(p′ − d′), the centre of the interval (not the plain score). */
  adjusted: number;
  /** 100·SE of the adjusted estimate, in points; used by the change test. */
  standardError: number;
  /** Clamped to −100 … +100. */
  interval: Interval;
}

/**
 * Adjusted-Wald interval of a net score (Rocks 2016): n′ = n + 3, p′ = (P + ¾)/n′, d′ = (D + ¾)/n′,
 * SE = √((p′ + d′ − (p′ − d′)²)/n′), CI = 100·((p′ − d′) ± z·SE). Null when n = 0.
 */
export function adjustedWaldInterval(positive: number, negative: number, n: number, level = defaultLevel): AdjustedWaldEstimate | null {
  if (n <= 0) return null;
  const nAdjusted = n + 3;
  const p = (positive + 0.75) / nAdjusted;
  const d = (negative + 0.75) / nAdjusted;
  const net = p - d;
  const se = Math.sqrt(Math.max(0, p + d - net * net) / nAdjusted);
  const margin = zCritical(level) * se;
  return {
    adjusted: 100 * net,
    standardError: 100 * se,
    interval: { lower: clamp(100 * (net - margin), -100, 100), upper: clamp(100 * (net + margin), -100, 100) },
  };
}

/**
 * Wilson score interval of a proportion count/n, as fractions 0 … 1 (Wilson 1927):
 * (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Null when n = 0.
 */
export function wilsonInterval(count: number, n: number, level = defaultLevel): Interval | null {
  if (n <= 0) return null;
  const z = zCritical(level);
  const z2 = z * z;
  const p = count / n;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { lower: clamp(centre - half, 0, 1), upper: clamp(centre + half, 0, 1) };
}

/** t interval of a mean: x̄ ± t(1 − α/2, n − 1)·s/√n. Null below two observations. */
export function tMeanInterval(summary: MeanSummary, level = defaultLevel): Interval | null {
  if (summary.n < 2) return null;
  const t = studentTQuantile(1 - (1 - level) / 2, summary.n - 1);
  const margin = t * Math.sqrt(Math.max(0, summary.variance) / summary.n);
  return { lower: summary.mean - margin, upper: summary.mean + margin };
}

/** Quantile of sorted values by linear interpolation (Hyndman & Fan type 7, R's default). */
export function quantileOfSorted(sorted: readonly number[], probability: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * clamp(probability, 0, 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const fraction = position - below;
  return sorted[below]! + fraction * (sorted[above]! - sorted[below]!);
}

/** A value observed `count` times: one bar of a histogram. */
export interface Bin {
  value: number;
  count: number;
}

export interface BootstrapOptions {
  /** Number of resamples; at least 1,000 for headline numbers (METHOD.md §4). */
  resamples?: number;
  seed?: number;
  level?: number;
}

export const defaultResamples = 1000;

/**
 * Below this many draws per distinct value, a resample is drawn answer by answer (one uniform each,
 * a few nanoseconds); above it, bin by bin as conditional binomials (tens of nanoseconds per bin but
 * independent of n). Measured in bench/bootstrap.ts; either path is an exact bootstrap.
 */
export const perObservationDrawsPerBin = 6;

/**
 * Percentile bootstrap interval of a mean, from a histogram of values (Efron & Tibshirani 1993, §13.3).
 * A resample of n answers drawn with replacement is a Multinomial(n, counts/n) vector over the bins. For
 * large n it is drawn as conditional binomials in value order — bin k gets Binomial(n − drawn so far,
 * count_k / count of bins k and above), exactly (see binomial.ts) — so the cost per resample depends on
 * the number of distinct values, not on n; for small n it draws n answers one by one. Bins are put in
 * value order first, so the same data gives the same interval whether it comes from raw answers or
 * merged rollups, and recent results are served from an exact cache (same histogram, seed, resamples
 * and level: same interval). Null when n = 0.
 */
export function bootstrapMeanInterval(bins: readonly Bin[], options: BootstrapOptions = {}): Interval | null {
  const { resamples = defaultResamples, seed = defaultSeed, level = defaultLevel } = options;
  const sorted = bins.filter((bin) => bin.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, bin) => sum + bin.count, 0);
  if (n === 0) return null;
  let key = `${resamples};${seed};${level}`;
  for (const bin of sorted) key += `;${bin.value}:${bin.count}`;
  const cached = bootstrapCache.get(key);
  if (cached !== undefined) {
    bootstrapCache.delete(key);
    bootstrapCache.set(key, cached);
    return { ...cached };
  }
  const means = n <= perObservationDrawsPerBin * sorted.length ? resampleAnswers(sorted, n, resamples, seed) : resampleBins(sorted, n, resamples, seed);
  means.sort();
  const alpha = 1 - level;
  const sortedMeans = Array.from(means);
  const interval = { lower: quantileOfSorted(sortedMeans, alpha / 2), upper: quantileOfSorted(sortedMeans, 1 - alpha / 2) };
  bootstrapCache.set(key, interval);
  if (bootstrapCache.size > bootstrapCacheSize) bootstrapCache.delete(bootstrapCache.keys().next().value!);
  return { ...interval };
}

/**
 * How many bootstrap results are kept. A key holds every bin (value and count), so a hit is exact; at
 * about 230 distinct values it is ≈ 5 kB, so the full cache stays near 0.3 MB.
 */
const bootstrapCacheSize = 64;
// Least recently used first (a Map keeps insertion order; a hit is moved to the end).
const bootstrapCache = new Map<string, Interval>();

/** Empties the bootstrap cache (benchmarks measure the computation itself). */
export function clearBootstrapCache(): void {
  bootstrapCache.clear();
}

/** How many results the bootstrap cache holds now (at most 64). */
export function bootstrapCacheEntries(): number {
  return bootstrapCache.size;
}

/** Resample means drawing bin counts as conditional binomials: O(distinct values) per resample. */
function resampleBins(sorted: readonly Bin[], n: number, resamples: number, seed: number): Float64Array {
  const last = sorted.length - 1;
  const values = new Float64Array(sorted.length);
  const shares = new Float64Array(sorted.length);
  for (let i = last, remaining = 0; i >= 0; i--) {
    remaining += sorted[i]!.count;
    values[i] = sorted[i]!.value;
    shares[i] = sorted[i]!.count / remaining;
  }
  const random = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let left = n;
    let sum = 0;
    for (let i = 0; i < last && left > 0; i++) {
      const drawn = binomialSample(random, left, shares[i]!);
      sum += drawn * values[i]!;
      left -= drawn;
    }
    means[r] = (sum + left * values[last]!) / n;
  }
  return means;
}

/** Resample means drawing n answers one by one: O(n) per resample, cheaper when n is small. */
function resampleAnswers(sorted: readonly Bin[], n: number, resamples: number, seed: number): Float64Array {
  const answers = new Float64Array(n);
  let at = 0;
  for (const bin of sorted) answers.fill(bin.value, at, (at += bin.count));
  const random = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += answers[Math.floor(random() * n)]!;
    means[r] = sum / n;
  }
  return means;
}
