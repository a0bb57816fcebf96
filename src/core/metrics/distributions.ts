// Normal and Student t distributions: the quantiles behind every interval and the CDFs behind every
// p-value. Written here rather than taken from a library: jStat is unmaintained and pulls in far more
// than four functions, and these few dozen lines are checked against published tables in the tests.

const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let sum = lanczos[0]!;
  for (let i = 1; i < lanczos.length; i++) sum += lanczos[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

const epsilon = 1e-16;
const tiny = 1e-300;

// Continued fraction of the incomplete beta function, modified Lentz (Numerical Recipes §6.4).
function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b), for 0 ≤ x ≤ 1 and a, b > 0. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The regularised upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a), for a > 0, x ≥ 0. */
export function regularizedUpperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const logFront = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // Series for the lower function P, then Q = 1 − P.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * epsilon) break;
    }
    return 1 - sum * Math.exp(logFront);
  }
  // Continued fraction for Q (modified Lentz).
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return Math.exp(logFront) * h;
}

/** Φ(x), the standard normal CDF (via erfc(z) = Q(½, z²); accurate to about 1e-15). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const upperHalf = 0.5 * regularizedUpperGamma(0.5, (x * x) / 2);
  return x < 0 ? upperHalf : 1 - upperHalf;
}

/** The upper tail 1 − Φ(x), without cancellation for large x. */
export function normalUpperTail(x: number): number {
  return normalCdf(-x);
}

const normalDensity = (x: number): number => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);

// Acklam's rational approximation (relative error 1.15e-9), then polished by Halley steps on normalCdf.
const acklamA = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const acklamB = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const acklamC = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const acklamD = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (const c of coefficients) value = value * x + c;
  return value;
}

/** z such that Φ(z) = p, for 0 < p < 1 (e.g. normalQuantile(0.975) = 1.959964). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = polynomial(acklamC, q) / (polynomial(acklamD, q) * q + 1);
  } else if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x = -polynomial(acklamC, q) / (polynomial(acklamD, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (polynomial(acklamA, r) * q) / (polynomial(acklamB, r) * r + 1);
  }
  for (let i = 0; i < 2; i++) {
    // Halley step; the error is taken on the smaller tail to keep precision far from the centre.
    const e = x < 0 ? normalCdf(x) - p : 1 - p - normalUpperTail(x);
    const u = e / normalDensity(x);
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}

/** Density of Student's t with df degrees of freedom. */
export function studentTDensity(t: number, df: number): number {
  if (!Number.isFinite(df)) return normalDensity(t);
  const logDensity = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df);
  return Math.exp(logDensity);
}

/** P(T > |t|) for Student's t with df > 0 degrees of freedom (non-integer df allowed, for Welch). */
function studentTTail(t: number, df: number): number {
  if (!Number.isFinite(df) || df > 1e7) return normalUpperTail(Math.abs(t));
  return 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** P(T ≤ t) for Student's t with df > 0 degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  const tail = studentTTail(t, df);
  return t > 0 ? 1 - tail : tail;
}

/** Two-sided p-value P(|T| ≥ |t|) for Student's t with df degrees of freedom. */
export function studentTTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * studentTTail(t, df));
}

/**
 * t such that P(T ≤ t) = p for Student's t with df > 0 degrees of freedom, e.g. t(0.975, 10) = 2.228139.
 * Exact formulas for df = 1 and 2; otherwise a Cornish–Fisher start polished by safeguarded Newton
 * steps on the upper tail, so extreme p keep full precision.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0) || Number.isNaN(p)) return Number.NaN;
  if (p <= 0) return p === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (p >= 1) return p === 1 ? Number.POSITIVE_INFINITY : Number.NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -upperQuantile(p, df);
  return upperQuantile(1 - p, df);
}

// t > 0 with P(T > t) = q, for 0 < q < 0.5.
function upperQuantile(q: number, df: number): number {
  if (!Number.isFinite(df) || df > 1e7) return -normalQuantile(q);
  if (df === 1) return Math.tan(Math.PI * (0.5 - q));
  if (df === 2) {
    const a = 4 * q * (1 - q);
    return (1 - 2 * q) * Math.sqrt(2 / a);
  }
  const z = -normalQuantile(q);
  const z2 = z * z;
  let t =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df) +
    (z * (3 * z2 ** 3 + 19 * z2 * z2 + 17 * z2 - 15)) / (384 * df ** 3) +
    (z * (79 * z2 ** 4 + 776 * z2 ** 3 + 1482 * z2 * z2 - 1920 * z2 - 945)) / (92160 * df ** 4);
  if (!(t > 0) || !Number.isFinite(t)) t = z;
  // Bracket the root, then Newton steps that fall back to bisection when they leave the bracket.
  let lower = 0;
  let upper = Math.max(t, 1);
  while (studentTTail(upper, df) > q) {
    lower = upper;
    upper *= 2;
  }
  t = Math.min(Math.max(t, lower), upper);
  for (let i = 0; i < 200; i++) {
    const error = studentTTail(t, df) - q;
    if (error > 0) lower = t;
    else upper = t;
    let next = t + error / studentTDensity(t, df);
    if (!(next > lower && next < upper)) next = (lower + upper) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, t)) return next;
    t = next;
  }
  return t;
}
