// Keeping rollups current: each response's contribution to its rollup row (the counts of core/metrics'
// aggregate, flattened into columns), the delta a write makes (its new contribution minus its previous
// one, since answers arrive one at a time), applying deltas, and rebuilding from raw responses.
// The contribution function is plain JavaScript over a layout object so that the SQLite writer's
// worker thread runs the very same code (see response-writer.ts); docs/rollups.md explains the model.
import { CompiledQuery, sql } from "kysely";
import { emotionCodes, intensities, valenceOf, type EmotionCode } from "../../core/emotions.js";
import { bondSegments, scales, valenceLevels, type BondSegment } from "../../core/metrics/index.js";
import type { Database } from "../connect.js";
import { dialectOf, lockForRollupRebuild, writeTransaction } from "../dialect.js";
import type { Kdb, ResponsesTable, RollupCounterColumn, RollupKeyColumns } from "../tables.js";
import { foldJournalIn } from "./rollup-journal.js";
import { applySpanDeltas, spanDeltasOf, spanLockKey } from "./rollup-spans.js";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The counter columns of a rollup row, in the order of a delta's `counts`. */
export const rollupCounterColumns: readonly RollupCounterColumn[] = [
  "responses",
  "completed",
  "completion_timed",
  "completion_s_sum",
  "completion_s_squares",
  ...range(scales.nps.min, scales.nps.max).map((v) => `nps_${v}` as RollupCounterColumn),
  ...range(scales.csat.min, scales.csat.max).map((v) => `csat_${v}` as RollupCounterColumn),
  ...range(scales.ces.min, scales.ces.max).map((v) => `ces_${v}` as RollupCounterColumn),
  ...range(scales.usefulness.min, scales.usefulness.max).map((v) => `usefulness_${v}` as RollupCounterColumn),
  ...range(scales.brandLove.min, scales.brandLove.max).map((v) => `brand_love_${v}` as RollupCounterColumn),
  ...range(0, valenceLevels - 1).map((i) => `valence_${i}` as RollupCounterColumn),
  ...emotionCodes.flatMap((code) => intensities.map((i) => `emotion_${code}_${i}` as RollupCounterColumn)),
  ...bondSegments.map((segment) => `bond_${segment}` as RollupCounterColumn),
];

/** The key columns of a rollup row. */
export const rollupKeyColumns = ["organisation_id", "touchpoint_id", "day", "source", "language"] as const satisfies ReadonlyArray<keyof RollupKeyColumns>;

/**
 * Completion time counts at most an hour: a customer who came back the next day measures their day,
 * not the form. Seconds (not ms) keep the sum of squares exact in a double for any realistic period.
 */
export const maxCompletionSeconds = 3600;

/** Where each count lives in a delta's `counts` (and so which column), plus what the contribution needs from core. */
export interface RollupLayout {
  width: number;
  msPerDay: number;
  maxCompletionSeconds: number;
  responses: number;
  completed: number;
  /** Completed responses with a completion time (form page and widget; API and import items have none). */
  completionTimed: number;
  completionSum: number;
  completionSquares: number;
  /** Offset of the lowest answer of each scale. */
  nps: number;
  csat: number;
  ces: number;
  usefulness: number;
  brandLove: number;
  /** Offset of valence level 0 (EV = −1). */
  valence: number;
  /** Offset of intensity 1 of each emotion, and its valence (METHOD.md §2). */
  emotions: Record<string, { offset: number; valence: number }>;
  bonds: Record<BondSegment, number>;
}

const at = (column: RollupCounterColumn) => rollupCounterColumns.indexOf(column);

export const rollupLayout: RollupLayout = {
  width: rollupCounterColumns.length,
  msPerDay: 86_400_000,
  maxCompletionSeconds,
  responses: at("responses"),
  completed: at("completed"),
  completionTimed: at("completion_timed"),
  completionSum: at("completion_s_sum"),
  completionSquares: at("completion_s_squares"),
  nps: at("nps_0"),
  csat: at("csat_1"),
  ces: at("ces_1"),
  usefulness: at("usefulness_1"),
  brandLove: at("brand_love_1"),
  valence: at("valence_0"),
  emotions: Object.fromEntries(emotionCodes.map((code: EmotionCode) => [code, { offset: at(`emotion_${code}_1`), valence: valenceOf(code) }])),
  bonds: Object.fromEntries(bondSegments.map((s) => [s, at(`bond_${s}`)])) as Record<BondSegment, number>,
};

