// Seeded randomness for the bootstraps: the same data and seed must give the same interval on every
// machine and every run (METHOD.md §4), so nothing here touches Math.random.
import { binomialSample } from "./binomial.js";

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** The seed every bootstrap uses unless told otherwise. */
export const defaultSeed = 20_160_401;

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit generator, tiny, fast and of ample quality for
 * resampling; its period of 2³² is far beyond the few million draws of a bootstrap.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in 0 … n − 1. */
export function randomIndex(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** A Binomial(n, p) draw, exact and fast for any n (see binomial.ts). */
export const randomBinomial = binomialSample;

/**
 * Multinomial(n; counts / Σcounts) draw as conditional binomials, one per category in the given order.
 * This is how a bootstrap resamples n answers from counts without touching the answers one by one.
 */
export function randomMultinomial(random: Random, n: number, counts: readonly number[]): number[] {
  let remainingWeight = counts.reduce((sum, c) => sum + c, 0);
  let remaining = n;
  return counts.map((count) => {
    if (remaining === 0 || remainingWeight <= 0) return 0;
    const drawn = count >= remainingWeight ? remaining : randomBinomial(random, remaining, count / remainingWeight);
    remaining -= drawn;
    remainingWeight -= count;
    return drawn;
  });
}
