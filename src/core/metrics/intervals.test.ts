import { describe, expect, it } from "vitest";
import {
  adjustedWaldInterval,
  bootstrapCacheEntries,
  bootstrapMeanInterval,
  clearBootstrapCache,
  perObservationDrawsPerBin,
  quantileOfSorted,
  tMeanInterval,
  wilsonInterval,
  type Bin,
} from "./intervals.js";
import { mulberry32 } from "./random.js";

describe("adjusted-Wald interval of a net score", () => {
  it("gives METHOD.md's worked examples: n = 100 → ±15, n = 1,000 → ±4.8", () => {
    // By hand: n′ = 103, p′ = 50.75/103, d′ = 20.75/103, SE = √((p′ + d′ − (p′ − d′)²)/n′) = 0.076915.
    const small = adjustedWaldInterval(50, 20, 100)!;
    expect(small.adjusted).toBeCloseTo(29.126, 3);
    expect((small.interval.upper - small.interval.lower) / 2).toBeCloseTo(15.075, 3);
    expect(small.interval.lower).toBeCloseTo(14.051, 3);
    expect(small.interval.upper).toBeCloseTo(44.201, 3);
    const large = adjustedWaldInterval(500, 200, 1000)!;
    expect((large.interval.upper - large.interval.lower) / 2).toBeCloseTo(4.833, 3);
  });

  it("is centred on the adjusted estimate and clamped to ±100", () => {
    // All 10 promoters: 100·(10.75 − 0.75)/13 = 76.92, margin 29.42 → upper 106.3 clamped to 100.
    const allPromoters = adjustedWaldInterval(10, 0, 10)!;
    expect(allPromoters.adjusted).toBeCloseTo(76.923, 3);
    expect(allPromoters.interval.lower).toBeCloseTo(47.504, 3);
    expect(allPromoters.interval.upper).toBe(100);
    const allDetractors = adjustedWaldInterval(0, 10, 10)!;
    expect(allDetractors.interval.lower).toBe(-100);
    expect(allDetractors.interval.upper).toBeCloseTo(-47.504, 3);
  });

  it("has no interval without answers", () => {
    expect(adjustedWaldInterval(0, 0, 0)).toBeNull();
  });
});

