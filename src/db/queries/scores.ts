// Reading rollups for the score views: the merged counts of any period, segment or set of
// touchpoints (as core/metrics' aggregate), per touchpoint, day, source or language when a view needs
// the split. A filter outside the rollup key (placement, store, the customer's channel, the brand's own
// fields) scans raw responses instead, through the rollups' own contribution function, so both paths
// give identical counts (docs/analytics.md).
import { sql } from "kysely";
import { emotionCodes } from "../../core/emotions.js";
import { bondSegments, emptyAggregate, mergeAggregates, mergeMoments, type Moments, type MetricsAggregate } from "../../core/metrics/index.js";
import { dialectOf } from "../dialect.js";
import type { Kdb, TouchpointsTable } from "../tables.js";
import { needsRawResponses, whereResponses, hiddenFieldsOf, type ResponseFilter } from "./response-filter.js";
import { addRollupChange, rollupCounterColumns, rollupLayout, rollupSourceColumns, type RollupDeltas, type RollupSourceRow } from "./rollups.js";

/** What the rollups know about a set of responses. */
export interface RollupTotals {
  aggregate: MetricsAggregate;
  /** Responses with all four closed answers. */
  completed: number;
  /** Completion time in seconds (capped at an hour each) of the completed responses that have one (form page and widget). */
  completionSeconds: Moments;
}

/**
 * Which responses to count: an organisation's days (UTC, inclusive), optionally some touchpoints, one
 * source, one language, and filters outside the rollup key (which make the read scan raw responses).
 */
export type RollupFilter = ResponseFilter;

/** The totals of no responses. */
export function emptyTotals(): RollupTotals {
  return { aggregate: emptyAggregate(), completed: 0, completionSeconds: { n: 0, sum: 0, sumOfSquares: 0 } };
}

/** Rollup counters (in rollupCounterColumns order) and a CX histogram as totals. */
export function totalsOfCounts(counts: readonly number[], cx: Record<string, number>): RollupTotals {
  const l = rollupLayout;
  const slice = (offset: number, length: number) => counts.slice(offset, offset + length).map(Number);
  const aggregate: MetricsAggregate = {
    responses: Number(counts[l.responses]),
    nps: slice(l.nps, 11),
    csat: slice(l.csat, 5),
    ces: slice(l.ces, 7),
    usefulness: slice(l.usefulness, 7),
    brandLove: slice(l.brandLove, 7),
    valence: slice(l.valence, 13),
    emotions: Object.fromEntries(emotionCodes.map((code) => [code, slice(l.emotions[code]!.offset, 3)])) as MetricsAggregate["emotions"],
    cx: Object.fromEntries(Object.entries(cx).filter(([, n]) => n !== 0)),
    bonds: Object.fromEntries(bondSegments.map((s) => [s, Number(counts[l.bonds[s]])])) as MetricsAggregate["bonds"],
  };
  const completed = Number(counts[l.completed]);
  return { aggregate, completed, completionSeconds: { n: Number(counts[l.completionTimed]), sum: Number(counts[l.completionSum]), sumOfSquares: Number(counts[l.completionSquares]) } };
}

type SplitColumn = "touchpoint_id" | "day" | "source" | "language";
type Split = SplitColumn[];

function filtered<Q extends { where: (...args: any[]) => Q }>(query: Q, filter: RollupFilter): Q {
  let q = query
    .where("organisation_id", "=", filter.organisationId)
    .where("day", ">=", filter.fromDay)
    .where("day", "<=", filter.toDay);
  if (filter.touchpointIds !== null) q = q.where("touchpoint_id", "in", filter.touchpointIds.length > 0 ? filter.touchpointIds : [""]);
  if (filter.source !== undefined) q = q.where("source", "=", filter.source);
  if (filter.language !== undefined) q = q.where("language", "=", filter.language);
  return q;
}

// Two queries whatever the period: the summed counters, and the summed CX histogram.
async function readSplit(db: Kdb, filter: RollupFilter, split: Split): Promise<Map<string, RollupTotals>> {
  if (needsRawResponses(filter)) {
    const msPerDay = rollupLayout.msPerDay;
    const valueOf: Record<SplitColumn, (row: RawResponseRow) => string> = {
      touchpoint_id: (row) => row.touchpoint_id,
      day: (row) => String(Math.floor(row.started_at / msPerDay)),
      source: (row) => row.source,
      language: (row) => row.language ?? "",
    };
    return aggregateResponses(db, filter, (row) => split.map((column) => valueOf[column](row)).join("|"));
  }
  const sums = rollupCounterColumns.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c));
  let counters = filtered(db.selectFrom("rollups").select(sums), filter);
  let histogram = filtered(db.selectFrom("rollup_cx").select(["cx", sql<number>`sum(count)`.as("count")]), filter).groupBy("cx");
  split.forEach((column, i) => {
    counters = counters.select(sql.ref<string>(column).as(`part${i}`)).groupBy(column) as typeof counters;
    histogram = histogram.select(sql.ref<string>(column).as(`part${i}`)).groupBy(column) as typeof histogram;
  });
  const partOf = (row: Record<string, unknown>) => split.map((_, i) => String(row[`part${i}`])).join("|");
  const [counterRows, cxRows] = await Promise.all([counters.execute(), histogram.execute()]);
  const cxByPart = new Map<string, Record<string, number>>();
  for (const row of cxRows as Array<{ cx: number; count: number } & Record<string, unknown>>) {
    const part = partOf(row);
    const histogramOfPart = cxByPart.get(part) ?? {};
    const count = Number(row.count);
    if (count !== 0) histogramOfPart[String(row.cx)] = count;
    cxByPart.set(part, histogramOfPart);
  }
  const out = new Map<string, RollupTotals>();
  for (const row of counterRows as Array<Record<string, unknown>>) {
    if (row.responses === null || row.responses === undefined) continue;
    const part = partOf(row);
    out.set(part, totalsOfCounts(rollupCounterColumns.map((c) => Number(row[c] ?? 0)), cxByPart.get(part) ?? {}));
  }
  return out;
}

