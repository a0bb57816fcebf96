// Seeded randomness for the bootstraps: the same data and seed must give the same interval on every
// machine and every run (METHOD.md §4), so nothing here touches Math.random.

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

/** A standard normal draw (Box–Muller). */
export function randomNormal(random: Random): number {
  const u = 1 - random(); // (0, 1], so the logarithm is finite
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 boosted by U^(1/shape)). */
export function randomGamma(random: Random, shape: number): number {
  if (shape < 1) return randomGamma(random, shape + 1) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = randomNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) draw, as Gamma(a) / (Gamma(a) + Gamma(b)). */
export function randomBeta(random: Random, a: number, b: number): number {
  const x = randomGamma(random, a);
  const y = randomGamma(random, b);
  return x / (x + y);
}

/**
 * A Binomial(n, p) draw, exact: inversion when n·p is small; otherwise Knuth's order-statistic split
 * (TAOCP vol. 2, §3.4.1): the a-th smallest of n uniforms is Beta(a, n − a + 1), and the count below p
 * follows from one side of it, so the work grows with log n rather than n.
 */
export function randomBinomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - randomBinomial(random, n, 1 - p);
  if (n * p < 16) {
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
  const a = 1 + Math.floor(n / 2);
  const x = randomBeta(random, a, n - a + 1);
  if (x >= p) return randomBinomial(random, a - 1, p / x);
  return a + randomBinomial(random, n - a, (p - x) / (1 - x));
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
