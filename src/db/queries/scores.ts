// Reading rollups for the score views: the merged counts of any period, segment or set of
// touchpoints (as core/metrics' aggregate), per touchpoint, day, source or language when a view needs
// the split. A filter outside the rollup key (placement, store, the customer's channel, the brand's own
// fields) scans raw responses instead, through the rollups' own contribution function, so both paths
// give identical counts (docs/analytics.md).
import { sql, type RawBuilder } from "kysely";
import { emotionCodes } from "../../core/emotions.js";
import { bondSegments, emptyAggregate, mergeAggregates, mergeMoments, type Moments, type MetricsAggregate } from "../../core/metrics/index.js";
import type { DialectName } from "../connect.js";
import { dialectOf, readSnapshot } from "../dialect.js";
import type { Kdb, TouchpointsTable } from "../tables.js";
import { fieldValue, needsRawResponses, whereResponses, type ResponseFilter } from "./response-filter.js";
import { readPendingJournal } from "./rollup-journal.js";
import { addPackedSpan, planSpanRead } from "./rollup-spans.js";
import { addRollupChange, rollupCounterColumns, rollupLayout, rollupSourceColumns, type RollupDelta, type RollupDeltas, type RollupSourceRow } from "./rollups.js";

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

/** Running totals per part while a read adds rollup rows, span rows and journal deltas. */
class PartTotals {
  private readonly parts = new Map<string, { counts: number[]; cx: Record<number, number> | Float64Array }>();
  // One part or a few: a dense histogram (36·CX 0…3600) adds fastest; many parts (touchpoint × day) keep sparse ones.
  constructor(private readonly dense: boolean) {}

  of(part: string): { counts: number[]; cx: Record<number, number> | Float64Array } {
    let totals = this.parts.get(part);
    if (!totals) this.parts.set(part, (totals = { counts: new Array<number>(rollupLayout.width).fill(0), cx: this.dense ? new Float64Array(3601) : {} }));
    return totals;
  }

  totals(): Map<string, RollupTotals> {
    const out = new Map<string, RollupTotals>();
    for (const [part, { counts, cx }] of this.parts) {
      const histogram: Record<string, number> = {};
      if (cx instanceof Float64Array) {
        for (let v = 0; v < cx.length; v++) if (cx[v] !== 0) histogram[String(v)] = cx[v]!;
      } else for (const v in cx) if (cx[v] !== 0) histogram[v] = cx[v]!;
      out.set(part, totalsOfCounts(counts, histogram));
    }
    return out;
  }
}

/** True when a fine rollup key (or journal delta) is among the responses the filter selects. */
function selects(filter: RollupFilter, d: RollupDelta): boolean {
  return (
    d.organisation_id === filter.organisationId &&
    d.day >= filter.fromDay &&
    d.day <= filter.toDay &&
    (filter.touchpointIds === null || filter.touchpointIds.includes(d.touchpoint_id)) &&
    (filter.source === undefined || d.source === filter.source) &&
    (filter.language === undefined || d.language === filter.language)
  );
}

/**
 * The totals per part, from one snapshot of the rollups plus the journal rows not folded yet (so a
 * response is counted once whether or not its batch has been folded). Without a source or language
 * filter or split, the day and month spans answer: whole months from month rows, the other days from
 * day rows, so the rows read are bounded by touchpoints × days whatever the number of responses.
 * With one, the fine rollups (source × language) answer.
 */
