// Reading rollups for the score views: the merged counts of any period, segment or set of
// touchpoints (as core/metrics' aggregate), per touchpoint or per day when a view needs the split.
// Never reads raw responses: every number the overview, journey and touchpoint views show comes from here.
import { sql } from "kysely";
import { emotionCodes } from "../../core/emotions.js";
import { bondSegments, emptyAggregate, mergeAggregates, mergeMoments, type Moments, type MetricsAggregate } from "../../core/metrics/index.js";
import type { Kdb, TouchpointsTable } from "../tables.js";
import { rollupCounterColumns, rollupLayout } from "./rollups.js";

/** What the rollups know about a set of responses. */
export interface RollupTotals {
  aggregate: MetricsAggregate;
  /** Responses with all four closed answers. */
  completed: number;
  /** Completion time in seconds (capped at an hour each) of the completed responses that have one (form page and widget). */
  completionSeconds: Moments;
}

/** Which rollup rows to read: an organisation's days (UTC, inclusive), optionally some touchpoints, one source, one language. */
export interface RollupFilter {
  organisationId: string;
  fromDay: number;
  toDay: number;
  /** null: every touchpoint of the organisation; a list (maybe empty): only those. */
  touchpointIds: readonly string[] | null;
  source?: string | undefined;
  /** "" for responses whose language is unknown. */
  language?: string | undefined;
}

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

type Split = Array<"touchpoint_id" | "day">;

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

/** The ids of an organisation's touchpoints, optionally of one journey and one channel (archived ones included: their history counts). */
export async function listTouchpointIds(db: Kdb, organisationId: string, options: { journeyId?: string | undefined; channel?: string | undefined }): Promise<string[]> {
  let query = db.selectFrom("touchpoints").select("id").where("organisation_id", "=", organisationId);
  if (options.journeyId !== undefined) query = query.where("journey_id", "=", options.journeyId);
  if (options.channel !== undefined) query = query.where("channel", "=", options.channel as never);
  return (await query.execute()).map((row) => row.id);
}

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
