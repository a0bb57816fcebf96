// Exact binomial draws, fast for any n: the engine of the CX index's bootstrap, which resamples n
// answers from a histogram as one Multinomial(n, p) count vector drawn bin by bin as conditional
// binomials. Everything is driven by the caller's seeded generator, so the same data and seed give the
// same draws on every machine.
import type { Random } from "./random.js";

const tableSize = 256;
const logFactorialTable = new Float64Array(tableSize);
for (let k = 2; k < tableSize; k++) logFactorialTable[k] = logFactorialTable[k - 1]! + Math.log(k);
const halfLogTwoPi = 0.5 * Math.log(2 * Math.PI);

/**
 * log(k!) for an integer k ≥ 0: a table below 256, above it Stirling's series to the k⁻⁷ term, whose
 * truncation error (< 1/(1188·k⁹) < 10⁻²⁴) is far below double precision. Much cheaper than logGamma.
 */
export function logFactorial(k: number): number {
  if (k < tableSize) return logFactorialTable[k]!;
  const r = 1 / k;
  const r2 = r * r;
  return (k + 0.5) * Math.log(k) - k + halfLogTwoPi + r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)));
}

/**
 * A Binomial(n, p) draw, exact for every n and p.
 * - n·p < 10 (after reflecting p > ½): inversion, walking the probability mass function up from 0 with
 *   the recurrence f(k) = f(k − 1)·(n − k + 1)/k·p/q; a walk that reaches a far bound (where the
 *   remaining mass is below 10⁻¹⁵, only reached through rounding) starts over with a new uniform.
 * - otherwise Hörmann's BTRS ("The generation of binomial random variates", 1993): transformed
 *   rejection with a squeeze that accepts ≈ 86 % of candidates with two uniforms and no logarithm; the
 *   rest are judged against the exact log probability ratio (log-factorials above). Its cost does not
 *   grow with n.
 */
export function binomialSample(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialSample(random, n, 1 - p);
  const q = 1 - p;
  const mean = n * p;
  if (mean < 10) {
    const ratio = p / q;
    const first = Math.exp(n * Math.log1p(-p));
    const bound = Math.min(n, Math.floor(mean + 10 * Math.sqrt(mean * q + 1) + 10));
    for (;;) {
      let u = random();
      let probability = first;
      let k = 0;
      while (u > probability) {
        u -= probability;
        k += 1;
        if (k > bound) break;
        probability *= (ratio * (n - k + 1)) / k;
      }
      if (k <= bound) return k;
    }
  }
  const spq = Math.sqrt(mean * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = mean + 0.5;
  const vr = 0.92 - 4.2 / b;
  let alpha = 0;
  let lpq = 0;
  let m = 0;
  let h = Number.NaN;
  for (;;) {
    const u = random() - 0.5;
    let v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || k > n) continue;
    if (Number.isNaN(h)) {
      // Set up the exact test only when a candidate needs it (≈ 14 % of calls).
      alpha = (2.83 + 5.1 / b) * spq;
      lpq = Math.log(p / q);
      m = Math.floor((n + 1) * p);
      h = logFactorial(m) + logFactorial(n - m);
    }
    v = (v * alpha) / (a / (us * us) + b);
    if (Math.log(v) <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}