async function readSplit(db: Kdb, filter: RollupFilter, split: Split, bucketOf?: (day: number) => number): Promise<Map<string, RollupTotals>> {
  if (needsRawResponses(filter)) {
    const raw = await aggregateRawResponses(db, filter, split);
    if (!split.includes("day")) return raw;
    const at = split.indexOf("day");
    const bucketed = new Map<string, RollupTotals[]>();
    for (const [part, totals] of raw) {
      const values = part.split("|");
      values[at] = String(bucketOf ? bucketOf(Number(values[at])) : Number(values[at]));
      const key = values.join("|");
      bucketed.set(key, [...(bucketed.get(key) ?? []), totals]);
    }
    return new Map([...bucketed].map(([key, list]) => [key, list.length === 1 ? list[0]! : mergeTotals(...list)]));
  }
  return readSnapshot(db, async (trx) => {
    // Dense histograms for one total, one per touchpoint or per trend bucket; sparse ones for many parts (touchpoint × day).
    const parts = new PartTotals(split.length === 0 || (split.length === 1 && (split[0] === "touchpoint_id" || bucketOf !== undefined)));
    const partOf = (values: Array<string | number>) =>
      split.map((column, i) => (column === "day" ? String(bucketOf ? bucketOf(Number(values[i])) : Number(values[i])) : String(values[i]))).join("|");
    const bySpans = filter.source === undefined && filter.language === undefined && !split.includes("source") && !split.includes("language");
    if (bySpans) await readSpans(trx, filter, split as Array<"touchpoint_id" | "day">, parts, partOf);
    else await readFine(trx, filter, split, parts, partOf);
    for (const d of (await readPendingJournal(trx)).values()) {
      if (!selects(filter, d)) continue;
      const totals = parts.of(partOf(split.map((column) => d[column])));
      for (let i = 0; i < d.counts.length; i++) totals.counts[i]! += d.counts[i]!;
      for (const v in d.cx) totals.cx[Number(v)] = (totals.cx[Number(v)] ?? 0) + d.cx[v]!;
    }
    return parts.totals();
  });
}

async function readSpans(db: Kdb, filter: RollupFilter, split: Array<"touchpoint_id" | "day">, parts: PartTotals, partOf: (values: Array<string | number>) => string): Promise<void> {
  if (filter.touchpointIds !== null && filter.touchpointIds.length === 0) return;
  const plan = split.includes("day") ? { months: null, dayRanges: [[filter.fromDay, filter.toDay] as [number, number]] } : planSpanRead(filter.fromDay, filter.toDay);
  if (plan.months === null && plan.dayRanges.length === 0) return;
  let query = db
    .selectFrom("rollup_spans")
    .select(["touchpoint_id", "start", "data"])
    .where("organisation_id", "=", filter.organisationId)
    .where((eb) =>
      eb.or([
        ...(plan.months ? [eb.and([eb("grain", "=", "month"), eb("start", ">=", plan.months.first), eb("start", "<=", plan.months.last)])] : []),
        ...plan.dayRanges.map(([from, to]) => eb.and([eb("grain", "=", "day"), eb("start", ">=", from), eb("start", "<=", to)])),
      ]),
    );
  if (filter.touchpointIds !== null) query = query.where("touchpoint_id", "in", filter.touchpointIds);
  const width = rollupLayout.width;
  for (const row of await query.execute()) {
    const totals = parts.of(partOf(split.map((column) => (column === "day" ? Number(row.start) : row.touchpoint_id))));
    addPackedSpan(row.data, width, totals.counts, totals.cx);
  }
}

// Two queries whatever the period: the summed counters, and the summed CX histogram.
async function readFine(db: Kdb, filter: RollupFilter, split: Split, parts: PartTotals, partOfValues: (values: Array<string | number>) => string): Promise<void> {
  const sums = rollupCounterColumns.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c));
  let counters = filtered(db.selectFrom("rollups").select(sums), filter);
  let histogram = filtered(db.selectFrom("rollup_cx").select(["cx", sql<number>`sum(count)`.as("count")]), filter).groupBy("cx");
  split.forEach((column, i) => {
    counters = counters.select(sql.ref<string>(column).as(`part${i}`)).groupBy(column) as typeof counters;
    histogram = histogram.select(sql.ref<string>(column).as(`part${i}`)).groupBy(column) as typeof histogram;
  });
  const partOf = (row: Record<string, unknown>) => partOfValues(split.map((_, i) => row[`part${i}`] as string | number));
  const [counterRows, cxRows] = await Promise.all([counters.execute(), histogram.execute()]);
  for (const row of counterRows as Array<Record<string, unknown>>) {
    if (row.responses === null || row.responses === undefined) continue;
    const totals = parts.of(partOf(row));
    rollupCounterColumns.forEach((c, i) => (totals.counts[i]! += Number(row[c] ?? 0)));
  }
  for (const row of cxRows as Array<{ cx: number; count: number } & Record<string, unknown>>) {
    const count = Number(row.count);
    if (count === 0) continue;
    const totals = parts.of(partOf(row));
    totals.cx[Number(row.cx)] = (totals.cx[Number(row.cx)] ?? 0) + count;
  }
}

