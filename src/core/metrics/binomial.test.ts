import { describe, expect, it } from "vitest";
import { binomialSample, logFactorial } from "./binomial.js";
import { logGamma, regularizedUpperGamma } from "./distributions.js";
import { mulberry32, type Random } from "./random.js";

type Sampler = (random: Random, n: number, p: number) => number;

/** Whether `draws` draws of a sampler have Binomial(n, p)'s mean (within 4.5 standard errors) and variance (within 5.5 standard errors). */
function momentsMatch(sampler: Sampler, n: number, p: number, draws = 20_000): boolean {
  const random = mulberry32(97);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < draws; i++) {
    const x = sampler(random, n, p);
    if (!Number.isInteger(x) || x < 0 || x > n) return false;
    sum += x;
    sumSquares += x * x;
  }
  const mean = sum / draws;
  const variance = (sumSquares - draws * mean * mean) / (draws - 1);
  const theoryVariance = n * p * (1 - p);
  // Var(s²) = μ4/N − σ⁴(N − 3)/(N(N − 1)), with the binomial's fourth central moment μ4 = 3σ⁴ + σ²(1 − 6pq).
  const mu4 = 3 * theoryVariance ** 2 + theoryVariance * (1 - 6 * p * (1 - p));
  const varianceSe = Math.sqrt(mu4 / draws - (theoryVariance ** 2 * (draws - 3)) / (draws * (draws - 1)));
  return Math.abs(mean - n * p) < 4.5 * Math.sqrt(theoryVariance / draws) && Math.abs(variance - theoryVariance) < 5.5 * varianceSe;
}

describe("exact binomial draws", () => {
  it.each([
    [1, 0.5],
    [10, 0.3],
    [40, 0.25],
    [1000, 0.02],
    [5000, 0.4],
    [100_000, 0.7],
    [5_000_000, 0.004],
    [5_000_000, 1e-7],
    [5_000_000, 2.1e-6],
    [1_000_000_000, 3e-9],
    [1_000_000_000, 0.5],
    [200_000, 0.999_99],
  ])("Binomial(%i, %f) has the right mean and variance", (n, p) => {
    expect(momentsMatch(binomialSample, n, p)).toBe(true);
  });

  it("the moment check rejects samplers that are only nearly binomial", () => {
    // A Poisson stand-in (variance np instead of npq) and a normal rounding without the continuity of
    // the tails both fail it; a shifted mean fails it.
    const poisson: Sampler = (random, n, p) => {
      let k = 0;
      let product = random();
      const limit = Math.exp(-n * p);
      while (product > limit) {
        k += 1;
        product *= random();
      }
      return Math.min(n, k);
    };
    const shifted: Sampler = (random, n, p) => Math.min(n, binomialSample(random, n, p) + (random() < 0.5 ? 1 : 0));
    expect(momentsMatch(poisson, 50, 0.2)).toBe(false);
    expect(momentsMatch(shifted, 20, 0.3)).toBe(false);
  });

  it.each([
    [60, 0.3],
    [2_000_000, 2e-6],
    [100_000, 0.2],
  ])("Binomial(%i, %f) follows the exact probabilities (χ² goodness of fit)", (n, p) => {
    const random = mulberry32(5);
    const draws = 50_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < draws; i++) {
      const k = binomialSample(random, n, p);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const logPmf = (k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
    // Cells with an expected count ≥ 20, the rest pooled into one.
    let chi = 0;
    let cells = 0;
    let restExpected = draws;
    let restObserved = draws;
    const mean = n * p;
    const sd = Math.sqrt(mean * (1 - p));
    for (let k = Math.max(0, Math.floor(mean - 6 * sd)); k <= Math.min(n, Math.ceil(mean + 6 * sd)); k++) {
      const expected = draws * Math.exp(logPmf(k));
      if (expected < 20) continue;
      const observed = counts.get(k) ?? 0;
      chi += (observed - expected) ** 2 / expected;
      cells += 1;
      restExpected -= expected;
      restObserved -= observed;
    }
    if (restExpected > 1e-9) {
      chi += (restObserved - restExpected) ** 2 / restExpected;
      cells += 1;
    }
    expect(cells).toBeGreaterThan(5);
    expect(regularizedUpperGamma((cells - 1) / 2, chi / 2)).toBeGreaterThan(1e-4);
  });

  it("repeats with the same seed", () => {
    const a = mulberry32(3);
    const b = mulberry32(3);
    const first = Array.from({ length: 50 }, (_, i) => binomialSample(a, 10 ** (i % 7), 0.37 / (1 + (i % 5))));
    expect(Array.from({ length: 50 }, (_, i) => binomialSample(b, 10 ** (i % 7), 0.37 / (1 + (i % 5))))).toEqual(first);
  });

  it("takes log-factorials that agree with logGamma", () => {
    for (const k of [0, 1, 2, 10, 255, 256, 257, 1000, 123_456, 5_000_000]) {
      expect(logFactorial(k)).toBeCloseTo(logGamma(k + 1), Math.max(4, 12 - Math.ceil(Math.log10(k + 2))));
    }
  });
});