/** A raw response as the contribution function and the segment dimensions read it. */
export type RawResponseRow = RollupSourceRow & { id: string; placement: string | null; store: string | null; channel: string | null; hidden_fields: unknown };

const rawPage = 5000;

/**
 * The totals of the responses `filter` selects, per part (`partOf` names each response's part; "" for
 * one total), computed from raw responses by the rollups' own contribution function (`addRollupChange`)
 * so that the counts are exactly those rollups would hold. Reads pages of 5,000 by (started_at, id);
 * memory holds one page and one delta per part.
 */
export async function aggregateResponses(db: Kdb, filter: RollupFilter, partOf: (row: RawResponseRow) => string): Promise<Map<string, RollupTotals>> {
  const dialect = dialectOf(db);
  const deltas: RollupDeltas = new Map();
  let after: { startedAt: number; id: string } | null = null;
  for (;;) {
    let query = whereResponses(
      db.selectFrom("responses").select([
        "responses.id",
        ...rollupSourceColumns.map((c) => `responses.${c}` as const),
        "responses.placement",
        "responses.store",
        "responses.channel",
        "responses.hidden_fields",
      ]),
      filter,
      dialect,
    );
    if (after) {
      const { startedAt, id } = after;
      query = query.where((eb) => eb.or([eb("responses.started_at", ">", startedAt), eb.and([eb("responses.started_at", "=", startedAt), eb("responses.id", ">", id)])]));
    }
    const page = (await query.orderBy("responses.started_at").orderBy("responses.id").limit(rawPage).execute()) as RawResponseRow[];
    for (const row of page) {
      const started = Number(row.started_at);
      // One delta per part: the part stands in the rollup key's touchpoint slot, the other key columns (day included) are constant.
      const part = partOf(started === row.started_at ? row : { ...row, started_at: started });
      addRollupChange(deltas, null, { ...row, organisation_id: "", touchpoint_id: part, started_at: 0, source: "", language: "" }, rollupLayout);
    }
    if (page.length < rawPage) break;
    const last = page[page.length - 1]!;
    after = { startedAt: Number(last.started_at), id: last.id };
  }
  const out = new Map<string, RollupTotals>();
  for (const delta of deltas.values()) out.set(delta.touchpoint_id, totalsOfCounts(delta.counts, delta.cx));
  return out;
}

/** The response dimensions a segment comparison can split by, beyond the rollup key. */
export type ResponseDimension = { kind: "placement" } | { kind: "store" } | { kind: "customerChannel" } | { kind: "field"; key: string };

/** Totals per value of a dimension outside the rollup key ("" for responses without a value); always a raw scan. */
export async function readTotalsByResponseValue(db: Kdb, filter: RollupFilter, dimension: ResponseDimension): Promise<Map<string, RollupTotals>> {
  const partOf = (row: RawResponseRow): string => {
    switch (dimension.kind) {
      case "placement":
        return row.placement ?? "";
      case "store":
        return row.store ?? "";
      case "customerChannel":
        return row.channel ?? "";
      case "field":
        return hiddenFieldsOf(row.hidden_fields)[dimension.key] ?? "";
    }
  };
  return aggregateResponses(db, filter, partOf);
}

/** Totals of everything the filter selects (empty totals when nothing matches). */
export async function readTotals(db: Kdb, filter: RollupFilter): Promise<RollupTotals> {
  return (await readSplit(db, filter, [])).get("") ?? emptyTotals();
}

/** Totals per touchpoint id (only touchpoints with responses appear). */
export async function readTotalsByTouchpoint(db: Kdb, filter: RollupFilter): Promise<Map<string, RollupTotals>> {
  return readSplit(db, filter, ["touchpoint_id"]);
}

/** Totals per UTC day number (only days with responses appear). */
export async function readTotalsByDay(db: Kdb, filter: RollupFilter): Promise<Map<number, RollupTotals>> {
  const byDay = await readSplit(db, filter, ["day"]);
  return new Map([...byDay].map(([day, totals]) => [Number(day), totals]));
}