/** The response columns a contribution reads: the rollup key and every scored answer. */
export const rollupSourceColumns = [
  "organisation_id", "touchpoint_id", "started_at", "source", "language", "emotion", "emotion_2", "intensity",
  "csat", "ces", "usefulness", "brand_love", "nps", "completed_at", "completion_ms",
] as const satisfies ReadonlyArray<keyof ResponsesTable>;
export type RollupSourceRow = Pick<ResponsesTable, (typeof rollupSourceColumns)[number]>;

/** What a batch changes in one rollup row: counter deltas in layout order, and CX histogram deltas by 36·CX. */
export interface RollupDelta extends RollupKeyColumns {
  counts: number[];
  cx: Record<string, number>;
}

/** Rollup deltas by key (organisation, touchpoint, day, source, language joined by NUL). */
export type RollupDeltas = Map<string, RollupDelta>;

/**
 * Adds to `deltas` what writing `after` over `before` (null for a new response) changes: −1 for each
 * count of the previous state, +1 for each count of the new one. Mirrors core/metrics exactly
 * (aggregate.ts, response-scores.ts; checked by rollups.test.ts): EV counted as 6·EV + 6, the CX index
 * as 36·CX, bond segments in METHOD's order. The key never changes: touchpoint, start time, source
 * and language are those of the response's first write.
 *
 * Self-contained on purpose (no imports, no inner named functions): response-writer.ts sends its
 * source text to the SQLite writer's worker thread.
 */
