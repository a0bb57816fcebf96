// Bootstrap benchmark (issue 5): CPU time of one CX index interval (1,000 seeded resamples) on histograms
// shaped like the demo's (≈ 230 distinct values of 36·CX, skewed towards the 70s), at several n: the
// previous implementation (conditional binomials with logGamma set up on every draw) against the current
// one (binomial.ts, with the per-answer path for small n), cache disabled. CPU time, not wall time: the
// machine is shared.
import { logGamma } from "../src/core/metrics/distributions.js";
import { bootstrapMeanInterval, clearBootstrapCache, quantileOfSorted, type Bin, type Interval } from "../src/core/metrics/intervals.js";
import { mulberry32, type Random } from "../src/core/metrics/random.js";

/** A demo-like CX histogram of n responses: values 36·CX on ≈ 230 support points, a skewed mixture. */
export function demoLikeHistogram(n: number, seed = 5): Bin[] {
  const random = mulberry32(seed);
  const support = Array.from({ length: 230 }, (_, i) => Math.round((i * 3600) / 229));
  const weights = support.map((v) => {
    const x = v / 3600;
    return Math.exp(-((x - 0.72) ** 2) / 0.02) + 0.25 * Math.exp(-((x - 0.3) ** 2) / 0.01) + 0.01;
  });
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative: number[] = [];
  weights.reduce((s, w) => (cumulative.push((s + w) / total), s + w), 0);
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const u = random();
    let k = 0;
    while (cumulative[k]! < u && k < support.length - 1) k++;
    counts.set(support[k]!, (counts.get(support[k]!) ?? 0) + 1);
  }
  return [...counts].map(([v, count]) => ({ value: v / 36, count }));
}

// The implementation before the fast bootstrap, kept verbatim for comparison.
function oldBinomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - oldBinomial(random, n, 1 - p);
  if (n * p < 10) {
    const q = 1 - p;
    const ratio = p / q;
    let probability = Math.pow(q, n);
    let u = random();
    let k = 0;
    while (u > probability && k < n) {
      u -= probability;
      k += 1;
      probability *= (ratio * (n - k + 1)) / k;
    }
    return k;
  }
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logGamma(m + 1) + logGamma(n - m + 1);
  for (;;) {
    const u = random() - 0.5;
    let v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    if (Math.log(v) <= h - logGamma(k + 1) - logGamma(n - k + 1) + (k - m) * lpq) return k;
  }
}

function oldBootstrap(bins: readonly Bin[], resamples = 1000, seed = 20_160_401): Interval {
  const sorted = bins.filter((bin) => bin.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, bin) => sum + bin.count, 0);
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
      const drawn = i === sorted.length - 1 ? left : oldBinomial(random, left, bin.count / remainingAfter[i]!);
      sum += drawn * bin.value;
      left -= drawn;
    }
    means[r] = sum / n;
  }
  means.sort();
  const sortedMeans = Array.from(means);
  return { lower: quantileOfSorted(sortedMeans, 0.025), upper: quantileOfSorted(sortedMeans, 0.975) };
}

/** Median CPU milliseconds of `runs` calls (after two warm-up calls). */
function cpuMs(runs: number, work: (run: number) => void): number {
  for (let i = 0; i < 2; i++) work(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    work(i);
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function benchBootstrap(sizes = [1_000, 16_000, 200_000, 5_000_000], log: (line: string) => void = console.log): void {
  log("n          distinct  old (ms CPU)  new (ms CPU)  speed-up  cached (ms CPU)");
  for (const n of sizes) {
    const bins = demoLikeHistogram(n);
    const old = cpuMs(9, (run) => oldBootstrap(bins, 1000, 1000 + run));
    const current = cpuMs(9, (run) => {
      clearBootstrapCache();
      bootstrapMeanInterval(bins, { seed: 1000 + run });
    });
    bootstrapMeanInterval(bins);
    const cached = cpuMs(9, () => bootstrapMeanInterval(bins));
    log(
      `${String(n).padEnd(10)} ${String(bins.length).padEnd(9)} ${old.toFixed(2).padStart(12)} ${current.toFixed(2).padStart(13)} ${(old / current).toFixed(1).padStart(8)}× ${cached.toFixed(3).padStart(16)}`,
    );
  }
}