/** What raw totals can be split by: the rollup key's columns, and the response values outside it. */
export type RawPart = SplitColumn | "placement" | "store" | "channel" | { field: string };

function partExpression(part: RawPart, dialect: DialectName): RawBuilder<unknown> {
  if (typeof part === "object") return fieldValue(part.field, dialect);
  // Integer division of a positive integer: the UTC day number, as the rollup key has it.
  if (part === "day") return sql`responses.started_at / ${sql.lit(rollupLayout.msPerDay)}`;
  return sql.ref(`responses.${part}`);
}

/**
 * The totals of the responses `filter` selects, per part (the values of `parts` joined by "|", "" for a
 * missing value; "" for one total when `parts` is empty), from raw responses. The database groups the
 * responses by part and by every scored answer (a few thousand combinations, whatever the number of
 * responses); each combination goes once through the rollups' own contribution function
 * (`addRollupChange`) and is multiplied by its count, so the counts are exactly those rollups would hold.
 * Completion time is grouped apart, by whole seconds (as the contribution function rounds them).
 */
export async function aggregateRawResponses(db: Kdb, filter: RollupFilter, parts: readonly RawPart[]): Promise<Map<string, RollupTotals>> {
  const dialect = dialectOf(db);
  const partColumns = parts.map((part, i) => partExpression(part, dialect).as(`part${i}`));
  const groupAll = <Q extends { groupBy: (expressions: any) => Q }>(query: Q, extra: readonly string[]) => {
    const keys = [...parts.map((_, i) => sql.ref(`part${i}`)), ...extra.map((c) => sql.ref(c))];
    return keys.length > 0 ? query.groupBy(keys) : query;
  };
  const answers = ["emotion", "emotion_2", "intensity", "csat", "ces", "usefulness", "brand_love", "nps"] as const;
  const answersQuery = groupAll(
    whereResponses(db.selectFrom("responses"), filter, dialect).select([
      ...partColumns,
      ...answers.map((c) => sql.ref(`responses.${c}`).as(c)),
      sql<number>`case when responses.completed_at is null then 0 else 1 end`.as("done"),
      sql<number>`count(*)`.as("n"),
    ]),
    [...answers, "done"],
  );
  // Seconds as the contribution function counts them: min(3600, max(0, round(ms / 1000))), ties away from zero as Math.round does for positives.
  const seconds = sql<number>`min(${sql.lit(rollupLayout.maxCompletionSeconds)}, max(0, round(responses.completion_ms / 1000.0)))`;
  const secondsPg = sql<number>`least(${sql.lit(rollupLayout.maxCompletionSeconds)}, greatest(0, round(responses.completion_ms / 1000.0)))`;
  const timingQuery = groupAll(
    whereResponses(db.selectFrom("responses"), filter, dialect)
      .where("responses.completed_at", "is not", null)
      .where("responses.completion_ms", "is not", null)
      .select([...partColumns, (dialect === "postgres" ? secondsPg : seconds).as("secs"), sql<number>`count(*)`.as("n")]),
    ["secs"],
  );
  const [answerRows, timingRows] = (await Promise.all([answersQuery.execute(), timingQuery.execute()])) as [Array<Record<string, unknown>>, Array<Record<string, unknown>>];

  const partOf = (row: Record<string, unknown>) => parts.map((_, i) => (row[`part${i}`] === null || row[`part${i}`] === undefined ? "" : String(row[`part${i}`]))).join("|");
  const totalsByPart = new Map<string, { counts: number[]; cx: Record<string, number> }>();
  const accumulatorOf = (part: string) => {
    let acc = totalsByPart.get(part);
    if (!acc) totalsByPart.set(part, (acc = { counts: new Array<number>(rollupLayout.width).fill(0), cx: {} }));
    return acc;
  };
  const contribution = (row: RollupSourceRow) => {
    const deltas: RollupDeltas = new Map();
    addRollupChange(deltas, null, row, rollupLayout);
    return deltas.values().next().value!;
  };
  const blank: RollupSourceRow = {
    organisation_id: "", touchpoint_id: "", started_at: 0, source: "", language: "", emotion: null, emotion_2: null, intensity: null,
    csat: null, ces: null, usefulness: null, brand_love: null, nps: null, completed_at: null, completion_ms: null,
  };
  const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  for (const row of answerRows) {
    const n = Number(row.n);
    const delta = contribution({
      ...blank,
      emotion: (row.emotion as string | null) ?? null,
      emotion_2: (row.emotion_2 as string | null) ?? null,
      intensity: numberOrNull(row.intensity),
      csat: numberOrNull(row.csat),
      ces: numberOrNull(row.ces),
      usefulness: numberOrNull(row.usefulness),
      brand_love: numberOrNull(row.brand_love),
      nps: numberOrNull(row.nps),
      completed_at: Number(row.done) === 1 ? 1 : null,
    });
    const acc = accumulatorOf(partOf(row));
    delta.counts.forEach((c, i) => {
      if (c !== 0) acc.counts[i]! += c * n;
    });
    for (const [cx, c] of Object.entries(delta.cx)) acc.cx[cx] = (acc.cx[cx] ?? 0) + c * n;
  }
  const timed = [rollupLayout.completionTimed, rollupLayout.completionSum, rollupLayout.completionSquares];
  for (const row of timingRows) {
    const n = Number(row.n);
    // A completed response with no answers and this many seconds: only its completion-time counters are taken.
    const delta = contribution({ ...blank, completed_at: 1, completion_ms: Number(row.secs) * 1000 });
    const acc = accumulatorOf(partOf(row));
    for (const i of timed) acc.counts[i]! += delta.counts[i]! * n;
  }
  return new Map([...totalsByPart].map(([part, acc]) => [part, totalsOfCounts(acc.counts, acc.cx)]));
}