export function addRollupChange(deltas: RollupDeltas, before: RollupSourceRow | null | undefined, after: RollupSourceRow, layout: RollupLayout): void {
  const day = Math.floor(after.started_at / layout.msPerDay);
  const language = after.language ?? "";
  const key = after.organisation_id + "\u0000" + after.touchpoint_id + "\u0000" + day + "\u0000" + after.source + "\u0000" + language;
  let delta = deltas.get(key);
  if (!delta) {
    delta = { organisation_id: after.organisation_id, touchpoint_id: after.touchpoint_id, day, source: after.source, language, counts: new Array<number>(layout.width).fill(0), cx: {} };
    deltas.set(key, delta);
  }
  const counts = delta.counts;
  const sides: Array<[RollupSourceRow, number]> = before ? [[before, -1], [after, 1]] : [[after, 1]];
  for (const [row, sign] of sides) {
    counts[layout.responses]! += sign;
    if (row.completed_at !== null) counts[layout.completed]! += sign;
    if (row.completed_at !== null && row.completion_ms !== null) {
      const seconds = Math.min(layout.maxCompletionSeconds, Math.max(0, Math.round(row.completion_ms / 1000)));
      counts[layout.completionTimed]! += sign;
      counts[layout.completionSum]! += sign * seconds;
      counts[layout.completionSquares]! += sign * seconds * seconds;
    }
    const nps = row.nps !== null && Number.isInteger(row.nps) && row.nps >= 0 && row.nps <= 10 ? row.nps : null;
    const csat = row.csat !== null && Number.isInteger(row.csat) && row.csat >= 1 && row.csat <= 5 ? row.csat : null;
    const ces = row.ces !== null && Number.isInteger(row.ces) && row.ces >= 1 && row.ces <= 7 ? row.ces : null;
    const usefulness = row.usefulness !== null && Number.isInteger(row.usefulness) && row.usefulness >= 1 && row.usefulness <= 7 ? row.usefulness : null;
    const brandLove = row.brand_love !== null && Number.isInteger(row.brand_love) && row.brand_love >= 1 && row.brand_love <= 7 ? row.brand_love : null;
    if (nps !== null) counts[layout.nps + nps]! += sign;
    if (csat !== null) counts[layout.csat + csat - 1]! += sign;
    if (ces !== null) counts[layout.ces + ces - 1]! += sign;
    if (usefulness !== null) counts[layout.usefulness + usefulness - 1]! += sign;
    if (brandLove !== null) counts[layout.brandLove + brandLove - 1]! += sign;

    // An emotion counts once its intensity is in (as core's scoredAnswers reads a response).
    const first = row.emotion !== null ? layout.emotions[row.emotion] : undefined;
    const second = row.emotion_2 !== null ? layout.emotions[row.emotion_2] : undefined;
    const intensity = row.intensity;
    const felt = first !== undefined && (intensity === 1 || intensity === 2 || intensity === 3);
    let sixEv = 0;
    if (felt) {
      // EV = mean valence · intensity/3, so 6·EV = 2·v·i with one emotion and (v₁ + v₂)·i with two.
      sixEv = second !== undefined ? (first.valence + second.valence) * intensity : 2 * first.valence * intensity;
      counts[layout.valence + sixEv + 6]! += sign;
      counts[first.offset + intensity - 1]! += sign;
      if (second !== undefined) counts[second.offset + intensity - 1]! += sign;
    }

    // 36 · each component is a multiple of 12, so 36 · their mean over 1–4 components is an integer.
    let components = 0;
    let sum36 = 0;
    if (felt) { components += 1; sum36 += 1800 + 300 * sixEv; }
    if (csat !== null) { components += 1; sum36 += 900 * (csat - 1); }
    if (ces !== null) { components += 1; sum36 += 600 * (ces - 1); }
    if (nps !== null) { components += 1; sum36 += 360 * nps; }
    if (components > 0) {
      const cx = String(Math.round(sum36 / components));
      delta.cx[cx] = (delta.cx[cx] ?? 0) + sign;
    }

    if (felt || nps !== null) {
      const negative = felt && (first.valence < 0 || (second !== undefined && second.valence < 0));
      const positive = felt && (first.valence > 0 || (second !== undefined && second.valence > 0));
      let segment: number;
      if (negative || (nps !== null && nps <= 6)) segment = layout.bonds.at_risk;
      else if (positive && intensity! >= 2 && nps !== null && nps >= 9) segment = layout.bonds.in_love;
      else if (felt && (row.emotion === "indifference" || (second !== undefined && row.emotion_2 === "indifference"))) segment = layout.bonds.indifferent;
      else segment = layout.bonds.satisfied;
      counts[segment]! += sign;
    }
  }
}

/** True when applying the delta would change nothing (e.g. a write that only added a comment). */
export function isEmptyDelta(delta: RollupDelta): boolean {
  return delta.counts.every((c) => c === 0) && Object.values(delta.cx).every((c) => c === 0);
}

// SQLite allows 32,766 bound parameters per statement: 97 per rollup row, 7 per CX row.
const rollupRowsPerStatement = 300;
const cxRowsPerStatement = 4000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Adds deltas to the rollup rows, in one statement per table (per few hundred rows), in key order so
 * that concurrent PostgreSQL transactions lock shared rows in the same order and never deadlock.
 * Counters are added in SQL (`column = column + excluded.column`): nothing is read first. CX rows
 * that reach zero are deleted, so that partial answers do not leave empty histogram rows behind.
 * The day and month spans (rollup-spans.ts) get the same deltas, folded by touchpoint and period.
 * Used by the journal's fold, the rebuild and direct writers; the ingestion path appends to the
 * journal instead (rollup-journal.ts).
 */
