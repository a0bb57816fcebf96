// Segments side by side (METHOD.md §4): one score per value of a dimension (source, language, the map's
// channel, journey, stage, touchpoint, placement, store, the declared channel or one of the brand's own
// fields), each tested against the rest of the responses, with the false-discovery rate controlled
// (Benjamini–Hochberg) across the segments tested at once.
import { z } from "zod";
import {
  benjaminiHochberg,
  compareCes,
  compareCsat,
  compareMeans,
  compareNes,
  compareNps,
  cxBins,
  scoreCes,
  scoreCsat,
  scoreMeanSummary,
  scoreNes,
  scoreNps,
  summariseBins,
  totalOf,
  type Change,
} from "../../../core/metrics/index.js";
import {
  emptyTotals,
  listTouchpointPlaces,
  mergeTotals,
  readTotals,
  readTotalsByKeyColumn,
  readTotalsByResponseValue,
  readTotalsByTouchpoint,
  resolveTouchpointScope,
  type ResponseDimension,
  type RollupTotals,
} from "../../../db/queries/scores.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation } from "../../auth/principal.js";
import { orgParams, problemResponses } from "../openapi.js";
import { presentScore, scoreOut, type ScoreOut } from "./present.js";
import { filterQuery, periodOut, periodsOf, placeQuery, presentPeriod, responseFilterOf } from "./schema.js";

export const segmentScores = ["nps", "csat", "ces", "nes", "cx"] as const;
type SegmentScore = (typeof segmentScores)[number];

const namedDimensions = ["source", "language", "channel", "journey", "stage", "touchpoint", "placement", "store", "customerChannel"] as const;
/** Segments shown by default, and at most; the smaller ones are grouped as "other". */
export const defaultSegments = 10;
export const maxSegments = 20;

export const segmentsQuery = filterQuery.extend({
  ...placeQuery.shape,
  dimension: z
    .string()
    .regex(new RegExp(`^(${namedDimensions.join("|")}|field:m_[a-z0-9][a-z0-9_]{0,39})$`), `must be one of ${namedDimensions.join(", ")} or field:m_<key>`)
    .default("source")
    .describe(
      "What to split by (default source): source, language, channel (the touchpoint's channel on the map), journey, stage, touchpoint, placement, store, " +
        "customerChannel (the channel the link or API declared) or field:m_<key> (the brand's own field).",
    ),
  score: z.enum(segmentScores).default("nps").describe("nps, csat (% 4–5), ces (mean 1–7), nes or cx (the CX index 0–100)."),
  limit: z.coerce.number().int().min(2).max(maxSegments).default(defaultSegments).describe("Segments with the most answers shown apart; the rest are grouped as one \"other\" segment."),
});

const segmentOut = z.object({
  kind: z.enum(["value", "none", "other"]).describe("value: a named segment; none: responses without a value; other: the smaller segments grouped."),
  key: z.string().nullable().describe("The dimension's value (an id for journey, stage and touchpoint); null for none and other."),
  label: z.string().nullable().describe("A name to show: the journey's, stage's or touchpoint's name, else the value; null for none and other."),
  segments: z.number().int().describe("How many values the segment holds (more than 1 only for other)."),
  responses: z.number().int(),
  score: scoreOut,
  versusRest: z
    .object({
      rest: scoreOut.describe("The score of every other response in scope."),
      difference: z.number().nullable().describe("segment − rest, in the score's unit."),
      pValue: z.number().nullable(),
      qValue: z.number().nullable().describe("Benjamini–Hochberg adjusted p-value across the segments tested."),
      significant: z.boolean().describe("qValue ≤ 0.05: a difference that survives false-discovery control."),
    })
    .nullable()
    .describe("Null when the segment or the rest has fewer than 5 answers (not tested)."),
});

