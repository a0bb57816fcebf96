// What drives the outcome (METHOD.md §6): Johnson's relative weights (2000) split the R² of a
// regression among correlated predictors (touchpoint or component scores), with seeded bootstrap
// intervals. Too little data is an answer too: a value with a reason, never noisy weights.
import { defaultLevel, defaultResamples, quantileOfSorted, type Interval } from "./intervals.js";
import { correlationMatrix, multiply, symmetricEigen, symmetricFunction, type Matrix } from "./linear-algebra.js";
import { defaultSeed, mulberry32, randomIndex } from "./random.js";

/** One customer (or one period): predictor scores in a fixed order, and the outcome. */
export interface DriverObservation {
  predictors: readonly (number | null)[];
  outcome: number | null;
}

export interface DriverOptions {
  /** Complete observations needed; max(30, 10 × predictors) by default. */
  minimumObservations?: number;
  /** Bootstrap resamples for the intervals; 0 for none. 1,000 by default. */
  resamples?: number;
  seed?: number;
  level?: number;
}

export interface DriverWeight {
  /** Position of the predictor in DriverObservation.predictors. */
  index: number;
  /** Raw relative weight: its part of R² (the weights sum to R²). */
  weight: number;
  /** weight / R², 0 … 1 (the importance of the priority matrix). */
  share: number;
  /** Percentile bootstrap interval of the raw weight. */
  interval: Interval | null;
}

export type DriverFailure = "too_few_observations" | "no_variation" | "collinear_predictors";

export type DriverAnalysis =
  | { ok: true; observations: number; rSquared: number; rSquaredInterval: Interval | null; weights: DriverWeight[]; resamplesUsed: number }
  | { ok: false; reason: DriverFailure; observations: number; needed: number };

/** The default minimum of complete observations for p predictors: 10 per predictor, never fewer than 30. */
export function minimumDriverObservations(predictors: number): number {
  return Math.max(30, 10 * predictors);
}

export type RelativeWeights = { ok: true; weights: number[]; rSquared: number } | { ok: false; reason: "no_variation" | "collinear_predictors" };

/**
 * Johnson's relative weights from correlations: with Rxx = VΛVᵀ, Λ* = Rxx^½ = VΛ^½Vᵀ (the loadings of
 * the predictors on their closest orthogonal counterparts Z), β = Rxx^−½·rxy (the outcome on Z) and
 * weight_j = Σₖ Λ*_jk²·βₖ². The weights sum to R² = rxyᵀ·Rxx⁻¹·rxy.
 */
export function relativeWeightsOfCorrelations(rxx: Matrix, rxy: readonly number[]): RelativeWeights {
  if (rxy.some(Number.isNaN) || rxx.some((row) => row.some(Number.isNaN))) return { ok: false, reason: "no_variation" };
  const eigen = symmetricEigen(rxx);
  const smallest = eigen.values[eigen.values.length - 1] ?? 0;
  if (!(smallest > 1e-10 * Math.max(1, eigen.values[0] ?? 1))) return { ok: false, reason: "collinear_predictors" };
  const loadings = symmetricFunction(eigen, Math.sqrt);
  const beta = multiply(symmetricFunction(eigen, (l) => 1 / Math.sqrt(l)), rxy);
  const weights = loadings.map((row) => row.reduce((sum, l, k) => sum + l * l * beta[k]! ** 2, 0));
  return { ok: true, weights, rSquared: beta.reduce((sum, b) => sum + b * b, 0) };
}

function weightsOfRows(predictorColumns: readonly (readonly number[])[], outcome: readonly number[]): RelativeWeights {
  const r = correlationMatrix([...predictorColumns, outcome]);
  const p = predictorColumns.length;
  const rxx = r.slice(0, p).map((row) => row.slice(0, p));
  const rxy = r.slice(0, p).map((row) => row[p]!);
  return relativeWeightsOfCorrelations(rxx, rxy);
}

/**
 * Correlation matrices of bootstrap resamples, fast: the data are centred once on the full-sample
 * means (so one-pass sums of products lose no precision), then each resample only accumulates sums
 * and cross-products over the rows it picked. Null when a variable does not vary in the resample.
 */
