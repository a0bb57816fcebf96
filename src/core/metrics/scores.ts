// The headline scores of METHOD.md §3, each with its interval (§4) and its visibility for small
// samples, computed from count aggregates so that a dashboard never needs the raw responses.
import {
  binsOfCounts,
  countBetween,
  cxBins,
  scales,
  summariseBins,
  summariseCounts,
  totalOf,
  valenceBins,
  type AnswerCounts,
  type CxHistogram,
  type MetricsAggregate,
  type Scale,
  type ValenceCounts,
} from "./aggregate.js";
import {
  adjustedWaldInterval,
  bootstrapMeanInterval,
  defaultLevel,
  tMeanInterval,
  wilsonInterval,
  type BootstrapOptions,
  type Interval,
  type MeanSummary,
} from "./intervals.js";

/** `hidden` below 5 answers (not shown at all), `few_answers` below 30 (greyed), else `shown`. */
export type Visibility = "hidden" | "few_answers" | "shown";

/** The small-sample thresholds of METHOD.md §4. */
export const smallSample = { hiddenBelow: 5, fewAnswersBelow: 30 } as const;

/**
 * How a score on n answers may be shown. Presenters must drop the value and interval of a `hidden`
 * score: below 5 answers it is noise and could identify a respondent in a small segment.
 */
export function visibilityOf(n: number): Visibility {
  if (n < smallSample.hiddenBelow) return "hidden";
  if (n < smallSample.fewAnswersBelow) return "few_answers";
  return "shown";
}

/** A net score (−100 … +100) with its adjusted-Wald interval. */
export interface NetScore {
  n: number;
  /** 100·(positive − negative)/n; null when n = 0. */
  value: number | null;
  interval: Interval | null;
  /** Standard error of the adjusted estimate, in points (what the change test uses). */
  standardError: number | null;
  visibility: Visibility;
}

/** A share in % (0 … 100) with its Wilson interval. */
export interface ShareScore {
  n: number;
  count: number;
  value: number | null;
  interval: Interval | null;
  visibility: Visibility;
}

/** A mean with its t interval. */
export interface MeanScore {
  n: number;
  value: number | null;
  standardDeviation: number | null;
  interval: Interval | null;
  visibility: Visibility;
}

/** Net score of `positive` and `negative` among n (the statistics NPS and NES share). */
export function scoreNet(positive: number, negative: number, n: number, level = defaultLevel): NetScore {
  const estimate = adjustedWaldInterval(positive, negative, n, level);
  return {
    n,
    value: n > 0 ? (100 * (positive - negative)) / n : null,
    interval: estimate?.interval ?? null,
    standardError: estimate?.standardError ?? null,
    visibility: visibilityOf(n),
  };
}

/** Share count/n in %, with the Wilson interval in %. */
export function scoreShare(count: number, n: number, level = defaultLevel): ShareScore {
  const interval = wilsonInterval(count, n, level);
  return {
    n,
    count,
    value: n > 0 ? (100 * count) / n : null,
    interval: interval && { lower: 100 * interval.lower, upper: 100 * interval.upper },
    visibility: visibilityOf(n),
  };
}

/** Mean with its t interval, from a summary (n, mean, variance). */
export function scoreMeanSummary(summary: MeanSummary, level = defaultLevel): MeanScore {
  return {
    n: summary.n,
    value: summary.n > 0 ? summary.mean : null,
    standardDeviation: summary.n > 1 ? Math.sqrt(summary.variance) : null,
    interval: tMeanInterval(summary, level),
    visibility: visibilityOf(summary.n),
  };
}

/** Mean of a rating question from its counts (e.g. usefulness or brand love, 1–7). */
export function scoreMean(counts: AnswerCounts, scale: Scale, level = defaultLevel): MeanScore {
  return scoreMeanSummary(summariseCounts(counts, scale), level);
}

export interface NpsScore extends NetScore {
  promoters: number;
  passives: number;
  detractors: number;
}

