// What leaves the server about scores, field by field. Every score carries its interval and its
// visibility (METHOD.md §4): below 5 answers the presenter drops the value, the interval, the counts
// behind them and any change (noise, and a small segment could identify a respondent); below 30 the
// score is sent with visibility "few_answers" for the dashboard to grey it.
import { z } from "zod";
import { emotionCodes } from "../../../core/emotions.js";
import {
  bondSegments,
  compareCes,
  compareCsat,
  compareMeans,
  compareNes,
  compareNps,
  compareShares,
  cxBins,
  scoreCes,
  scoreCsat,
  scoreCxHistogram,
  scoreCxIndex,
  scoreEmotionalValence,
  scoreMean,
  scoreMeanSummary,
  scoreNes,
  scoreNps,
  scoreShare,
  scales,
  summariseBins,
  summariseMoments,
  totalOf,
  visibilityOf,
  rankEmotions,
  type Change,
  type EmotionCurvePoint,
  type Interval,
  type MeanScore,
  type Visibility,
} from "../../../core/metrics/index.js";
import type { RollupTotals } from "../../../db/queries/scores.js";

export const visibilityOut = z.enum(["hidden", "few_answers", "shown"]).describe("hidden below 5 answers (no value), few_answers below 30 (show greyed), else shown.");
const intervalOut = z.object({ lower: z.number(), upper: z.number() }).nullable().describe("95 % interval; null when hidden or not computable.");

export const changeOut = z
  .object({
    previous: z.number().nullable().describe("The score in the previous period of equal length."),
    change: z.number().nullable().describe("Current − previous, in the score's unit."),
    pValue: z.number().nullable(),
    significant: z.boolean().describe("p < 0.05 (METHOD.md §4)."),
  })
  .nullable()
  .describe("Null when either period has fewer than 5 answers.");

export const scoreOut = z.object({
  n: z.number().int().describe("Answers behind the score."),
  value: z.number().nullable(),
  interval: intervalOut,
  visibility: visibilityOut,
});
export type ScoreOut = z.infer<typeof scoreOut>;
export const scoreWithChangeOut = scoreOut.extend({ change: changeOut });

/** A score with its visibility applied: hidden drops value and interval. */
export function presentScore(n: number, value: number | null, interval: Interval | null, visibility: Visibility = visibilityOf(n)): ScoreOut {
  return visibility === "hidden" ? { n, value: null, interval: null, visibility } : { n, value, interval, visibility };
}

const presentMean = (score: MeanScore): ScoreOut => presentScore(score.n, score.value, score.interval, score.visibility);

function presentChange(current: ScoreOut, previous: ScoreOut, change: Change): z.infer<typeof changeOut> {
  if (current.visibility === "hidden" || previous.visibility === "hidden") return null;
  return { previous: previous.value, change: change.change, pValue: change.pValue, significant: change.significant };
}

const cxSummary = (totals: RollupTotals) => summariseBins(cxBins(totals.aggregate.cx));
const cxSummaryScore = (totals: RollupTotals) => {
  const summary = cxSummary(totals);
  return { n: summary.n, value: summary.n > 0 ? summary.mean : null, visibility: visibilityOf(summary.n) };
};

/** Every headline score of a period against the previous one (overview, touchpoint detail). */
export const headlineScoresOut = z.object({
  responses: z.object({ count: z.number().int(), previous: z.number().int(), change: z.number().int() }),
  completionRate: scoreWithChangeOut.describe("% of responses with the four closed answers (Wilson interval)."),
  cxIndex: scoreWithChangeOut.extend({
    components: z.object({ emo: scoreOut, sat: scoreOut, ease: scoreOut, rec: scoreOut }).describe("Each 0–100, mean over the responses that have it (t interval)."),
  }).describe("CX index 0–100, percentile bootstrap interval (1,000 seeded resamples); change by Welch's t-test."),
  nps: scoreWithChangeOut.extend({
    promoters: z.number().int().nullable(),
    passives: z.number().int().nullable(),
    detractors: z.number().int().nullable(),
  }).describe("−100…+100, adjusted-Wald interval; change by z-test on adjusted estimates."),
  csat: scoreWithChangeOut.extend({ mean: scoreOut.describe("Mean of 1–5 (t interval).") }).describe("% answering 4–5 (Wilson); change by two-proportion z-test."),
  ces: scoreWithChangeOut.extend({ topBox: scoreOut.describe("% answering 5–7 (Wilson).") }).describe("Mean of 1–7 (t interval); change by Welch's t-test."),
  nes: scoreWithChangeOut.describe("%positive − %negative emotions, −100…+100, adjusted-Wald interval."),
  topEmotions: z.array(z.object({ code: z.enum(emotionCodes), mentions: z.number().int(), share: z.number() })).describe("Empty below 5 emotion answers."),
});
export type HeadlineScores = z.infer<typeof headlineScoresOut>;

