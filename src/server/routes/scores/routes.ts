// Scores (METHOD.md §3–6): the overview, a journey's stages and touchpoints with its emotion curve, a
// touchpoint's detail with its trend, and the priority matrix. Every number is read from rollups
// (db/queries/scores.ts), computed by core/metrics and presented with its interval and visibility.
import { z } from "zod";
import { analyseDrivers, emotionCurve, prioritise, scoreNps, scoreCsat, scoreCes, summariseBins, cxBins, type DriverObservation } from "../../../core/metrics/index.js";
import { getJourneyBoard } from "../../../db/queries/journeys.js";
import { needsRawResponses } from "../../../db/queries/response-filter.js";
import {
  emptyTotals,
  listLiveTouchpoints,
  listTouchpointPlaces,
  mergeTotals,
  resolveTouchpointScope,
  readTotals,
  readTotalsByDay,
  readTotalsByTouchpoint,
  readTotalsByTouchpointAndDay,
  type RollupTotals,
} from "../../../db/queries/scores.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation } from "../../auth/principal.js";
import { orgParams, problemResponses } from "../openapi.js";
import { segmentRoutes } from "./segments.js";
import {
  cellScoresOut,
  detailOut,
  emotionCurvePointOut,
  headlineScoresOut,
  momentOfTruthAtRiskOut,
  presentCellScores,
  presentDetail,
  presentEmotionCurvePoint,
  presentHeadlineScores,
  presentMomentsOfTruthAtRisk,
  presentScore,
  scoreOut,
} from "./present.js";
import {
  bucketStart,
  dayString,
  filterQuery,
  journeyParams,
  placeQuery,
  nextBucket,
  overviewQuery,
  periodOut,
  periodsOf,
  presentPeriod,
  prioritiesQuery,
  responseFilterOf,
  touchpointParams,
  touchpointQuery,
  trendIntervals,
  trendQuery,
  type Period,
  type TrendInterval,
} from "./schema.js";

/** Scores are for everyone who may read the organisation's dashboards, and read-scope API keys. */
const readScores = "read" as const;

const targetsOut = z.object({ nps: z.number().nullable(), csat: z.number().nullable(), ces: z.number().nullable() });

const trendPointOut = z.object({
  start: z.string().describe("First day of the bucket (UTC)."),
  responses: z.number().int(),
  cxIndex: scoreOut.describe("CX index; no interval per trend point (a bootstrap per bucket is too slow for a chart)."),
  nps: scoreOut,
  csat: scoreOut,
  ces: scoreOut,
  nes: scoreOut,
});

const priorityTouchpointOut = z.object({
  touchpointId: z.string(),
  name: z.string(),
  stageId: z.string(),
  momentOfTruth: z.boolean(),
  performance: z.number().nullable().describe("The chosen score; null below 5 answers."),
  target: z.number().nullable(),
});

const prioritiesOut = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("ready"),
    score: z.enum(["nps", "csat", "ces"]),
    observations: z.number().int().describe("Days with answers at every touchpoint (the observations of the driver analysis)."),
    rSquared: z.number(),
    importanceThreshold: z.number(),
    points: z.array(
      priorityTouchpointOut.extend({
        importance: z.number().describe("Share of R² (Johnson's relative weight, METHOD.md §6)."),
        gap: z.number().nullable().describe("performance − target (or the journey's average when there is no target)."),
        quadrant: z.enum(["fix_first", "keep_up", "low_priority", "possible_overkill"]).nullable(),
        highImportance: z.boolean(),
      }),
    ),
  }),
  z.object({
    status: z.literal("too_few_data"),
    score: z.enum(["nps", "csat", "ces"]),
    reason: z.enum(["too_few_observations", "no_variation", "collinear_predictors"]),
    observations: z.number().int(),
    needed: z.number().int(),
    message: z.string().describe("The message key of the plain sentence to show instead of the matrix (scores.priorities.<reason>)."),
    touchpoints: z.array(priorityTouchpointOut),
  }),
]);

const trendOut = z.object({ interval: z.enum(trendIntervals), points: z.array(trendPointOut) });

