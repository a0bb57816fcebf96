// The rollup shape every score is computed from: counts per answer value, per emotion level and per
// CX value. Counts add up, so a rollup per touchpoint and day merges into any period or segment, and
// the scores of merged rollups equal the scores of the raw responses (docs/metrics.md).
import { emotionCodes, intensities, type EmotionCode } from "../emotions.js";
import type { Bin, MeanSummary } from "./intervals.js";
import { bondSegment, bondSegments, cxIndexOfResponse, emotionalValence, type BondSegment, type ResponseAnswers } from "./response-scores.js";

export interface Scale {
  min: number;
  max: number;
}

/** Every closed rating question and its answer range (METHOD.md §1). */
export const scales = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
  usefulness: { min: 1, max: 7 },
  brandLove: { min: 1, max: 7 },
} as const satisfies Record<string, Scale>;
export type RatingQuestion = keyof typeof scales;

/** Answers per value of a scale: counts[answer − scale.min]. */
export type AnswerCounts = number[];

/** Zeros for every value of the scale. */
export function emptyCounts(scale: Scale): AnswerCounts {
  return new Array<number>(scale.max - scale.min + 1).fill(0);
}

function checkAnswer(scale: Scale, answer: number): void {
  if (!Number.isInteger(answer) || answer < scale.min || answer > scale.max) {
    throw new RangeError(`answer ${answer} is outside ${scale.min}–${scale.max}`);
  }
}

/** Counts of the answers given (null and undefined skipped); an answer off the scale is a bug and throws. */
export function countAnswers(scale: Scale, answers: readonly (number | null | undefined)[]): AnswerCounts {
  const counts = emptyCounts(scale);
  for (const answer of answers) {
    if (answer == null) continue;
    checkAnswer(scale, answer);
    counts[answer - scale.min]! += 1;
  }
  return counts;
}

/** Element-wise sum of count arrays of the same shape. */
export function mergeCounts(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new RangeError(`cannot merge counts of length ${a.length} and ${b.length}`);
  return a.map((count, i) => count + b[i]!);
}

/** Total of a count array. */
export function totalOf(counts: readonly number[]): number {
  return counts.reduce((sum, c) => sum + c, 0);
}

/** Answers between `from` and `to` (inclusive) of a scale's counts. */
export function countBetween(counts: readonly number[], scale: Scale, from: number, to: number): number {
  let sum = 0;
  for (let value = Math.max(from, scale.min); value <= Math.min(to, scale.max); value++) sum += counts[value - scale.min] ?? 0;
  return sum;
}

/** n, mean and sample variance of values given as a histogram. */
export function summariseBins(bins: readonly Bin[]): MeanSummary {
  const n = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (n === 0) return { n: 0, mean: Number.NaN, variance: 0 };
  const mean = bins.reduce((sum, bin) => sum + bin.count * bin.value, 0) / n;
  const squares = bins.reduce((sum, bin) => sum + bin.count * (bin.value - mean) ** 2, 0);
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

/** The bins of a scale's counts, one per answer value. */
export function binsOfCounts(counts: readonly number[], scale: Scale): Bin[] {
  return counts.map((count, i) => ({ value: scale.min + i, count }));
}

/** n, mean and sample variance of a scale's counts. */
export function summariseCounts(counts: readonly number[], scale: Scale): MeanSummary {
  return summariseBins(binsOfCounts(counts, scale));
}

/** Running sums for a quantity without a fixed scale (e.g. completion time): they merge by addition. */
export interface Moments {
  n: number;
  sum: number;
  sumOfSquares: number;
}

/** The moments of a list of values. */
export function momentsOfValues(values: readonly number[]): Moments {
  return values.reduce<Moments>((m, x) => ({ n: m.n + 1, sum: m.sum + x, sumOfSquares: m.sumOfSquares + x * x }), { n: 0, sum: 0, sumOfSquares: 0 });
}

/** Sum of two moments. */
export function mergeMoments(a: Moments, b: Moments): Moments {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumOfSquares: a.sumOfSquares + b.sumOfSquares };
}