function resampler(columns: readonly (readonly number[])[]): (picks: Int32Array) => Matrix | null {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  const data = new Float64Array(n * k);
  const fullVariance: number[] = [];
  columns.forEach((column, j) => {
    const mean = column.reduce((sum, x) => sum + x, 0) / n;
    let squares = 0;
    column.forEach((x, i) => {
      data[i * k + j] = x - mean;
      squares += (x - mean) ** 2;
    });
    fullVariance.push(squares / n);
  });
  return (picks) => {
    const sums = new Float64Array(k);
    const products = new Float64Array(k * k);
    for (const i of picks) {
      const row = i * k;
      for (let a = 0; a < k; a++) {
        const xa = data[row + a]!;
        sums[a]! += xa;
        for (let b = a; b < k; b++) products[a * k + b]! += xa * data[row + b]!;
      }
    }
    const m = picks.length;
    const covariance = (a: number, b: number): number => products[a * k + b]! / m - (sums[a]! / m) * (sums[b]! / m);
    const sd: number[] = [];
    for (let a = 0; a < k; a++) {
      const variance = covariance(a, a);
      if (!(variance > 1e-10 * fullVariance[a]!)) return null;
      sd.push(Math.sqrt(variance));
    }
    return Array.from({ length: k }, (_, a) =>
      Array.from({ length: k }, (_, b) => (a === b ? 1 : covariance(Math.min(a, b), Math.max(a, b)) / (sd[a]! * sd[b]!))),
    );
  };
}

/**
 * Driver analysis by relative weights on customer-level (or period-level) observations; rows with a
 * missing value are left out. Fails as a value when there are too few complete observations, when a
 * variable never varies, or when predictors are perfectly collinear. Cost O(B·(n·p² + p³)): about a
 * second for 1,000 observations of 10 predictors, so run it in a job and cache it, not per request.
 */
export function analyseDrivers(observations: readonly DriverObservation[], options: DriverOptions = {}): DriverAnalysis {
  const p = observations[0]?.predictors.length ?? 0;
  const needed = options.minimumObservations ?? minimumDriverObservations(p);
  const complete = observations.filter(
    (o): o is { predictors: number[]; outcome: number } =>
      o.outcome !== null && o.predictors.length === p && o.predictors.every((x) => x !== null && Number.isFinite(x)) && Number.isFinite(o.outcome),
  );
  const n = complete.length;
  if (p === 0 || n < needed || n < p + 2) return { ok: false, reason: "too_few_observations", observations: n, needed: Math.max(needed, p + 2) };
  const columns = Array.from({ length: p }, (_, j) => complete.map((o) => o.predictors[j]!));
  const outcome = complete.map((o) => o.outcome);
  const fit = weightsOfRows(columns, outcome);
  if (!fit.ok) return { ok: false, reason: fit.reason, observations: n, needed };

  const { resamples = defaultResamples, seed = defaultSeed, level = defaultLevel } = options;
  const random = mulberry32(seed);
  const samples: number[][] = Array.from({ length: p }, () => []);
  const rSquaredSamples: number[] = [];
  const resample = resampler([...columns, outcome]);
  for (let b = 0; b < resamples; b++) {
    const picks = new Int32Array(n);
    for (let i = 0; i < n; i++) picks[i] = randomIndex(random, n);
    const r = resample(picks);
    const resampled = r ? relativeWeightsOfCorrelations(r.slice(0, p).map((row) => row.slice(0, p)), r.slice(0, p).map((row) => row[p]!)) : null;
    if (!resampled?.ok) continue; // a resample without variation says nothing; it is skipped and counted
    resampled.weights.forEach((w, j) => samples[j]!.push(w));
    rSquaredSamples.push(resampled.rSquared);
  }
  const alpha = 1 - level;
  const intervalOf = (values: number[]): Interval | null => {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    return { lower: quantileOfSorted(sorted, alpha / 2), upper: quantileOfSorted(sorted, 1 - alpha / 2) };
  };
  return {
    ok: true,
    observations: n,
    rSquared: fit.rSquared,
    rSquaredInterval: intervalOf(rSquaredSamples),
    resamplesUsed: rSquaredSamples.length,
    weights: fit.weights.map((weight, index) => ({
      index,
      weight,
      share: fit.rSquared > 0 ? weight / fit.rSquared : 0,
      interval: intervalOf(samples[index]!),
    })),
  };
}