export async function applyRollupDeltas(db: Kdb, deltas: RollupDeltas): Promise<void> {
  const keyed = [...deltas].filter(([, d]) => !isEmptyDelta(d)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
  if (keyed.length === 0) return;
  if (dialectOf(db) === "postgres") {
    // Every applier takes the span lock first, then rows in key order: no two can deadlock.
    await db.executeQuery(CompiledQuery.raw("select pg_advisory_xact_lock($1)", [spanLockKey]));
    await applyPostgres(db, keyed);
  } else await applySqlite(db, keyed);
  await applySpanDeltas(db, spanDeltasOf(keyed, rollupLayout), rollupLayout);
}

async function applySqlite(db: Kdb, keyed: RollupDelta[]): Promise<void> {
  const keyOf = (d: RollupDelta) => ({ organisation_id: d.organisation_id, touchpoint_id: d.touchpoint_id, day: d.day, source: d.source, language: d.language });

  for (const part of chunks(keyed.filter((d) => d.counts.some((c) => c !== 0)), rollupRowsPerStatement)) {
    await db
      .insertInto("rollups")
      .values(part.map((d) => ({ ...keyOf(d), ...Object.fromEntries(rollupCounterColumns.map((c, i) => [c, d.counts[i]!])) }) as never))
      .onConflict((oc) =>
        oc.columns([...rollupKeyColumns]).doUpdateSet(Object.fromEntries(rollupCounterColumns.map((c) => [c, sql`rollups.${sql.ref(c)} + excluded.${sql.ref(c)}`])) as never),
      )
      .execute();
  }

  const cxRows = keyed.flatMap((d) => Object.entries(d.cx).filter(([, n]) => n !== 0).sort(([a], [b]) => Number(a) - Number(b)).map(([cx, count]) => ({ ...keyOf(d), cx: Number(cx), count })));
  for (const part of chunks(cxRows, cxRowsPerStatement)) {
    await db
      .insertInto("rollup_cx")
      .values(part)
      .onConflict((oc) => oc.columns([...rollupKeyColumns, "cx"]).doUpdateSet({ count: sql`rollup_cx.count + excluded.count` }))
      .execute();
  }
  const emptied = keyed
    .map((d) => ({ d, cx: Object.entries(d.cx).filter(([, n]) => n < 0).map(([cx]) => Number(cx)) }))
    .filter((e) => e.cx.length > 0);
  if (emptied.length > 0) {
    await db
      .deleteFrom("rollup_cx")
      .where("count", "=", 0)
      .where((eb) =>
        eb.or(
          emptied.map(({ d, cx }) =>
            eb.and([
              eb("organisation_id", "=", d.organisation_id),
              eb("touchpoint_id", "=", d.touchpoint_id),
              eb("day", "=", d.day),
              eb("source", "=", d.source),
              eb("language", "=", d.language),
              eb("cx", "in", cx),
            ]),
          ),
        ),
      )
      .execute();
  }
}

/**
 * PostgreSQL's rollup statements: fixed text whatever the number of rows (one array parameter per
 * column, read with `unnest`), so nothing is compiled per batch. Counters travel as int8 arrays and
 * are cast on assignment.
 */
const postgresRollupStatements = (() => {
  const keys = rollupKeyColumns.join(", ");
  const keyArrays = "$1::text[], $2::text[], $3::int4[], $4::text[], $5::text[]";
  const counters = rollupCounterColumns.join(", ");
  const cxAt = 6 + rollupCounterColumns.length;
  const cxKeyArrays = [0, 1, 2, 3, 4].map((i) => `$${cxAt + i}::${i === 2 ? "int4" : "text"}[]`).join(", ");
  return {
    // Both tables in one round trip. The CX insert runs only after every rollup row is upserted (its
    // one-time filter counts the rollups CTE's rows), so every transaction locks rollups rows before
    // rollup_cx rows, each table in key order: concurrent batches cannot deadlock.
    upsert:
      `with r as (insert into rollups (${keys}, ${counters}) select * from unnest(${keyArrays}, ${rollupCounterColumns.map((_, i) => `$${i + 6}::int8[]`).join(", ")}) ` +
      `on conflict (${keys}) do update set ${rollupCounterColumns.map((c) => `${c} = rollups.${c} + excluded.${c}`).join(", ")} returning 1) ` +
      `insert into rollup_cx (${keys}, cx, count) select * from unnest(${cxKeyArrays}, $${cxAt + 5}::int4[], $${cxAt + 6}::int4[]) ` +
      `where (select count(*) from r) >= 0 on conflict (${keys}, cx) do update set count = rollup_cx.count + excluded.count`,
    deleteEmptyCx:
      `delete from rollup_cx r using unnest(${keyArrays}, $6::int4[]) as e(${keys}, cx) ` +
      `where ${[...rollupKeyColumns, "cx"].map((c) => `r.${c} = e.${c}`).join(" and ")} and r.count = 0`,
  };
})();

/** applyRollupDeltas on PostgreSQL: one statement per table, whatever the number of keys. */
async function applyPostgres(db: Kdb, keyed: RollupDelta[]): Promise<void> {
  const keyArrays = (rows: ReadonlyArray<Pick<RollupDelta, RollupKeyName>>) => rollupKeyColumns.map((c) => rows.map((d) => d[c]));
  const counted = keyed.filter((d) => d.counts.some((c) => c !== 0));
  const cxRows = keyed.flatMap((d) => Object.entries(d.cx).filter(([, n]) => n !== 0).sort(([a], [b]) => Number(a) - Number(b)).map(([cx, count]) => ({ d, cx: Number(cx), count })));
  await db.executeQuery(
    CompiledQuery.raw(postgresRollupStatements.upsert, [
      ...keyArrays(counted),
      ...rollupCounterColumns.map((_, i) => counted.map((d) => d.counts[i]!)),
      ...keyArrays(cxRows.map((r) => r.d)),
      cxRows.map((r) => r.cx),
      cxRows.map((r) => r.count),
    ]),
  );
  const emptied = cxRows.filter((r) => r.count < 0);
  if (emptied.length > 0) {
    await db.executeQuery(CompiledQuery.raw(postgresRollupStatements.deleteEmptyCx, [...keyArrays(emptied.map((r) => r.d)), emptied.map((r) => r.cx)]));
  }
}

type RollupKeyName = (typeof rollupKeyColumns)[number];

/**
 * SQLite statements for the writer's worker thread, equivalent to applyRollupDeltas, with positional
 * parameters: the key columns (then the counters in layout order, or the CX value and its count).
 */
export function sqliteRollupStatements(): { upsert: string; upsertCx: string; deleteEmptyCx: string } {
  const keys = rollupKeyColumns.join(", ");
  const keyParams = rollupKeyColumns.map(() => "?").join(", ");
  const keyMatch = rollupKeyColumns.map((c) => `${c} = ?`).join(" and ");
  return {
    upsert:
      `insert into rollups (${keys}, ${rollupCounterColumns.join(", ")}) values (${keyParams}, ${rollupCounterColumns.map(() => "?").join(", ")}) ` +
      `on conflict (${keys}) do update set ${rollupCounterColumns.map((c) => `${c} = rollups.${c} + excluded.${c}`).join(", ")}`,
    upsertCx: `insert into rollup_cx (${keys}, cx, count) values (${keyParams}, ?, ?) on conflict (${keys}, cx) do update set count = rollup_cx.count + excluded.count`,
    deleteEmptyCx: `delete from rollup_cx where ${keyMatch} and cx = ? and count = 0`,
  };
}

export interface RebuildSummary {
  organisations: number;
  touchpoints: number;
  responses: number;
}

const rebuildPage = 5000;

/**
 * Recomputes rollups (and their day and month spans) from raw responses, one organisation × touchpoint
 * per transaction: its rows are deleted and rewritten from every response, through the same contribution function as incremental
 * maintenance, so both give identical rows. Safe while responses keep arriving: each transaction holds
 * the rollup tables against concurrent writers (SQLite's write lock; on PostgreSQL a SHARE ROW
 * EXCLUSIVE table lock, which readers ignore), so a write lands either before the rebuild of its
 * touchpoint (and is read from responses) or after it (and adds its delta on top).
 */
export async function rebuildRollups(database: Database, options: { organisationId?: string; onTouchpoint?: (organisationId: string, touchpointId: string, responses: number) => void } = {}): Promise<RebuildSummary> {
  const db = database.kysely;
  let orgQuery = db.selectFrom("organisations").select("id").orderBy("id");
  if (options.organisationId !== undefined) orgQuery = orgQuery.where("id", "=", options.organisationId);
  const organisations = (await orgQuery.execute()).map((o) => o.id);
  const summary: RebuildSummary = { organisations: organisations.length, touchpoints: 0, responses: 0 };
  for (const organisationId of organisations) {
    const fromResponses = await db.selectFrom("responses").select("touchpoint_id").distinct().where("organisation_id", "=", organisationId).execute();
    const fromRollups = await db.selectFrom("rollups").select("touchpoint_id").distinct().where("organisation_id", "=", organisationId).execute();
    const touchpoints = [...new Set([...fromResponses, ...fromRollups].map((r) => r.touchpoint_id))].sort();
    for (const touchpointId of touchpoints) {
      const count = await writeTransaction(database, async (trx) => {
        await lockForRollupRebuild(trx, dialectOf(trx));
        // What the journal holds is counted in the responses read below: fold it first, so that it
        // is not added a second time on top of the rebuilt rows. The lock keeps new rows out meanwhile.
        await foldJournalIn(trx);
        await trx.deleteFrom("rollups").where("organisation_id", "=", organisationId).where("touchpoint_id", "=", touchpointId).execute();
        await trx.deleteFrom("rollup_cx").where("organisation_id", "=", organisationId).where("touchpoint_id", "=", touchpointId).execute();
        await trx.deleteFrom("rollup_spans").where("organisation_id", "=", organisationId).where("touchpoint_id", "=", touchpointId).execute();
        const deltas: RollupDeltas = new Map();
        let after = "";
        let read = 0;
        for (;;) {
          const page = await trx
            .selectFrom("responses")
            .select(["id", ...rollupSourceColumns])
            .where("organisation_id", "=", organisationId)
            .where("touchpoint_id", "=", touchpointId)
            .where("id", ">", after)
            .orderBy("id")
            .limit(rebuildPage)
            .execute();
          for (const row of page) addRollupChange(deltas, null, row, rollupLayout);
          read += page.length;
          if (page.length < rebuildPage) break;
          after = page[page.length - 1]!.id;
        }
        await applyRollupDeltas(trx, deltas);
        return read;
      });
      summary.touchpoints += 1;
      summary.responses += count;
      options.onTouchpoint?.(organisationId, touchpointId, count);
    }
  }
  return summary;
}

/**
 * Writes the day and month spans of every organisation from its fine rollup rows (rollups and
 * rollup_cx), one touchpoint at a time: what migration 0006 runs over an existing database. Spans
 * must be empty for the touchpoints it reads.
 */
export async function rebuildRollupSpans(db: Kdb): Promise<void> {
  const keys = await db.selectFrom("rollups").select(["organisation_id", "touchpoint_id"]).distinct().orderBy("organisation_id").orderBy("touchpoint_id").execute();
  for (const { organisation_id, touchpoint_id } of keys) {
    const deltas: RollupDeltas = new Map();
    const keyOf = (r: RollupKeyColumns) => [r.organisation_id, r.touchpoint_id, r.day, r.source, r.language].join("\u0000");
    const rows = await db.selectFrom("rollups").selectAll().where("organisation_id", "=", organisation_id).where("touchpoint_id", "=", touchpoint_id).execute();
    for (const row of rows) {
      const { organisation_id: o, touchpoint_id: t, day, source, language } = row;
      deltas.set(keyOf(row), { organisation_id: o, touchpoint_id: t, day: Number(day), source, language, counts: rollupCounterColumns.map((c) => Number(row[c])), cx: {} });
    }
    const cxRows = await db.selectFrom("rollup_cx").selectAll().where("organisation_id", "=", organisation_id).where("touchpoint_id", "=", touchpoint_id).execute();
    for (const row of cxRows) {
      const delta = deltas.get(keyOf({ ...row, day: Number(row.day) }));
      if (delta) delta.cx[String(row.cx)] = (delta.cx[String(row.cx)] ?? 0) + Number(row.count);
    }
    await applySpanDeltas(db, spanDeltasOf(deltas.values(), rollupLayout), rollupLayout);
  }
}