export function presentHeadlineScores(current: RollupTotals, previous: RollupTotals): HeadlineScores {
  const a = current.aggregate;
  const b = previous.aggregate;

  const completion = (t: RollupTotals) => {
    const s = scoreShare(t.completed, t.aggregate.responses);
    return presentScore(s.n, s.value, s.interval, s.visibility);
  };
  const completionNow = completion(current);
  const completionBefore = completion(previous);

  const cx = scoreCxIndex(a);
  const cxNow = presentScore(cx.n, cx.value, cx.interval, cx.visibility);
  const cxBeforeSummary = cxSummary(previous);
  const cxBefore = presentScore(cxBeforeSummary.n, cxBeforeSummary.n > 0 ? cxBeforeSummary.mean : null, null);

  const nps = scoreNps(a.nps);
  const npsBefore = scoreNps(b.nps);
  const npsNow = presentScore(nps.n, nps.value, nps.interval, nps.visibility);
  const hiddenNps = nps.visibility === "hidden";

  const csat = scoreCsat(a.csat);
  const csatBefore = scoreCsat(b.csat);
  const csatNow = presentScore(csat.n, csat.topBox.value, csat.topBox.interval, csat.visibility);

  const ces = scoreCes(a.ces);
  const cesBefore = scoreCes(b.ces);
  const cesNow = presentMean(ces.mean);

  const nes = scoreNes(a.valence);
  const nesBefore = scoreNes(b.valence);
  const nesNow = presentScore(nes.n, nes.value, nes.interval, nes.visibility);

  const emotionAnswers = totalOf(a.valence);
  return {
    responses: { count: a.responses, previous: b.responses, change: a.responses - b.responses },
    completionRate: {
      ...completionNow,
      change: presentChange(completionNow, completionBefore, compareShares({ count: current.completed, n: a.responses }, { count: previous.completed, n: b.responses })),
    },
    cxIndex: {
      ...cxNow,
      change: presentChange(cxNow, cxBefore, compareMeans(cxSummary(current), cxBeforeSummary)),
      components: {
        emo: presentMean(cx.components.emo),
        sat: presentMean(cx.components.sat),
        ease: presentMean(cx.components.ease),
        rec: presentMean(cx.components.rec),
      },
    },
    nps: {
      ...npsNow,
      promoters: hiddenNps ? null : nps.promoters,
      passives: hiddenNps ? null : nps.passives,
      detractors: hiddenNps ? null : nps.detractors,
      change: presentChange(npsNow, presentScore(npsBefore.n, npsBefore.value, npsBefore.interval), compareNps(a.nps, b.nps)),
    },
    csat: {
      ...csatNow,
      mean: presentMean(csat.mean),
      change: presentChange(csatNow, presentScore(csatBefore.n, csatBefore.topBox.value, null), compareCsat(a.csat, b.csat).topBox),
    },
    ces: {
      ...cesNow,
      topBox: presentScore(ces.n, ces.topBox.value, ces.topBox.interval, ces.visibility),
      change: presentChange(cesNow, presentMean(cesBefore.mean), compareCes(a.ces, b.ces).mean),
    },
    nes: { ...nesNow, change: presentChange(nesNow, presentScore(nesBefore.n, nesBefore.value, null), compareNes(a.valence, b.valence)) },
    topEmotions: visibilityOf(emotionAnswers) === "hidden" ? [] : rankEmotions(a.emotions).slice(0, 5).map((e) => ({ code: e.code, mentions: e.mentions, share: e.share })),
  };
}

/** The scores of one cell of a journey (a touchpoint or a stage), without changes. */
export const cellScoresOut = z.object({
  responses: z.number().int(),
  cxIndex: scoreOut.describe("CX index; in the journey view its bootstrap interval is given for the journey, not per stage or touchpoint (null there)."),
  nps: scoreOut,
  csat: scoreOut.describe("% answering 4–5."),
  ces: scoreOut.describe("Mean of 1–7."),
  nes: scoreOut,
});
export type CellScores = z.infer<typeof cellScoresOut>;

/**
 * `cxInterval: false` skips the CX index's bootstrap (its interval is null): for cells whose interval is
 * never shown, as the journey view's stages and touchpoints, where 20-odd bootstraps were most of its cost.
 */