describe("Wilson score interval", () => {
  it("gives 0.490–0.943 for 8 of 10", () => {
    // Wilson (1927) by hand with z = 1.96: centre 0.99208/1.38416, half-width 0.31362/1.38416;
    // scipy.stats.binomtest(8, 10).proportion_ci("wilson") = (0.4901625, 0.9433178).
    const interval = wilsonInterval(8, 10)!;
    expect(interval.lower).toBeCloseTo(0.4901625, 6);
    expect(interval.upper).toBeCloseTo(0.9433178, 6);
  });

  it("stays inside 0–1 at the edges and is null without answers", () => {
    const none = wilsonInterval(0, 20)!;
    expect(none.lower).toBe(0);
    expect(none.upper).toBeCloseTo(3.8415 / (20 + 3.8415), 3); // z²/(n + z²) when p̂ = 0
    expect(wilsonInterval(20, 20)!.upper).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("t interval of a mean", () => {
  it("uses t(0.975, n − 1)", () => {
    // n = 10, mean 5, s² = 4: 5 ± 2.262157·2/√10 (t(0.975, 9) = 2.262 in t tables)
    const interval = tMeanInterval({ n: 10, mean: 5, variance: 4 })!;
    expect(interval.lower).toBeCloseTo(5 - (2.2621571628 * 2) / Math.sqrt(10), 8);
    expect(interval.upper).toBeCloseTo(5 + (2.2621571628 * 2) / Math.sqrt(10), 8);
  });

  it("is null below two answers and a point when all answers agree", () => {
    expect(tMeanInterval({ n: 1, mean: 3, variance: 0 })).toBeNull();
    expect(tMeanInterval({ n: 8, mean: 3, variance: 0 })).toEqual({ lower: 3, upper: 3 });
  });
});

describe("percentile bootstrap of a mean", () => {
  const bins = [
    { value: 20, count: 30 },
    { value: 55, count: 50 },
    { value: 90, count: 70 },
    { value: 100, count: 25 },
  ];

  it("gives the same interval for the same data and seed, whatever the order of the bins", () => {
    const a = bootstrapMeanInterval(bins, { seed: 11 });
    const b = bootstrapMeanInterval([...bins].reverse(), { seed: 11 });
    expect(b).toEqual(a);
    expect(bootstrapMeanInterval(bins, { seed: 12 })).not.toEqual(a);
  });

  it("agrees with the normal-theory interval for a large sample", () => {
    const n = bins.reduce((s, b) => s + b.count, 0);
    const mean = bins.reduce((s, b) => s + b.value * b.count, 0) / n;
    const sd = Math.sqrt(bins.reduce((s, b) => s + b.count * (b.value - mean) ** 2, 0) / (n - 1));
    const interval = bootstrapMeanInterval(bins, { resamples: 4000 })!;
    const halfWidth = (1.96 * sd) / Math.sqrt(n);
    expect(interval.lower).toBeGreaterThan(mean - halfWidth * 1.1);
    expect(interval.lower).toBeLessThan(mean - halfWidth * 0.9);
    expect(interval.upper).toBeGreaterThan(mean + halfWidth * 0.9);
    expect(interval.upper).toBeLessThan(mean + halfWidth * 1.1);
  });

  it("collapses to a point for one value and is null for none", () => {
    expect(bootstrapMeanInterval([{ value: 70, count: 1 }])).toEqual({ lower: 70, upper: 70 });
    expect(bootstrapMeanInterval([{ value: 70, count: 0 }])).toBeNull();
    expect(bootstrapMeanInterval([])).toBeNull();
  });

  it("repeats exactly with a fixed seed, computed afresh or from the cache, on both resampling paths", () => {
    const large = [
      { value: 10, count: 4000 },
      { value: 60, count: 9000 },
      { value: 95, count: 21_000 },
    ];
    for (const histogram of [bins, large]) {
      clearBootstrapCache();
      const first = bootstrapMeanInterval(histogram, { seed: 5 })!;
      clearBootstrapCache();
      const again = bootstrapMeanInterval(histogram, { seed: 5 })!;
      expect(again).toEqual(first);
      again.lower = -1; // a caller changing its copy does not change the cached result
      expect(bootstrapMeanInterval(histogram, { seed: 5 })).toEqual(first);
      expect(bootstrapMeanInterval(histogram, { seed: 5, resamples: 1001 })).not.toEqual(first);
    }
  });

  it("keeps a bounded number of results", () => {
    clearBootstrapCache();
    const histogram = (i: number) => [
      { value: 10, count: 3 + i },
      { value: 90, count: 5 },
    ];
    const first = bootstrapMeanInterval(histogram(0))!;
    for (let i = 1; i < 200; i++) {
      bootstrapMeanInterval(histogram(i));
      expect(bootstrapCacheEntries()).toBeLessThanOrEqual(64);
    }
    expect(bootstrapCacheEntries()).toBe(64);
    expect(bootstrapMeanInterval(histogram(0))).toEqual(first);
  });

  // An independent, plain percentile bootstrap: the answers written out, n uniform picks per resample.
  function plainBootstrap(histogram: readonly Bin[], resamples: number, seed: number): { lower: number; upper: number } {
    const answers = histogram.flatMap((bin) => Array.from({ length: bin.count }, () => bin.value));
    const random = mulberry32(seed);
    const means: number[] = [];
    for (let r = 0; r < resamples; r++) {
      let sum = 0;
      for (let j = 0; j < answers.length; j++) sum += answers[Math.floor(random() * answers.length)]!;
      means.push(sum / answers.length);
    }
    means.sort((a, b) => a - b);
    return { lower: quantileOfSorted(means, 0.025), upper: quantileOfSorted(means, 0.975) };
  }

  const skewed = [0, 20, 40, 55, 70, 80, 90, 95, 100].map((value, i) => ({ value, count: [3, 5, 10, 30, 90, 300, 700, 900, 400][i]! }));
  const bimodal = Array.from({ length: 40 }, (_, i) => ({ value: i * 2.5, count: Math.round(150 * Math.exp(-((i - 8) ** 2) / 6) + 260 * Math.exp(-((i - 32) ** 2) / 10)) }));
  const small = [
    { value: 12.5, count: 2 },
    { value: 47, count: 3 },
    { value: 88, count: 7 },
    { value: 100, count: 1 },
  ];
  const wide = Array.from({ length: 230 }, (_, i) => ({ value: (i * 100) / 229, count: 1 + ((i * 37) % 11) }));
  it.each([
    ["skewed", skewed, "bins"],
    ["bimodal", bimodal, "bins"],
    ["small n", small, "answers"],
    ["many distinct values", wide, "answers"],
  ] as const)("agrees with a plain per-answer bootstrap (%s)", (_, histogram, path) => {
    const n = histogram.reduce((s, b) => s + b.count, 0);
    expect(n <= perObservationDrawsPerBin * histogram.filter((b) => b.count > 0).length ? "answers" : "bins").toBe(path);
    const mean = histogram.reduce((s, b) => s + b.value * b.count, 0) / n;
    const standardError = Math.sqrt(histogram.reduce((s, b) => s + b.count * (b.value - mean) ** 2, 0) / n / n);
    const resamples = 3000;
    const ours = bootstrapMeanInterval(histogram, { resamples, seed: 8 })!;
    const plain = plainBootstrap(histogram, resamples, 9);
    // Monte-Carlo error of a 2.5 % quantile of B means ≈ SE·√(α(1 − α)/B)/φ(1.96) ≈ 0.05·SE at B = 3000;
    // the difference of two such estimates stays well within 0.3·SE (≈ 4 of its standard deviations).
    expect(Math.abs(ours.lower - plain.lower)).toBeLessThan(0.3 * standardError);
    expect(Math.abs(ours.upper - plain.upper)).toBeLessThan(0.3 * standardError);
    // …and a wrong interval (one 20 % too narrow) would not pass.
    expect(Math.abs(mean - 0.8 * (mean - ours.lower) - plain.lower)).toBeGreaterThan(0.3 * standardError);
  });

  it("interpolates quantiles like R's type 7", () => {
    // R: quantile(c(1, 2, 3, 4), c(0.25, 0.5, 0.975)) = 1.75, 2.5, 3.925
    expect(quantileOfSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileOfSorted([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 12);
  });
});