function scoreOf(totals: RollupTotals, score: SegmentScore): ScoreOut {
  const a = totals.aggregate;
  switch (score) {
    case "nps": {
      const s = scoreNps(a.nps);
      return presentScore(s.n, s.value, s.interval, s.visibility);
    }
    case "nes": {
      const s = scoreNes(a.valence);
      return presentScore(s.n, s.value, s.interval, s.visibility);
    }
    case "csat": {
      const s = scoreCsat(a.csat);
      return presentScore(s.n, s.topBox.value, s.topBox.interval, s.visibility);
    }
    case "ces": {
      const s = scoreCes(a.ces).mean;
      return presentScore(s.n, s.value, s.interval, s.visibility);
    }
    case "cx": {
      // A t interval: a bootstrap per segment would cost up to 20 × ~75 ms.
      const s = scoreMeanSummary(summariseBins(cxBins(a.cx)));
      return presentScore(s.n, s.value, s.interval, s.visibility);
    }
  }
}

function compare(segment: RollupTotals, rest: RollupTotals, score: SegmentScore): Change {
  const a = segment.aggregate;
  const b = rest.aggregate;
  switch (score) {
    case "nps":
      return compareNps(a.nps, b.nps);
    case "nes":
      return compareNes(a.valence, b.valence);
    case "csat":
      return compareCsat(a.csat, b.csat).topBox;
    case "ces":
      return compareCes(a.ces, b.ces).mean;
    case "cx":
      return compareMeans(summariseBins(cxBins(a.cx)), summariseBins(cxBins(b.cx)));
  }
}

const answersOf = (totals: RollupTotals, score: SegmentScore): number => {
  const a = totals.aggregate;
  if (score === "nps") return totalOf(a.nps);
  if (score === "csat") return totalOf(a.csat);
  if (score === "ces") return totalOf(a.ces);
  if (score === "nes") return totalOf(a.valence);
  return Object.values(a.cx).reduce((sum, n) => sum + n, 0);
};

interface Segment {
  kind: "value" | "none" | "other";
  key: string | null;
  label: string | null;
  segments: number;
  totals: RollupTotals;
}

