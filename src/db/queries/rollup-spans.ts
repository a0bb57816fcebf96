// Coarse rollups for the reads the dashboards make most: one row per organisation × touchpoint × UTC
// day, and one per organisation × touchpoint × calendar month, source and language folded in, each
// row's counters and CX histogram packed into one column. A view then reads a number of rows bounded by
// touchpoints × days (or months), whatever the number of responses behind them (docs/rollups.md).
// The packing functions are self-contained (no imports, no module scope) because the SQLite writer's
// worker thread receives their source text (response-writer.ts).
import { CompiledQuery } from "kysely";
import { dialectOf } from "../dialect.js";
import type { Kdb } from "../tables.js";
import type { RollupDelta, RollupLayout } from "./rollups.js";

/** A span row's grain: a UTC day, or a calendar month (UTC) starting on its first day. */
export type SpanGrain = "day" | "month";

/** What a batch changes in one span row: the counters in layout order and the CX histogram (36·CX → count). */
export interface SpanDelta {
  organisation_id: string;
  touchpoint_id: string;
  grain: SpanGrain;
  /** The span's first UTC day number. */
  start: number;
  counts: number[];
  cx: Record<string, number>;
}

/**
 * Sums fine rollup deltas (organisation × touchpoint × day × source × language) into the day and
 * month spans they fall in. Keys: grain, organisation, touchpoint and start joined by NUL.
 * Self-contained: runs in the SQLite writer's worker too.
 */
export function spanDeltasOf(deltas: Iterable<RollupDelta>, layout: RollupLayout): Map<string, SpanDelta> {
  const out = new Map<string, SpanDelta>();
  const add = (d: RollupDelta, grain: "day" | "month", start: number) => {
    const key = grain + "\u0000" + d.organisation_id + "\u0000" + d.touchpoint_id + "\u0000" + start;
    let span = out.get(key);
    if (!span) {
      span = { organisation_id: d.organisation_id, touchpoint_id: d.touchpoint_id, grain, start, counts: new Array<number>(layout.width).fill(0), cx: {} };
      out.set(key, span);
    }
    for (let i = 0; i < layout.width; i++) if (d.counts[i] !== 0) span.counts[i]! += d.counts[i]!;
    for (const cx in d.cx) if (d.cx[cx] !== 0) span.cx[cx] = (span.cx[cx] ?? 0) + d.cx[cx]!;
  };
  for (const d of deltas) {
    add(d, "day", d.day);
    const date = new Date(d.day * layout.msPerDay);
    add(d, "month", Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / layout.msPerDay));
  }
  return out;
}

/**
 * Packs a span's counters and CX histogram, as base64 text (both databases store and return it
 * unchanged): the counters as float64 (sums of squared seconds outgrow 32 bits), then the number k of
 * non-zero histogram values as int32, their k counts as int32 and their k values (36·CX) as uint16, in
 * ascending order, all little-endian. Each block is aligned to its element size, so reading is typed
 * array views, not a call per number. Self-contained: runs in the SQLite writer's worker too.
 */
export function packSpan(counts: ArrayLike<number>, cx: Record<string, number>, width: number): string {
  const values = Object.keys(cx).map(Number).filter((v) => cx[v] !== 0).sort((a, b) => a - b);
  const k = values.length;
  const bytes = new ArrayBuffer(width * 8 + 4 + k * 6);
  const doubles = new Float64Array(bytes, 0, width);
  for (let i = 0; i < width; i++) doubles[i] = counts[i] ?? 0;
  const ints = new Int32Array(bytes, width * 8, 1 + k);
  ints[0] = k;
  const shorts = new Uint16Array(bytes, width * 8 + 4 + k * 4, k);
  for (let j = 0; j < k; j++) {
    ints[1 + j] = cx[values[j]!]!;
    shorts[j] = values[j]!;
  }
  return Buffer.from(bytes).toString("base64");
}

/**
 * Adds a packed span to running totals: counters into `counts`, histogram counts into `cx` (indexed by
 * 36·CX; a plain object or a Float64Array of 3,601 zeros). Self-contained: runs in the worker too.
 */
export function addPackedSpan(packed: string, width: number, counts: number[] | Float64Array, cx: Record<number, number> | Float64Array): void {
  // Decoded into a buffer of its own, so that the typed views below start aligned.
  const padding = packed.endsWith("==") ? 2 : packed.endsWith("=") ? 1 : 0;
  const bytes = new ArrayBuffer((packed.length / 4) * 3 - padding);
  Buffer.from(bytes).write(packed, "base64");
  const doubles = new Float64Array(bytes, 0, width);
  for (let i = 0; i < width; i++) counts[i]! += doubles[i]!;
  const k = new Int32Array(bytes, width * 8, 1)[0]!;
  const ints = new Int32Array(bytes, width * 8 + 4, k);
  const shorts = new Uint16Array(bytes, width * 8 + 4 + k * 4, k);
  if (cx instanceof Float64Array) for (let j = 0; j < k; j++) cx[shorts[j]!]! += ints[j]!;
  else for (let j = 0; j < k; j++) cx[shorts[j]!] = (cx[shorts[j]!] ?? 0) + ints[j]!;
}

/** The first UTC day number of the calendar month holding `day`. */
export function monthStartOf(day: number): number {
  const date = new Date(day * 86_400_000);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000);
}