export function presentCellScores(totals: RollupTotals, { cxInterval = true }: { cxInterval?: boolean } = {}): CellScores {
  const a = totals.aggregate;
  const cx = cxInterval ? scoreCxHistogram(a.cx) : { ...cxSummaryScore(totals), interval: null };
  const nps = scoreNps(a.nps);
  const csat = scoreCsat(a.csat);
  const ces = scoreCes(a.ces);
  const nes = scoreNes(a.valence);
  return {
    responses: a.responses,
    cxIndex: presentScore(cx.n, cx.value, cx.interval, cx.visibility),
    nps: presentScore(nps.n, nps.value, nps.interval, nps.visibility),
    csat: presentScore(csat.n, csat.topBox.value, csat.topBox.interval, csat.visibility),
    ces: presentMean(ces.mean),
    nes: presentScore(nes.n, nes.value, nes.interval, nes.visibility),
  };
}

export const emotionCurvePointOut = z.object({
  stageId: z.string(),
  n: z.number().int(),
  visibility: visibilityOut,
  valence: scoreOut.describe("Mean emotional valence −1…+1 (t interval)."),
  nes: scoreOut,
});

export function presentEmotionCurvePoint(point: EmotionCurvePoint): z.infer<typeof emotionCurvePointOut> {
  return {
    stageId: point.stageId,
    n: point.n,
    visibility: point.visibility,
    valence: presentMean(point.valence),
    nes: presentScore(point.nes.n, point.nes.value, point.nes.interval, point.nes.visibility),
  };
}

const countsOut = (describe: string) => z.array(z.number().int()).nullable().describe(`${describe} Null below 5 answers.`);

/** Distributions, bond segments and completion of one touchpoint. */
export const detailOut = z.object({
  distributions: z.object({
    nps: countsOut("Answers per value 0–10."),
    csat: countsOut("Answers per value 1–5."),
    ces: countsOut("Answers per value 1–7."),
    usefulness: countsOut("Answers per value 1–7 (content variant)."),
    brandLove: countsOut("Answers per value 1–7 (relationship variant)."),
    emotions: z
      .array(z.object({ code: z.enum(emotionCodes), mentions: z.number().int(), share: z.number(), byIntensity: z.array(z.number().int()) }))
      .describe("Mentions per emotion and intensity 1–3, most mentioned first; empty below 5 emotion answers."),
  }),
  valence: scoreOut.describe("Mean emotional valence −1…+1 (t interval)."),
  usefulness: scoreOut,
  brandLove: scoreOut,
  bonds: z.object({
    n: z.number().int(),
    visibility: visibilityOut,
    segments: z
      .array(z.object({ segment: z.enum(bondSegments), count: z.number().int(), share: scoreOut.describe("% of responses with a segment (Wilson).") }))
      .describe("at_risk, in_love, indifferent, satisfied (METHOD.md §3); empty when hidden."),
  }),
  completion: z.object({
    completed: z.number().int(),
    meanSeconds: scoreOut.describe("Mean completion time of completed form-page and widget responses, each capped at an hour (t interval); API and import items have none."),
    answered: z
      .object({ emotion: z.number().int(), csat: z.number().int(), ces: z.number().int(), nps: z.number().int(), usefulness: z.number().int(), brandLove: z.number().int() })
      .nullable()
      .describe("Responses that answered each question: drop-off is responses − answered. Null below 5 responses."),
  }),
});

export function presentDetail(totals: RollupTotals): z.infer<typeof detailOut> {
  const a = totals.aggregate;
  const shown = (counts: number[]) => (visibilityOf(totalOf(counts)) === "hidden" ? null : [...counts]);
  const valence = scoreEmotionalValence(a.valence);
  const bondTotal = bondSegments.reduce((sum, s) => sum + a.bonds[s], 0);
  const bondVisibility = visibilityOf(bondTotal);
  const completion = summariseMoments(totals.completionSeconds);
  const hiddenResponses = visibilityOf(a.responses) === "hidden";
  return {
    distributions: {
      nps: shown(a.nps),
      csat: shown(a.csat),
      ces: shown(a.ces),
      usefulness: shown(a.usefulness),
      brandLove: shown(a.brandLove),
      emotions: visibilityOf(totalOf(a.valence)) === "hidden" ? [] : rankEmotions(a.emotions).map((e) => ({ code: e.code, mentions: e.mentions, share: e.share, byIntensity: e.byIntensity })),
    },
    valence: presentMean(valence.mean),
    usefulness: presentMean(scoreMean(a.usefulness, scales.usefulness)),
    brandLove: presentMean(scoreMean(a.brandLove, scales.brandLove)),
    bonds: {
      n: bondTotal,
      visibility: bondVisibility,
      segments:
        bondVisibility === "hidden"
          ? []
          : bondSegments.map((segment) => {
              const share = scoreShare(a.bonds[segment], bondTotal);
              return { segment, count: a.bonds[segment], share: presentScore(share.n, share.value, share.interval, share.visibility) };
            }),
    },
    completion: {
      completed: totals.completed,
      meanSeconds: presentMean(scoreMeanSummary(completion)),
      answered: hiddenResponses
        ? null
        : { emotion: totalOf(a.valence), csat: totalOf(a.csat), ces: totalOf(a.ces), nps: totalOf(a.nps), usefulness: totalOf(a.usefulness), brandLove: totalOf(a.brandLove) },
    },
  };
}

