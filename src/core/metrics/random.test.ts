import { describe, expect, it } from "vitest";
import { mulberry32, randomBinomial, randomMultinomial } from "./random.js";

describe("seeded randomness", () => {
  it("repeats with the same seed and differs with another", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it.each([
    [10, 0.3],
    [1000, 0.02],
    [5000, 0.4],
    [100_000, 0.7],
  ])("draws Binomial(%i, %f) with the right mean and variance", (n, p) => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 4000 }, () => randomBinomial(random, n, p));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
    const sd = Math.sqrt(n * p * (1 - p));
    // the sample mean is within 4 standard errors; the variance within 10 %
    expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(draws.length));
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.9);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.1);
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
  });

  it("draws a multinomial that adds up", () => {
    const random = mulberry32(1);
    for (let i = 0; i < 50; i++) {
      const draw = randomMultinomial(random, 1000, [5, 0, 3, 2]);
      expect(draw.reduce((s, x) => s + x, 0)).toBe(1000);
      expect(draw[1]).toBe(0);
    }
  });
});