/** NPS = 100·(P − D)/n from counts per answer 0–10; promoters 9–10, detractors 0–6; adjusted-Wald CI. */
export function scoreNps(counts: AnswerCounts, level = defaultLevel): NpsScore {
  const n = totalOf(counts);
  const promoters = countBetween(counts, scales.nps, 9, 10);
  const detractors = countBetween(counts, scales.nps, 0, 6);
  return { ...scoreNet(promoters, detractors, n, level), promoters, passives: n - promoters - detractors, detractors };
}

export interface NesScore extends NetScore {
  positive: number;
  neutral: number;
  negative: number;
}

/**
 * NES = %positive − %negative from the valence counts. A response counts as positive when its EV > 0
 * and negative when EV < 0 (with one emotion: its valence; with two, their net), so that each response
 * is one trinomial outcome and the adjusted-Wald statistics of NPS apply unchanged.
 */
export function scoreNes(valence: ValenceCounts, level = defaultLevel): NesScore {
  const n = totalOf(valence);
  const negative = valence.slice(0, 6).reduce((sum, c) => sum + c, 0);
  const positive = valence.slice(7).reduce((sum, c) => sum + c, 0);
  return { ...scoreNet(positive, negative, n, level), positive, neutral: n - positive - negative, negative };
}

export interface ValenceScore {
  n: number;
  visibility: Visibility;
  /** Mean EV, −1 … +1, with its t interval. */
  mean: MeanScore;
  /** % of responses with positive EV, with its Wilson interval. */
  positiveShare: ShareScore;
}

/** Mean emotional valence (t interval) and share of positive responses (Wilson), from valence counts. */
export function scoreEmotionalValence(valence: ValenceCounts, level = defaultLevel): ValenceScore {
  const n = totalOf(valence);
  const positive = valence.slice(7).reduce((sum, c) => sum + c, 0);
  return {
    n,
    visibility: visibilityOf(n),
    mean: scoreMeanSummary(summariseBins(valenceBins(valence)), level),
    positiveShare: scoreShare(positive, n, level),
  };
}

export interface CsatScore {
  n: number;
  visibility: Visibility;
  /** The headline: % answering 4–5. */
  topBox: ShareScore;
  mean: MeanScore;
}

/** CSAT from counts per answer 1–5: top-2-box share (4–5, Wilson) and mean (t). */
export function scoreCsat(counts: AnswerCounts, level = defaultLevel): CsatScore {
  const n = totalOf(counts);
  return {
    n,
    visibility: visibilityOf(n),
    topBox: scoreShare(countBetween(counts, scales.csat, 4, 5), n, level),
    mean: scoreMean(counts, scales.csat, level),
  };
}

export interface CesScore {
  n: number;
  visibility: Visibility;
  /** The headline: mean of 1–7. */
  mean: MeanScore;
  /** % answering 5–7. */
  topBox: ShareScore;
}

/** CES from counts per answer 1–7: mean (t) and share answering 5–7 (Wilson). */
export function scoreCes(counts: AnswerCounts, level = defaultLevel): CesScore {
  const n = totalOf(counts);
  return {
    n,
    visibility: visibilityOf(n),
    mean: scoreMean(counts, scales.ces, level),
    topBox: scoreShare(countBetween(counts, scales.ces, 5, 7), n, level),
  };
}

/** Linear map of a mean score (the CX components are linear in their answers). */
function rescaleMean(score: MeanScore, scale: (x: number) => number, factor: number): MeanScore {
  return {
    ...score,
    value: score.value === null ? null : scale(score.value),
    standardDeviation: score.standardDeviation === null ? null : score.standardDeviation * factor,
    interval: score.interval && { lower: scale(score.interval.lower), upper: scale(score.interval.upper) },
  };
}

export interface CxIndexScore {
  n: number;
  /** Mean of the per-response CX indices, 0 … 100; null when n = 0. */
  value: number | null;
  /** Percentile bootstrap interval (seeded). */
  interval: Interval | null;
  visibility: Visibility;
  /** Each component's mean over the responses that have it, 0 … 100, with its t interval. */
  components: { emo: MeanScore; sat: MeanScore; ease: MeanScore; rec: MeanScore };
}