export const momentOfTruthAtRiskOut = z.object({
  touchpointId: z.string(),
  name: z.string(),
  journeyId: z.string(),
  journeyName: z.string(),
  stageId: z.string(),
  stageName: z.string(),
  reason: z.string().describe("Why the touchpoint is a moment of truth, as the map says."),
  responses: z.number().int(),
  impact: z.number().describe("Answers × the largest shortfall (or significant drop) as a share of the score's range: the ordering key."),
  nps: scoreWithChangeOut,
  csat: scoreWithChangeOut.describe("% answering 4–5."),
  ces: scoreWithChangeOut.describe("Mean of 1–7."),
  targets: z.object({ nps: z.number().nullable(), csat: z.number().nullable(), ces: z.number().nullable() }),
  risks: z
    .array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("below_target"), score: z.enum(["nps", "csat", "ces"]), value: z.number(), target: z.number() }),
        z.object({ kind: z.literal("significant_drop"), score: z.enum(["nps", "csat", "ces"]), change: z.number(), pValue: z.number() }),
      ]),
    )
    .min(1),
});
type MomentAtRisk = z.infer<typeof momentOfTruthAtRiskOut>;

/** What the presenter needs of a moment of truth: its place on the map and its totals in both periods. */
export interface MomentOfTruthTotals {
  place: {
    id: string;
    name: string;
    journey_id: string;
    journey_name: string;
    stage_id: string;
    stage_name: string;
    moment_of_truth_reason: string;
    target_nps: number | null;
    target_csat: number | null;
    target_ces: number | null;
  };
  current: RollupTotals;
  previous: RollupTotals;
}

/** The range of each score, to compare shortfalls across units: NPS −100…100, CSAT 0…100 %, CES 1…7. */
const scoreRange = { nps: 200, csat: 100, ces: 6 } as const;

/**
 * Moments of truth below a target or with a significant drop (p < 0.05) against the compared period,
 * most hurtful first. Below 5 answers a touchpoint says nothing and is left out.
 */
export function presentMomentsOfTruthAtRisk(moments: readonly MomentOfTruthTotals[]): MomentAtRisk[] {
  const out: MomentAtRisk[] = [];
  for (const { place, current, previous } of moments) {
    // Without the CX histogram: no bootstrap per touchpoint (only NPS, CSAT and CES are judged here).
    const withoutCx = (t: RollupTotals): RollupTotals => ({ ...t, aggregate: { ...t.aggregate, cx: {} } });
    const scores = presentHeadlineScores(withoutCx(current), withoutCx(previous));
    const byScore = { nps: scores.nps, csat: scores.csat, ces: scores.ces } as const;
    const targets = { nps: place.target_nps, csat: place.target_csat, ces: place.target_ces };
    const risks: MomentAtRisk["risks"] = [];
    let severity = 0;
    for (const score of ["nps", "csat", "ces"] as const) {
      const s = byScore[score];
      if (s.visibility === "hidden" || s.value === null) continue;
      const target = targets[score];
      if (target !== null && s.value < target) {
        risks.push({ kind: "below_target", score, value: s.value, target });
        severity = Math.max(severity, (target - s.value) / scoreRange[score]);
      }
      const change = s.change;
      if (change && change.significant && change.change !== null && change.change < 0 && change.pValue !== null) {
        risks.push({ kind: "significant_drop", score, change: change.change, pValue: change.pValue });
        severity = Math.max(severity, -change.change / scoreRange[score]);
      }
    }
    if (risks.length === 0) continue;
    out.push({
      touchpointId: place.id,
      name: place.name,
      journeyId: place.journey_id,
      journeyName: place.journey_name,
      stageId: place.stage_id,
      stageName: place.stage_name,
      reason: place.moment_of_truth_reason,
      responses: current.aggregate.responses,
      impact: current.aggregate.responses * severity,
      nps: { n: scores.nps.n, value: scores.nps.value, interval: scores.nps.interval, visibility: scores.nps.visibility, change: scores.nps.change },
      csat: { n: scores.csat.n, value: scores.csat.value, interval: scores.csat.interval, visibility: scores.csat.visibility, change: scores.csat.change },
      ces: { n: scores.ces.n, value: scores.ces.value, interval: scores.ces.interval, visibility: scores.ces.visibility, change: scores.ces.change },
      targets,
      risks,
    });
  }
  return out.sort((a, b) => b.impact - a.impact || a.name.localeCompare(b.name));
}
