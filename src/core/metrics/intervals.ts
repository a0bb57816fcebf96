// The 95 % intervals of METHOD.md §4: adjusted Wald for net scores (NPS, NES), Wilson for shares,
// Student t for means and a seeded percentile bootstrap for the CX index. Every headline number
// carries one of these; they work on counts so that dashboards can compute them from rollups.
import { normalQuantile, studentTQuantile } from "./distributions.js";
import { defaultSeed, mulberry32, randomBinomial } from "./random.js";

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
 * Percentile bootstrap interval of a mean, from a histogram of values (Efron & Tibshirani 1993, §13.3).
 * Each resample draws n values with replacement as one multinomial draw over the bins, so the cost
 * depends on the number of distinct values, not on n. Bins are put in value order first, so the same
 * data gives the same interval whether it comes from raw answers or merged rollups. Null when n = 0.
 */
export function bootstrapMeanInterval(bins: readonly Bin[], options: BootstrapOptions = {}): Interval | null {
  const { resamples = defaultResamples, seed = defaultSeed, level = defaultLevel } = options;
  const sorted = bins.filter((bin) => bin.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, bin) => sum + bin.count, 0);
  if (n === 0) return null;
  // Multinomial draw as conditional binomials over the bins (see randomMultinomial), inlined: this
  // loop is the hot path of every CX index interval.
  const remainingAfter = new Float64Array(sorted.length);
  for (let i = sorted.length - 1, sum = 0; i >= 0; i--) {
    sum += sorted[i]!.count;
    remainingAfter[i] = sum;
  }
  const random = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let left = n;
    let sum = 0;
    for (let i = 0; i < sorted.length && left > 0; i++) {
      const bin = sorted[i]!;
      const drawn = i === sorted.length - 1 ? left : randomBinomial(random, left, bin.count / remainingAfter[i]!);
      sum += drawn * bin.value;
      left -= drawn;
    }
    means[r] = sum / n;
  }
  means.sort();
  const alpha = 1 - level;
  const sortedMeans = Array.from(means);
  return { lower: quantileOfSorted(sortedMeans, alpha / 2), upper: quantileOfSorted(sortedMeans, 1 - alpha / 2) };
}