/** The response dimensions a segment comparison can split by, beyond the rollup key. */
export type ResponseDimension = { kind: "placement" } | { kind: "store" } | { kind: "customerChannel" } | { kind: "field"; key: string };

/** Totals per value of a dimension outside the rollup key ("" for responses without a value); always a raw read. */
export async function readTotalsByResponseValue(db: Kdb, filter: RollupFilter, dimension: ResponseDimension): Promise<Map<string, RollupTotals>> {
  const part: RawPart = dimension.kind === "field" ? { field: dimension.key } : dimension.kind === "customerChannel" ? "channel" : dimension.kind;
  return aggregateRawResponses(db, filter, [part]);
}

/** Totals of everything the filter selects (empty totals when nothing matches). */
export async function readTotals(db: Kdb, filter: RollupFilter): Promise<RollupTotals> {
  return (await readSplit(db, filter, [])).get("") ?? emptyTotals();
}

/** Totals per touchpoint id (only touchpoints with responses appear). */
export async function readTotalsByTouchpoint(db: Kdb, filter: RollupFilter): Promise<Map<string, RollupTotals>> {
  return readSplit(db, filter, ["touchpoint_id"]);
}

/**
 * Totals per UTC day number (only days with responses appear), or per bucket of days when `bucketOf`
 * maps a day to its bucket's first day (a trend's weeks or months, summed as they are read).
 */
export async function readTotalsByDay(db: Kdb, filter: RollupFilter, bucketOf?: (day: number) => number): Promise<Map<number, RollupTotals>> {
  const byDay = await readSplit(db, filter, ["day"], bucketOf);
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
  if (parts.length === 1) return parts[0]!;
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