/** The first UTC day number of the month after the one starting on `start`. */
export function nextMonthStart(start: number): number {
  const date = new Date(start * 86_400_000);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / 86_400_000);
}

/**
 * How to read the days from…to (inclusive) from spans: the whole calendar months inside the range as
 * month rows (their starts from firstMonth to lastMonth), every other day as day rows (dayRanges).
 */
export function planSpanRead(fromDay: number, toDay: number): { months: { first: number; last: number } | null; dayRanges: Array<[number, number]> } {
  let first = monthStartOf(fromDay);
  if (first < fromDay) first = nextMonthStart(first);
  let last: number | null = null;
  for (let start = first; nextMonthStart(start) - 1 <= toDay; start = nextMonthStart(start)) last = start;
  if (last === null) return { months: null, dayRanges: fromDay <= toDay ? [[fromDay, toDay]] : [] };
  const dayRanges: Array<[number, number]> = [];
  if (fromDay < first) dayRanges.push([fromDay, first - 1]);
  const afterLast = nextMonthStart(last);
  if (afterLast <= toDay) dayRanges.push([afterLast, toDay]);
  return { months: { first, last }, dayRanges };
}

/** Advisory lock key that serialises span read-modify-writes on PostgreSQL (any value unique to this use). */
export const spanLockKey = 7_301_114_907;

const spanRowsPerStatement = 5000;

/**
 * Adds span deltas to the stored spans: reads the rows the deltas touch, adds, writes them back (the
 * packed column cannot be added to in SQL). On PostgreSQL the caller's transaction takes an advisory
 * lock first, so concurrent appliers (folds on several servers, a rebuild, the demo) never lose an
 * update; on SQLite the write lock already serialises them.
 */
export async function applySpanDeltas(db: Kdb, spans: Map<string, SpanDelta>, layout: RollupLayout): Promise<void> {
  if (spans.size === 0) return;
  const postgres = dialectOf(db) === "postgres";
  if (postgres) await db.executeQuery(CompiledQuery.raw("select pg_advisory_xact_lock($1)", [spanLockKey]));
  // Group by organisation and grain: one read of the range of starts each touches.
  const groups = new Map<string, SpanDelta[]>();
  for (const [, s] of [...spans].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const key = s.organisation_id + "\u0000" + s.grain;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  const rows: Array<{ organisation_id: string; grain: SpanGrain; start: number; touchpoint_id: string; data: string }> = [];
  for (const list of groups.values()) {
    const { organisation_id, grain } = list[0]!;
    const touchpoints = [...new Set(list.map((s) => s.touchpoint_id))];
    let min = Infinity;
    let max = -Infinity;
    for (const s of list) {
      if (s.start < min) min = s.start;
      if (s.start > max) max = s.start;
    }
    const stored = new Map<string, string>();
    for (let i = 0; i < touchpoints.length; i += 500) {
      const found = await db
        .selectFrom("rollup_spans")
        .select(["touchpoint_id", "start", "data"])
        .where("organisation_id", "=", organisation_id)
        .where("grain", "=", grain)
        .where("start", ">=", min)
        .where("start", "<=", max)
        .where("touchpoint_id", "in", touchpoints.slice(i, i + 500))
        .execute();
      for (const row of found) stored.set(row.touchpoint_id + "\u0000" + row.start, row.data);
    }
    for (const s of list) {
      const counts = s.counts.slice();
      const cx: Record<number, number> = {};
      for (const v in s.cx) cx[Number(v)] = s.cx[v]!;
      const before = stored.get(s.touchpoint_id + "\u0000" + s.start);
      if (before !== undefined) addPackedSpan(before, layout.width, counts, cx);
      rows.push({ organisation_id, grain, start: s.start, touchpoint_id: s.touchpoint_id, data: packSpan(counts, cx, layout.width) });
    }
  }
  for (let i = 0; i < rows.length; i += spanRowsPerStatement) {
    const part = rows.slice(i, i + spanRowsPerStatement);
    if (postgres) {
      await db.executeQuery(
        CompiledQuery.raw(
          "insert into rollup_spans (organisation_id, grain, start, touchpoint_id, data) select * from unnest($1::text[], $2::text[], $3::int4[], $4::text[], $5::text[]) " +
            "on conflict (organisation_id, grain, start, touchpoint_id) do update set data = excluded.data",
          [part.map((r) => r.organisation_id), part.map((r) => r.grain), part.map((r) => r.start), part.map((r) => r.touchpoint_id), part.map((r) => r.data)],
        ),
      );
    } else {
      // 5 parameters a row: 5,000 rows stay under SQLite's 32,766.
      await db
        .insertInto("rollup_spans")
        .values(part)
        .onConflict((oc) => oc.columns(["organisation_id", "grain", "start", "touchpoint_id"]).doUpdateSet((eb) => ({ data: eb.ref("excluded.data") })))
        .execute();
    }
  }
}

/** SQLite statements for the writer's worker: read one span row, and write it. */
export function sqliteSpanStatements(): { read: string; write: string } {
  return {
    read: "select data from rollup_spans where organisation_id = ? and grain = ? and start = ? and touchpoint_id = ?",
    write:
      "insert into rollup_spans (organisation_id, grain, start, touchpoint_id, data) values (?, ?, ?, ?, ?) " +
      "on conflict (organisation_id, grain, start, touchpoint_id) do update set data = excluded.data",
  };
}
