// Seeded randomness for the bootstraps: the same data and seed must give the same interval on every
// machine and every run (METHOD.md §4), so nothing here touches Math.random.
import { logGamma } from "./distributions.js";

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

/**
 * A Binomial(n, p) draw, exact: inversion when n·p < 10; otherwise Hörmann's BTRS (transformed
 * rejection with squeeze, "The generation of binomial random variates", 1993), whose cost does not
 * grow with n. Acceptance uses exact log-factorials (logGamma).
 */
export function randomBinomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - randomBinomial(random, n, 1 - p);
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