/**
 * A trend from totals per UTC day or per bucket (readTotalsByDay, keyed by a day inside the bucket): one point per bucket from the bucket holding the
 * period's first day to the one holding its last (empty buckets included, their scores hidden). The
 * touchpoint's detail and the organisation's (or journey's) trend share it.
 */
function presentTrend(byDay: ReadonlyMap<number, RollupTotals>, period: Period, interval: TrendInterval): z.infer<typeof trendOut> {
  const points: Array<z.infer<typeof trendPointOut>> = [];
  const days = [...byDay].sort(([a], [b]) => a - b);
  for (let start = bucketStart(period.fromDay, interval); start <= period.toDay; start = nextBucket(start, interval)) {
    const end = nextBucket(start, interval);
    const totals = mergeTotals(...days.filter(([day]) => day >= start && day < end).map(([, ofDay]) => ofDay));
    const cells = presentCellScores({ ...totals, aggregate: { ...totals.aggregate, cx: {} } });
    const cx = summariseBins(cxBins(totals.aggregate.cx));
    points.push({ start: dayString(start), ...cells, cxIndex: presentScore(cx.n, cxMean(totals), null) });
  }
  return { interval, points };
}

const cxMean = (totals: RollupTotals): number | null => {
  const summary = summariseBins(cxBins(totals.aggregate.cx));
  return summary.n > 0 ? summary.mean : null;
};

/** A touchpoint's performance on the chosen score, null when hidden (below 5 answers). */
function performanceOf(totals: RollupTotals, score: "nps" | "csat" | "ces"): number | null {
  const a = totals.aggregate;
  const s = score === "nps" ? scoreNps(a.nps) : score === "csat" ? { ...scoreCsat(a.csat), value: scoreCsat(a.csat).topBox.value } : { ...scoreCes(a.ces), value: scoreCes(a.ces).mean.value };
  return s.visibility === "hidden" ? null : s.value;
}