/** Totals per source, or per language ("" when unknown): segments of the rollup key. */
export async function readTotalsByKeyColumn(db: Kdb, filter: RollupFilter, column: "source" | "language"): Promise<Map<string, RollupTotals>> {
  return readSplit(db, filter, [column]);
}

/** Totals per touchpoint and day: `${touchpointId}|${day}` (driver analysis over days). */
export async function readTotalsByTouchpointAndDay(db: Kdb, filter: RollupFilter): Promise<Map<string, RollupTotals>> {
  return readSplit(db, filter, ["touchpoint_id", "day"]);
}

/** The totals of the union of the responses behind each argument (touchpoints → stage, days → week). */
export function mergeTotals(...parts: readonly RollupTotals[]): RollupTotals {
  return {
    aggregate: mergeAggregates(...parts.map((p) => p.aggregate)),
    completed: parts.reduce((sum, p) => sum + p.completed, 0),
    completionSeconds: parts.reduce((m, p) => mergeMoments(m, p.completionSeconds), emptyTotals().completionSeconds),
  };
}

/** Where on the map a view looks: a journey, a stage, a touchpoint, a channel (each optional; all must hold). */
export interface TouchpointScope {
  journeyId?: string | undefined;
  stageId?: string | undefined;
  touchpointId?: string | undefined;
  channel?: string | undefined;
}

/** The ids of an organisation's touchpoints in a scope, by their current place on the map (archived ones included: their history counts). */
export async function listTouchpointIds(db: Kdb, organisationId: string, options: TouchpointScope): Promise<string[]> {
  let query = db.selectFrom("touchpoints").select("id").where("organisation_id", "=", organisationId);
  if (options.journeyId !== undefined) query = query.where("journey_id", "=", options.journeyId);
  if (options.stageId !== undefined) query = query.where("stage_id", "=", options.stageId);
  if (options.touchpointId !== undefined) query = query.where("id", "=", options.touchpointId);
  if (options.channel !== undefined) query = query.where("channel", "=", options.channel as never);
  return (await query.execute()).map((row) => row.id);
}

/**
 * The touchpoint ids a scope selects (null when it selects every touchpoint), or "not_found" when it
 * names a journey, stage or touchpoint the organisation does not have.
 */
export async function resolveTouchpointScope(db: Kdb, organisationId: string, scope: TouchpointScope): Promise<readonly string[] | null | "not_found"> {
  const named = async (table: "journeys" | "stages" | "touchpoints", id: string | undefined) =>
    id === undefined || (await db.selectFrom(table).select("id").where("organisation_id", "=", organisationId).where("id", "=", id).executeTakeFirst()) !== undefined;
  if (!(await named("journeys", scope.journeyId)) || !(await named("stages", scope.stageId)) || !(await named("touchpoints", scope.touchpointId))) return "not_found";
  const narrowed = scope.journeyId !== undefined || scope.stageId !== undefined || scope.touchpointId !== undefined || scope.channel !== undefined;
  return narrowed ? listTouchpointIds(db, organisationId, scope) : null;
}

/** An organisation's touchpoints (archived included) with their place on the map and their journey's and stage's names. */
export async function listTouchpointPlaces(db: Kdb, organisationId: string) {
  return db
    .selectFrom("touchpoints")
    .innerJoin("stages", "stages.id", "touchpoints.stage_id")
    .innerJoin("journeys", "journeys.id", "touchpoints.journey_id")
    .select([
      "touchpoints.id",
      "touchpoints.name",
      "touchpoints.channel",
      "touchpoints.stage_id",
      "touchpoints.journey_id",
      "touchpoints.moment_of_truth",
      "touchpoints.moment_of_truth_reason",
      "touchpoints.target_nps",
      "touchpoints.target_csat",
      "touchpoints.target_ces",
      "touchpoints.archived_at",
      "stages.name as stage_name",
      "stages.position as stage_position",
      "journeys.name as journey_name",
    ])
    .where("touchpoints.organisation_id", "=", organisationId)
    .orderBy("journeys.created_at")
    .orderBy("journeys.id")
    .orderBy("stages.position")
    .orderBy("touchpoints.position")
    .execute();
}
export type TouchpointPlace = Awaited<ReturnType<typeof listTouchpointPlaces>>[number];

/** The live touchpoints of an organisation's live journeys and stages, by journey, stage and position. */
export async function listLiveTouchpoints(db: Kdb, organisationId: string): Promise<TouchpointsTable[]> {
  return db
    .selectFrom("touchpoints")
    .innerJoin("stages", "stages.id", "touchpoints.stage_id")
    .innerJoin("journeys", "journeys.id", "touchpoints.journey_id")
    .selectAll("touchpoints")
    .where("touchpoints.organisation_id", "=", organisationId)
    .where("touchpoints.archived_at", "is", null)
    .where("stages.archived_at", "is", null)
    .where("journeys.archived_at", "is", null)
    .orderBy("journeys.created_at")
    .orderBy("journeys.id")
    .orderBy("stages.position")
    .orderBy("touchpoints.position")
    .execute();
}