export function segmentRoutes(app: App, ctx: AppContext): void {
  const db = ctx.db.kysely;

  app.get(
    "/api/v1/orgs/:orgId/scores/segments",
    {
      schema: {
        tags: ["scores"],
        summary: "One score per segment, side by side, each tested against the rest",
        description:
          "Splits the responses in scope by a dimension and gives each segment's score with its 95 % interval, its difference from the rest of the " +
          "responses, the test's p-value and its Benjamini–Hochberg q-value across the segments tested (significant when q ≤ 0.05). Segments with the " +
          "most answers come first; beyond `limit` they are grouped as \"other\". Below 5 answers a segment's score is withheld and it is not tested; " +
          "below 30 it is few_answers. Source, language and the map's dimensions read rollups; placement, store, the declared channel and own fields " +
          "scan raw responses (docs/analytics.md).",
        params: orgParams,
        querystring: segmentsQuery,
        response: {
          200: z.object({
            period: periodOut,
            dimension: z.string(),
            score: z.enum(segmentScores),
            overall: scoreOut.describe("The score of every response in scope."),
            responses: z.number().int(),
            tested: z.number().int().describe("Segments tested (the m of the false-discovery control)."),
            segments: z.array(segmentOut),
          }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "read");
      const { journeyId, stageId, touchpointId, channel, dimension, score, limit } = request.query;
      const periods = periodsOf(request.query, ctx.clock());
      const touchpointIds = await resolveTouchpointScope(db, access.organisationId, { journeyId, stageId, touchpointId, channel });
      if (touchpointIds === "not_found") throw problem("not_found");
      const filter = responseFilterOf(access.organisationId, periods.current, touchpointIds, request.query);

      const byValue = new Map<string, { label: string | null; totals: RollupTotals[] }>();
      const add = (key: string, label: string | null, totals: RollupTotals) => {
        const entry = byValue.get(key) ?? { label, totals: [] };
        entry.totals.push(totals);
        byValue.set(key, entry);
      };
      if (dimension === "source" || dimension === "language") {
        for (const [key, totals] of await readTotalsByKeyColumn(db, filter, dimension)) add(key, key === "" ? null : key, totals);
      } else if (dimension === "journey" || dimension === "stage" || dimension === "touchpoint" || dimension === "channel") {
        const [byTouchpoint, places] = await Promise.all([readTotalsByTouchpoint(db, filter), listTouchpointPlaces(db, access.organisationId)]);
        const placeOf = new Map(places.map((p) => [p.id, p]));
        for (const [id, totals] of byTouchpoint) {
          const place = placeOf.get(id);
          if (!place) {
            add("", null, totals); // a touchpoint no longer on any map
            continue;
          }
          if (dimension === "journey") add(place.journey_id, place.journey_name, totals);
          else if (dimension === "stage") add(place.stage_id, place.stage_name, totals);
          else if (dimension === "touchpoint") add(place.id, place.name, totals);
          else add(place.channel, place.channel, totals);
        }
      } else {
        const responseDimension: ResponseDimension =
          dimension === "placement" || dimension === "store" || dimension === "customerChannel"
            ? { kind: dimension }
            : { kind: "field", key: dimension.slice("field:m_".length) };
        for (const [key, totals] of await readTotalsByResponseValue(db, filter, responseDimension)) add(key, key === "" ? null : key, totals);
      }

      const all: Segment[] = [...byValue].map(([key, { label, totals }]) => ({
        kind: key === "" ? ("none" as const) : ("value" as const),
        key: key === "" ? null : key,
        label,
        segments: 1,
        totals: mergeTotals(...totals),
      }));
      all.sort((a, b) => answersOf(b.totals, score) - answersOf(a.totals, score) || b.totals.aggregate.responses - a.totals.aggregate.responses || String(a.key).localeCompare(String(b.key)));
      const shown = all.length > limit ? all.slice(0, limit - 1) : all;
      const grouped = all.length > limit ? all.slice(limit - 1) : [];
      const segments: Segment[] =
        grouped.length > 0 ? [...shown, { kind: "other", key: null, label: null, segments: grouped.length, totals: mergeTotals(...grouped.map((s) => s.totals)) }] : shown;
      const overall = segments.length > 0 ? mergeTotals(...segments.map((s) => s.totals)) : emptyTotals();

      const rows = segments.map((segment, index) => {
        const rest = mergeTotals(emptyTotals(), ...segments.filter((_, j) => j !== index).map((s) => s.totals));
        const own = scoreOf(segment.totals, score);
        const restScore = scoreOf(rest, score);
        const testable = own.visibility !== "hidden" && restScore.visibility !== "hidden";
        const change = testable ? compare(segment.totals, rest, score) : null;
        return { segment, own, restScore, change };
      });
      const tested = rows.filter((r) => r.change !== null && r.change.pValue !== null);
      const fdr = benjaminiHochberg(tested.map((r) => r.change!.pValue!));
      const qOf = new Map(tested.map((r, i) => [r, { q: fdr.adjusted[i]!, significant: fdr.significant[i]! }]));

      return {
        period: presentPeriod(periods.current),
        dimension,
        score,
        overall: scoreOf(overall, score),
        responses: overall.aggregate.responses,
        tested: tested.length,
        segments: rows.map((row) => ({
          kind: row.segment.kind,
          key: row.segment.key,
          label: row.segment.label,
          segments: row.segment.segments,
          responses: row.segment.totals.aggregate.responses,
          score: row.own,
          versusRest:
            row.change === null
              ? null
              : {
                  rest: row.restScore,
                  difference: row.own.value !== null && row.restScore.value !== null ? row.own.value - row.restScore.value : null,
                  pValue: row.change.pValue,
                  qValue: qOf.get(row)?.q ?? null,
                  significant: qOf.get(row)?.significant ?? false,
                },
        })),
      };
    },
  );
}