export function scoreRoutes(app: App, ctx: AppContext): void {
  const db = ctx.db.kysely;

  app.get(
    "/api/v1/orgs/:orgId/scores/overview",
    {
      schema: {
        tags: ["scores"],
        summary: "The organisation's (or a journey's) headline scores, with intervals and change",
        description:
          "CX index, NPS, CSAT, CES, NES, responses and completion rate for the period, each with its 95 % interval and its change against the previous period of " +
          "equal length (significant only at p < 0.05). Below 5 answers a score's value is withheld (visibility hidden); below 30 it is marked few_answers. " +
          "Read from rollups: responses count on the UTC day they started.",
        params: orgParams,
        querystring: overviewQuery,
        response: {
          200: z.object({
            period: periodOut,
            previousPeriod: periodOut.describe("The period compared with: compareFrom…compareTo, or the one of equal length just before."),
            scores: headlineScoresOut,
            momentsOfTruthAtRisk: z
              .array(momentOfTruthAtRiskOut)
              .describe(
                "Live moments of truth in scope that are below a target or dropped significantly against the compared period, most hurtful first " +
                  "(impact = answers × the largest shortfall or significant drop as a share of the score's range). Touchpoints below 5 answers are left out.",
              ),
          }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readScores);
      const { journeyId, stageId, touchpointId, channel } = request.query;
      const periods = periodsOf(request.query, ctx.clock());
      const touchpointIds = await resolveTouchpointScope(db, access.organisationId, { journeyId, stageId, touchpointId, channel });
      if (touchpointIds === "not_found") throw problem("not_found");
      const inScope = (id: string) => touchpointIds === null || touchpointIds.includes(id);
      const moments = (await listTouchpointPlaces(db, access.organisationId)).filter((tp) => tp.moment_of_truth === 1 && tp.archived_at === null && inScope(tp.id));
      const momentIds = moments.map((tp) => tp.id);
      const currentFilter = responseFilterOf(access.organisationId, periods.current, touchpointIds, request.query);
      const previousFilter = responseFilterOf(access.organisationId, periods.previous, touchpointIds, request.query);
      let current: RollupTotals, previous: RollupTotals, momentsNow: Map<string, RollupTotals>, momentsBefore: Map<string, RollupTotals>;
      if (needsRawResponses(currentFilter)) {
        // One scan per period, split by touchpoint: the total and the moments of truth both come from it.
        [momentsNow, momentsBefore] = await Promise.all([readTotalsByTouchpoint(db, currentFilter), readTotalsByTouchpoint(db, previousFilter)]);
        current = mergeTotals(emptyTotals(), ...momentsNow.values());
        previous = mergeTotals(emptyTotals(), ...momentsBefore.values());
      } else {
        const none = new Map<string, RollupTotals>();
        [current, previous, momentsNow, momentsBefore] = await Promise.all([
          readTotals(db, currentFilter),
          readTotals(db, previousFilter),
          momentIds.length > 0 ? readTotalsByTouchpoint(db, { ...currentFilter, touchpointIds: momentIds }) : none,
          momentIds.length > 0 ? readTotalsByTouchpoint(db, { ...previousFilter, touchpointIds: momentIds }) : none,
        ]);
      }
      return {
        period: presentPeriod(periods.current),
        previousPeriod: presentPeriod(periods.previous),
        scores: presentHeadlineScores(current, previous),
        momentsOfTruthAtRisk: presentMomentsOfTruthAtRisk(
          moments.map((tp) => ({ place: tp, current: momentsNow.get(tp.id) ?? emptyTotals(), previous: momentsBefore.get(tp.id) ?? emptyTotals() })),
        ),
      };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/scores/journeys/:journeyId",
    {
      schema: {
        tags: ["scores"],
        summary: "A journey's scores per stage and touchpoint, and its measured emotion curve",
        description:
          "Stages and touchpoints in the journey's current order (a touchpoint moved to another stage takes its history along). Each cell has the headline scores " +
          "with intervals (for the heatmap, against the touchpoint's targets); the emotion curve gives each stage's mean emotional valence and NES with intervals.",
        params: journeyParams,
        querystring: filterQuery.extend({
          stageId: placeQuery.shape.stageId,
          touchpointId: placeQuery.shape.touchpointId,
          cxIntervals: z
            .enum(["journey", "cells"])
            .default("journey")
            .describe("Which CX index intervals to compute: the journey's only (default, fast; stage and touchpoint cells answer interval null) or every cell's (one seeded bootstrap per cell, slower)."),
        }),
        response: {
          200: z.object({
            period: periodOut,
            journey: z.object({ id: z.string(), name: z.string() }),
            scores: cellScoresOut,
            stages: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                scores: cellScoresOut,
                touchpoints: z.array(
                  z.object({ id: z.string(), name: z.string(), channel: z.string(), momentOfTruth: z.boolean(), targets: targetsOut, scores: cellScoresOut }),
                ),
              }),
            ),
            emotionCurve: z.array(emotionCurvePointOut),
          }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readScores);
      const periods = periodsOf(request.query, ctx.clock());
      const board = await getJourneyBoard(db, access.organisationId, request.params.journeyId, { includeArchived: false });
      if (!board) throw problem("not_found");
      const { stageId, touchpointId, channel } = request.query;
      const scope = await resolveTouchpointScope(db, access.organisationId, { stageId, touchpointId, channel });
      if (scope === "not_found") throw problem("not_found");
      const touchpoints = board.touchpoints.filter((tp) => scope === null || scope.includes(tp.id));
      const byTouchpoint = await readTotalsByTouchpoint(db, responseFilterOf(access.organisationId, periods.current, touchpoints.map((tp) => tp.id), request.query));
      const totalsOf = (id: string) => byTouchpoint.get(id) ?? emptyTotals();
      const cellOptions = { cxInterval: request.query.cxIntervals === "cells" };
      const stages = board.stages.map((stage) => {
        const inStage = touchpoints.filter((tp) => tp.stage_id === stage.id);
        return { stage, inStage, totals: mergeTotals(...inStage.map((tp) => totalsOf(tp.id))) };
      });
      const curve = emotionCurve(stages.map(({ stage, inStage }) => ({ stageId: stage.id, touchpoints: inStage.map((tp) => totalsOf(tp.id).aggregate.valence) })));
      return {
        period: presentPeriod(periods.current),
        journey: { id: board.journey.id, name: board.journey.name },
        scores: presentCellScores(mergeTotals(...stages.map((s) => s.totals))),
        stages: stages.map(({ stage, inStage, totals }) => ({
          id: stage.id,
          name: stage.name,
          scores: presentCellScores(totals, cellOptions),
          touchpoints: inStage.map((tp) => ({
            id: tp.id,
            name: tp.name,
            channel: tp.channel,
            momentOfTruth: tp.moment_of_truth === 1,
            targets: { nps: tp.target_nps, csat: tp.target_csat, ces: tp.target_ces },
            scores: presentCellScores(totalsOf(tp.id), cellOptions),
          })),
        })),
        emotionCurve: curve.map(presentEmotionCurvePoint),
      };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/scores/touchpoints/:touchpointId",
    {
      schema: {
        tags: ["scores"],
        summary: "A touchpoint's scores, distributions, bond segments, completion and trend",
        description:
          "Every score with its interval and change against the previous period; answer distributions; bond segments (METHOD.md §3); completion rate, time and " +
          "answers per question (drop-off); the trend by day, week or month with intervals. Verbatims are in …/touchpoints/:touchpointId/responses.",
        params: touchpointParams,
        querystring: touchpointQuery,
        response: {
          200: z.object({
            period: periodOut,
            previousPeriod: periodOut,
            touchpoint: z.object({ id: z.string(), name: z.string(), journeyId: z.string(), stageId: z.string(), channel: z.string(), momentOfTruth: z.boolean(), targets: targetsOut }),
            scores: headlineScoresOut,
            detail: detailOut,
            trend: trendOut,
          }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readScores);
      const periods = periodsOf(request.query, ctx.clock());
      const touchpoint = await db
        .selectFrom("touchpoints")
        .selectAll()
        .where("organisation_id", "=", access.organisationId)
        .where("id", "=", request.params.touchpointId)
        .executeTakeFirst();
      if (!touchpoint) throw problem("not_found");
      const ids = [touchpoint.id];
      // The trend's buckets cover the period, so their sum is the period's totals: one read fewer.
      const [previous, byDay] = await Promise.all([
        readTotals(db, responseFilterOf(access.organisationId, periods.previous, ids, request.query)),
        readTotalsByDay(db, responseFilterOf(access.organisationId, periods.current, ids, request.query), (day) => bucketStart(day, request.query.interval)),
      ]);
      const current = byDay.size > 0 ? mergeTotals(...byDay.values()) : emptyTotals();
      return {
        period: presentPeriod(periods.current),
        previousPeriod: presentPeriod(periods.previous),
        touchpoint: {
          id: touchpoint.id,
          name: touchpoint.name,
          journeyId: touchpoint.journey_id,
          stageId: touchpoint.stage_id,
          channel: touchpoint.channel,
          momentOfTruth: touchpoint.moment_of_truth === 1,
          targets: { nps: touchpoint.target_nps, csat: touchpoint.target_csat, ces: touchpoint.target_ces },
        },
        scores: presentHeadlineScores(current, previous),
        detail: presentDetail(current),
        trend: presentTrend(byDay, periods.current, request.query.interval),
      };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/scores/trend",
    {
      schema: {
        tags: ["scores"],
        summary: "The organisation's (or a journey's, a stage's, a touchpoint's) scores by day, week or month",
        description:
          "One point per bucket of the period (UTC days, ISO weeks from Monday or calendar months; the first and last buckets may reach outside the period, " +
          "but only the period's responses count), each with the responses and the CX index, NPS, CSAT, CES and NES as the touchpoint's trend gives them: " +
          "intervals except for the CX index, withheld below 5 answers, few_answers below 30. The same filters as the overview. Read from rollups, or from " +
          "raw responses when a filter is outside the rollup key (placement, store, customerChannel, field).",
        params: orgParams,
        querystring: trendQuery,
        response: {
          200: z.object({ period: periodOut, trend: trendOut }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readScores);
      const { journeyId, stageId, touchpointId, channel, interval } = request.query;
      const periods = periodsOf(request.query, ctx.clock());
      const touchpointIds = await resolveTouchpointScope(db, access.organisationId, { journeyId, stageId, touchpointId, channel });
      if (touchpointIds === "not_found") throw problem("not_found");
      const byBucket = await readTotalsByDay(db, responseFilterOf(access.organisationId, periods.current, touchpointIds, request.query), (day) => bucketStart(day, interval));
      return { period: presentPeriod(periods.current), trend: presentTrend(byBucket, periods.current, interval) };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/scores/priorities",
    {
      schema: {
        tags: ["scores"],
        summary: "What to fix first: the priority matrix of a journey (or of every touchpoint)",
        description:
          "Importance is each touchpoint's relative weight (Johnson 2000) in explaining the journey's (or organisation's) daily NPS from the touchpoints' daily CX index, over the " +
          "period's days with answers at every touchpoint; performance is the chosen score against the touchpoint's target. When the data are too few (or " +
          "do not vary) the answer says so, with the message key of a plain sentence, instead of showing noise. Weights are given without bootstrap intervals.",
        params: orgParams,
        querystring: prioritiesQuery,
        response: { 200: prioritiesOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readScores);
      const { score, channel } = request.query;
      const periods = periodsOf(request.query, ctx.clock());
      const { journeyId } = request.query;
      const board = journeyId !== undefined ? await getJourneyBoard(db, access.organisationId, journeyId, { includeArchived: false }) : null;
      if (journeyId !== undefined && !board) throw problem("not_found");
      const live = board ? board.touchpoints : await listLiveTouchpoints(db, access.organisationId);
      const touchpoints = live.filter((tp) => channel === undefined || tp.channel === channel);
      const filter = responseFilterOf(access.organisationId, periods.current, touchpoints.map((tp) => tp.id), request.query);
      const [byTouchpoint, byTouchpointAndDay] = await Promise.all([readTotalsByTouchpoint(db, filter), readTotalsByTouchpointAndDay(db, filter)]);

      const days = [...new Set([...byTouchpointAndDay.keys()].map((key) => Number(key.slice(key.lastIndexOf("|") + 1))))].sort((a, b) => a - b);
      const observations: DriverObservation[] = days.map((day) => {
        const ofDay = touchpoints.map((tp) => byTouchpointAndDay.get(`${tp.id}|${day}`) ?? emptyTotals());
        return { predictors: ofDay.map(cxMean), outcome: scoreNps(mergeTotals(...ofDay).aggregate.nps).value };
      });
      const analysis = analyseDrivers(observations, { resamples: 0 });
      const target = (tp: (typeof touchpoints)[number]) => (score === "nps" ? tp.target_nps : score === "csat" ? tp.target_csat : tp.target_ces);
      const base = touchpoints.map((tp) => ({
        touchpointId: tp.id,
        name: tp.name,
        stageId: tp.stage_id,
        momentOfTruth: tp.moment_of_truth === 1,
        performance: performanceOf(byTouchpoint.get(tp.id) ?? emptyTotals(), score),
        target: target(tp),
      }));
      if (!analysis.ok) {
        return { status: "too_few_data" as const, score, reason: analysis.reason, observations: analysis.observations, needed: analysis.needed, message: `scores.priorities.${analysis.reason}`, touchpoints: base };
      }
      const matrix = prioritise(base.map((b, i) => ({ id: b.touchpointId, importance: analysis.weights[i]!.share, performance: b.performance, target: b.target, momentOfTruth: b.momentOfTruth })));
      const byId = new Map(base.map((b) => [b.touchpointId, b]));
      return {
        status: "ready" as const,
        score,
        observations: analysis.observations,
        rSquared: analysis.rSquared,
        importanceThreshold: matrix.importanceThreshold,
        points: matrix.points.map((p) => ({ ...byId.get(p.id)!, importance: p.importance, gap: p.gap, quadrant: p.quadrant, highImportance: p.highImportance })),
      };
    },
  );

  segmentRoutes(app, ctx);
}
