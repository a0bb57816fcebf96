// How many answers a user needs before a change can show up as significant: the advice of
// METHOD.md §4 ("about 955 answers per period for 10 NPS points, about 3,800 for 5").
import { normalQuantile } from "./distributions.js";

export interface NpsSampleSizeOptions {
  /** Two-sided significance level; 0.05. */
  alpha?: number;
  /** Power, 1 − β; 0.8. */
  power?: number;
  /** Expected share of promoters; 0.5 (METHOD.md's worked example, an NPS of 30). */
  promoters?: number;
  /** Expected share of detractors; 0.2. */
  detractors?: number;
}

/**
 * Answers needed per period to detect an NPS change of `changePoints` (Lewis & Sauro, MeasuringU,
 * "Sample Sizes for Comparing Net Promoter Scores"): n = s²·(z₁₋α/₂ + z₁₋β)²/d² − 3, where
 * s² = 2·(p + d − (p − d)²) is the variance of a difference of two NPS on the −1 … +1 scale, d the
 * change as a fraction and −3 undoes the adjusted-Wald n′ = n + 3. Rounded up.
 * With the defaults: 10 points → 955, 5 points → 3,828.
 */
export function sampleSizeForNpsChange(changePoints: number, options: NpsSampleSizeOptions = {}): number {
  const { alpha = 0.05, power = 0.8, promoters = 0.5, detractors = 0.2 } = options;
  const d = Math.abs(changePoints) / 100;
  if (!(d > 0)) return Number.POSITIVE_INFINITY;
  const variance = 2 * (promoters + detractors - (promoters - detractors) ** 2);
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return Math.max(1, Math.ceil((variance * z * z) / (d * d) - 3));
}