/** The CX index of a set of responses from its histogram alone, with its bootstrap interval. */
export function scoreCxHistogram(histogram: CxHistogram, options: BootstrapOptions = {}): Omit<CxIndexScore, "components"> {
  const bins = cxBins(histogram);
  const summary = summariseBins(bins);
  return {
    n: summary.n,
    value: summary.n > 0 ? summary.mean : null,
    interval: bootstrapMeanInterval(bins, options),
    visibility: visibilityOf(summary.n),
  };
}

/**
 * CX index (METHOD.md §3): the mean over responses of each response's index (equal weights over the
 * components it has), with a percentile bootstrap interval of ≥ 1,000 seeded resamples, always with
 * its components EMO = 50·(EV + 1), SAT = 25·(csat − 1), EASE = 100·(ces − 1)/6, REC = 10·nps.
 */
export function scoreCxIndex(
  aggregate: Pick<MetricsAggregate, "cx" | "valence" | "csat" | "ces" | "nps">,
  options: BootstrapOptions = {},
): CxIndexScore {
  const level = options.level ?? defaultLevel;
  return {
    ...scoreCxHistogram(aggregate.cx, options),
    components: {
      emo: rescaleMean(scoreMeanSummary(summariseBins(valenceBins(aggregate.valence)), level), (ev) => 50 * (ev + 1), 50),
      sat: rescaleMean(scoreMean(aggregate.csat, scales.csat, level), (x) => 25 * (x - 1), 25),
      ease: rescaleMean(scoreMean(aggregate.ces, scales.ces, level), (x) => (100 * (x - 1)) / 6, 100 / 6),
      rec: rescaleMean(scoreMeanSummary(summariseBins(binsOfCounts(aggregate.nps, scales.nps)), level), (x) => 10 * x, 10),
    },
  };
}

export interface EmotionShare {
  code: keyof MetricsAggregate["emotions"];
  mentions: number;
  /** Mentions per intensity 1, 2, 3. */
  byIntensity: number[];
  /** % of all mentions. */
  share: number;
}

/** Emotions by number of mentions, most mentioned first (ties in the order of METHOD.md §2). */
export function rankEmotions(emotions: MetricsAggregate["emotions"]): EmotionShare[] {
  const rows = Object.entries(emotions).map(([code, byIntensity]) => ({
    code: code as EmotionShare["code"],
    byIntensity: [...byIntensity],
    mentions: totalOf(byIntensity),
  }));
  const total = rows.reduce((sum, row) => sum + row.mentions, 0);
  return rows
    .map((row) => ({ ...row, share: total > 0 ? (100 * row.mentions) / total : 0 }))
    .filter((row) => row.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions);
}

export interface AggregateScores {
  responses: number;
  cxIndex: CxIndexScore;
  nps: NpsScore;
  csat: CsatScore;
  ces: CesScore;
  nes: NesScore;
  valence: ValenceScore;
  usefulness: MeanScore;
  brandLove: MeanScore;
  bonds: MetricsAggregate["bonds"];
  emotions: EmotionShare[];
}

/** Every score of an aggregate at once: what an overview or a touchpoint detail shows. */
export function scoreAggregate(aggregate: MetricsAggregate, options: BootstrapOptions = {}): AggregateScores {
  const level = options.level ?? defaultLevel;
  return {
    responses: aggregate.responses,
    cxIndex: scoreCxIndex(aggregate, options),
    nps: scoreNps(aggregate.nps, level),
    csat: scoreCsat(aggregate.csat, level),
    ces: scoreCes(aggregate.ces, level),
    nes: scoreNes(aggregate.valence, level),
    valence: scoreEmotionalValence(aggregate.valence, level),
    usefulness: scoreMean(aggregate.usefulness, scales.usefulness, level),
    brandLove: scoreMean(aggregate.brandLove, scales.brandLove, level),
    bonds: { ...aggregate.bonds },
    emotions: rankEmotions(aggregate.emotions),
  };
}