/** n, mean and sample variance from moments: s² = (Σx² − (Σx)²/n)/(n − 1), floored at 0. */
export function summariseMoments(m: Moments): MeanSummary {
  if (m.n === 0) return { n: 0, mean: Number.NaN, variance: 0 };
  const mean = m.sum / m.n;
  return { n: m.n, mean, variance: m.n > 1 ? Math.max(0, (m.sumOfSquares - m.sum * mean) / (m.n - 1)) : 0 };
}

/** n, mean and sample variance of a list of values (two-pass, for precision). */
export function summariseValues(values: readonly number[]): MeanSummary {
  return summariseBins(values.map((value) => ({ value, count: 1 })));
}

/**
 * Responses per emotional valence: counts[6·EV + 6], 13 levels from EV = −1 to +1 in steps of 1/6.
 * Every EV of METHOD.md §3 is such a multiple (v·w with w in thirds, or the mean of two), so the mean
 * EV, its variance and the NES (EV > 0 positive, EV < 0 negative) all come out exact.
 */
export type ValenceCounts = number[];
export const valenceLevels = 13;

/** Index of an EV in ValenceCounts. */
export function valenceIndex(ev: number): number {
  return Math.round(6 * ev) + 6;
}

/** Zeros for the 13 valence levels. */
export function emptyValenceCounts(): ValenceCounts {
  return new Array<number>(valenceLevels).fill(0);
}

/** The bins (EV value, responses) of valence counts. */
export function valenceBins(counts: readonly number[]): Bin[] {
  return counts.map((count, i) => ({ value: (i - 6) / 6, count }));
}

/** Responses per CX index value, keyed by 36·CX (an integer 0 … 3600: every equal-weight CX index is a multiple of 1/36). */
export type CxHistogram = Record<string, number>;
export const cxUnitsPerPoint = 36;

/** The key of a CX index value in a CxHistogram. */
export function cxKey(cx: number): string {
  return String(Math.round(cx * cxUnitsPerPoint));
}

/** The bins (CX value, responses) of a CX histogram. */
export function cxBins(histogram: CxHistogram): Bin[] {
  return Object.entries(histogram).map(([key, count]) => ({ value: Number(key) / cxUnitsPerPoint, count }));
}

/** Sum of two CX histograms. */
export function mergeCxHistograms(a: CxHistogram, b: CxHistogram): CxHistogram {
  const merged: CxHistogram = { ...a };
  for (const [key, count] of Object.entries(b)) merged[key] = (merged[key] ?? 0) + count;
  return merged;
}

/** Emotion mentions per code and intensity: counts[code][intensity − 1]. Two emotions in a response are two mentions. */
export type EmotionCounts = Record<EmotionCode, number[]>;

/** Zeros for every emotion and intensity. */
export function emptyEmotionCounts(): EmotionCounts {
  return Object.fromEntries(emotionCodes.map((code) => [code, intensities.map(() => 0)])) as EmotionCounts;
}

/**
 * Everything the scores need about a set of responses, as counts. One per touchpoint and day (and per
 * value of each filter dimension) in the rollups; merge any number of them for a period or segment.
 */
export interface MetricsAggregate {
  /** Responses, whatever they answered. */
  responses: number;
  nps: AnswerCounts;
  csat: AnswerCounts;
  ces: AnswerCounts;
  usefulness: AnswerCounts;
  brandLove: AnswerCounts;
  /** Responses per EV level (see ValenceCounts). */
  valence: ValenceCounts;
  /** Emotion mentions per code × intensity. */
  emotions: EmotionCounts;
  /** Responses per CX index value (see CxHistogram). */
  cx: CxHistogram;
  /** Responses per bond segment; responses with neither emotion nor nps are in no segment. */
  bonds: Record<BondSegment, number>;
}

