// Is a change between two periods (or two segments) real? The tests of METHOD.md §4: a z-test on
// adjusted-Wald estimates for NPS and NES, a two-proportion z-test for shares and Welch's t-test
// for means. A change is reported as significant only at p < 0.05.
import { countBetween, scales, summariseBins, summariseCounts, totalOf, valenceBins, type AnswerCounts, type Scale, type ValenceCounts } from "./aggregate.js";
import { normalUpperTail, studentTQuantile, studentTTwoSidedP } from "./distributions.js";
import { adjustedWaldInterval, type Interval, type MeanSummary } from "./intervals.js";

/** The significance level of every change the product reports. */
export const significanceLevel = 0.05;

export interface Change {
  /** current − previous, in the score's unit (points for NPS/NES, percentage points for shares). */
  change: number | null;
  /** z or t; null when the test cannot be made (an empty side, or no variation at all). */
  statistic: number | null;
  /** Two-sided p-value. */
  pValue: number | null;
  /** pValue < 0.05. */
  significant: boolean;
}

export interface MeanChange extends Change {
  /** Welch–Satterthwaite degrees of freedom. */
  degreesOfFreedom: number | null;
  /** 95 % interval of the difference in means. */
  interval: Interval | null;
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}

function decide(change: number | null, statistic: number | null, pValue: number | null): Change {
  return { change, statistic, pValue, significant: pValue !== null && pValue < significanceLevel };
}

/** The trinomial counts a net score is made of. */
export interface NetCounts {
  positive: number;
  negative: number;
  n: number;
}

/**
 * Change of a net score: z = (s₁ − s₂)/√(SE₁² + SE₂²) on the adjusted-Wald estimates s = 100·(p′ − d′)
 * (Rocks 2016; Lewis & Sauro's NPS significance test). `change` is the plain score difference.
 */
export function compareNetScores(current: NetCounts, previous: NetCounts): Change {
  const a = adjustedWaldInterval(current.positive, current.negative, current.n);
  const b = adjustedWaldInterval(previous.positive, previous.negative, previous.n);
  if (!a || !b) return decide(null, null, null);
  const change = (100 * (current.positive - current.negative)) / current.n - (100 * (previous.positive - previous.negative)) / previous.n;
  const z = (a.adjusted - b.adjusted) / Math.sqrt(a.standardError ** 2 + b.standardError ** 2);
  return decide(change, z, twoSidedNormalP(z));
}

function npsCounts(counts: AnswerCounts): NetCounts {
  return { positive: countBetween(counts, scales.nps, 9, 10), negative: countBetween(counts, scales.nps, 0, 6), n: totalOf(counts) };
}

function nesCounts(valence: ValenceCounts): NetCounts {
  return { positive: totalOf(valence.slice(7)), negative: totalOf(valence.slice(0, 6)), n: totalOf(valence) };
}

/** Change of NPS between two sets of counts per answer 0–10. */
export function compareNps(current: AnswerCounts, previous: AnswerCounts): Change {
  return compareNetScores(npsCounts(current), npsCounts(previous));
}

/** Change of NES between two sets of valence counts. */
export function compareNes(current: ValenceCounts, previous: ValenceCounts): Change {
  return compareNetScores(nesCounts(current), nesCounts(previous));
}

/** A count out of n (e.g. answers 4–5 out of all CSAT answers). */
export interface ShareCounts {
  count: number;
  n: number;
}

/**
 * Change of a share: the pooled two-proportion z-test, z = (p̂₁ − p̂₂)/√(p̂(1 − p̂)(1/n₁ + 1/n₂)) with
 * p̂ = (x₁ + x₂)/(n₁ + n₂). Equivalent to Pearson's χ² test of the 2×2 table without continuity correction.
 */
export function compareShares(current: ShareCounts, previous: ShareCounts): Change {
  if (current.n <= 0 || previous.n <= 0) return decide(null, null, null);
  const p1 = current.count / current.n;
  const p2 = previous.count / previous.n;
  const pooled = (current.count + previous.count) / (current.n + previous.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / current.n + 1 / previous.n));
  const change = 100 * (p1 - p2);
  if (se === 0) return decide(change, null, null);
  const z = (p1 - p2) / se;
  return decide(change, z, twoSidedNormalP(z));
}

/**
 * Change of a mean: Welch's t-test, t = (x̄₁ − x̄₂)/√(s₁²/n₁ + s₂²/n₂), with the Welch–Satterthwaite
 * df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)) and the Student t CDF.
 */
export function compareMeans(current: MeanSummary, previous: MeanSummary): MeanChange {
  const none = { degreesOfFreedom: null, interval: null };
  if (current.n < 2 || previous.n < 2) {
    const change = current.n > 0 && previous.n > 0 ? current.mean - previous.mean : null;
    return { ...decide(change, null, null), ...none };
  }
  const change = current.mean - previous.mean;
  const v1 = current.variance / current.n;
  const v2 = previous.variance / previous.n;
  const se = Math.sqrt(v1 + v2);
  if (se === 0) return { ...decide(change, null, null), ...none };
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (current.n - 1) + v2 ** 2 / (previous.n - 1));
  const t = change / se;
  const margin = studentTQuantile(0.975, df) * se;
  return { ...decide(change, t, studentTTwoSidedP(t, df)), degreesOfFreedom: df, interval: { lower: change - margin, upper: change + margin } };
}

/** Change of the mean of a rating question, from counts. */
export function compareMeanCounts(current: AnswerCounts, previous: AnswerCounts, scale: Scale): MeanChange {
  return compareMeans(summariseCounts(current, scale), summariseCounts(previous, scale));
}

/** Change of CSAT: top-2-box share (the headline) and mean. */
export function compareCsat(current: AnswerCounts, previous: AnswerCounts): { topBox: Change; mean: MeanChange } {
  const share = (counts: AnswerCounts): ShareCounts => ({ count: countBetween(counts, scales.csat, 4, 5), n: totalOf(counts) });
  return { topBox: compareShares(share(current), share(previous)), mean: compareMeanCounts(current, previous, scales.csat) };
}

/** Change of CES: mean (the headline) and share answering 5–7. */
export function compareCes(current: AnswerCounts, previous: AnswerCounts): { mean: MeanChange; topBox: Change } {
  const share = (counts: AnswerCounts): ShareCounts => ({ count: countBetween(counts, scales.ces, 5, 7), n: totalOf(counts) });
  return { mean: compareMeanCounts(current, previous, scales.ces), topBox: compareShares(share(current), share(previous)) };
}

/** Change of the mean emotional valence, from valence counts. */
export function compareValence(current: ValenceCounts, previous: ValenceCounts): MeanChange {
  return compareMeans(summariseBins(valenceBins(current)), summariseBins(valenceBins(previous)));
}