/** The aggregate of no responses. */
export function emptyAggregate(): MetricsAggregate {
  return {
    responses: 0,
    nps: emptyCounts(scales.nps),
    csat: emptyCounts(scales.csat),
    ces: emptyCounts(scales.ces),
    usefulness: emptyCounts(scales.usefulness),
    brandLove: emptyCounts(scales.brandLove),
    valence: emptyValenceCounts(),
    emotions: emptyEmotionCounts(),
    cx: {},
    bonds: { at_risk: 0, in_love: 0, indifferent: 0, satisfied: 0 },
  };
}

// Adds one response into `target`, in place; only aggregateResponses and addResponse call it, on copies.
function accumulate(target: MetricsAggregate, answers: ResponseAnswers): void {
  target.responses += 1;
  for (const question of ["nps", "csat", "ces", "usefulness", "brandLove"] as const) {
    const answer = answers[question];
    if (answer == null) continue;
    const scale = scales[question];
    checkAnswer(scale, answer);
    target[question][answer - scale.min]! += 1;
  }
  const ev = emotionalValence(answers.emotion);
  if (ev !== null && answers.emotion) {
    target.valence[valenceIndex(ev)]! += 1;
    for (const code of answers.emotion.codes.slice(0, 2)) target.emotions[code][answers.emotion.intensity - 1]! += 1;
  }
  const cx = cxIndexOfResponse(answers);
  if (cx !== null) {
    const key = cxKey(cx.value);
    target.cx[key] = (target.cx[key] ?? 0) + 1;
  }
  const bond = bondSegment(answers);
  if (bond !== null) target.bonds[bond] += 1;
}

function copyAggregate(a: MetricsAggregate): MetricsAggregate {
  return {
    responses: a.responses,
    nps: [...a.nps],
    csat: [...a.csat],
    ces: [...a.ces],
    usefulness: [...a.usefulness],
    brandLove: [...a.brandLove],
    valence: [...a.valence],
    emotions: Object.fromEntries(emotionCodes.map((code) => [code, [...a.emotions[code]]])) as EmotionCounts,
    cx: { ...a.cx },
    bonds: { ...a.bonds },
  };
}

/** The aggregate of a list of responses. */
export function aggregateResponses(responses: Iterable<ResponseAnswers>): MetricsAggregate {
  const aggregate = emptyAggregate();
  for (const answers of responses) accumulate(aggregate, answers);
  return aggregate;
}

/** A new aggregate with one more response (the incremental update when a response arrives). */
export function addResponse(aggregate: MetricsAggregate, answers: ResponseAnswers): MetricsAggregate {
  const next = copyAggregate(aggregate);
  accumulate(next, answers);
  return next;
}

/** The aggregate of the union of the responses behind each argument (e.g. days → month, touchpoints → stage). */
export function mergeAggregates(...aggregates: readonly MetricsAggregate[]): MetricsAggregate {
  let merged = emptyAggregate();
  for (const a of aggregates) {
    merged = {
      responses: merged.responses + a.responses,
      nps: mergeCounts(merged.nps, a.nps),
      csat: mergeCounts(merged.csat, a.csat),
      ces: mergeCounts(merged.ces, a.ces),
      usefulness: mergeCounts(merged.usefulness, a.usefulness),
      brandLove: mergeCounts(merged.brandLove, a.brandLove),
      valence: mergeCounts(merged.valence, a.valence),
      emotions: Object.fromEntries(emotionCodes.map((code) => [code, mergeCounts(merged.emotions[code], a.emotions[code])])) as EmotionCounts,
      cx: mergeCxHistograms(merged.cx, a.cx),
      bonds: Object.fromEntries(bondSegments.map((s) => [s, merged.bonds[s] + a.bonds[s]])) as Record<BondSegment, number>,
    };
  }
  return merged;
}
