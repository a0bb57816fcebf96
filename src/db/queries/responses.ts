// Responses: one row per customer's visit to a form, written in batches (see group-commit.ts) and
// merged by a dedupe key, so that answering again, a double submit or a retried API call updates
// the same response instead of creating another.
import { CompiledQuery, sql } from "kysely";
import type { Kdb, ResponsesTable } from "../tables.js";
import { dialectOf, forUpdate, type BulkColumnType } from "../dialect.js";
import { newTimeOrderedIds } from "../ids.js";
import { appendRollupJournal } from "./rollup-journal.js";
import { addRollupChange, rollupLayout, rollupSourceColumns, type RollupDeltas, type RollupSourceRow } from "./rollups.js";

export type ResponseRow = ResponsesTable;

/** The answer columns a write may carry; null or absent means "not answered in this write". */
export const answerColumns = ["emotion", "emotion_2", "intensity", "csat", "brand_love", "ces", "usefulness", "nps", "comment"] as const;
const answerTimes = ["emotion_at", "csat_at", "ces_at", "nps_at", "comment_at"] as const;

/**
 * Sources whose completion time means something: the form page and the widget time a visit. API and
 * import items carry the time they were sent, not how long the customer took, so theirs stays null.
 */
const timedSources: readonly string[] = ["link", "qr", "widget", "email"];
const timedSourcesSql = timedSources.map((source) => `'${source}'`).join(", ");

/** Beyond a day a visit was left open, not answered: its completion time is not recorded (and fits an int4). */
export const maximumCompletionMs = 24 * 60 * 60 * 1000;

function completionMs(source: string, startedAt: number, completedAt: number | null): number | null {
  if (completedAt === null || !timedSources.includes(source)) return null;
  const ms = Math.max(0, completedAt - startedAt);
  return ms <= maximumCompletionMs ? ms : null;
}

/** One write: who and where (fixed at the first write) and the answers given in it. */
export type ResponseWrite = Omit<ResponseRow, "id" | "completed_at" | "completion_ms" | "created_at" | "updated_at">;

function isComplete(row: Pick<ResponseRow, "emotion" | "csat" | "brand_love" | "ces" | "usefulness" | "nps">): boolean {
  return row.emotion !== null && (row.csat ?? row.brand_love) !== null && (row.ces ?? row.usefulness) !== null && row.nps !== null;
}

/** The key that makes writes one response: organisation and dedupe key. */
const keyOf = (row: { organisation_id: string; dedupe_key: string }) => `${row.organisation_id}\u0000${row.dedupe_key}`;

/**
 * Folds writes that share a dedupe key into one, later answers over earlier ones (a batch may hold
 * both), and says for each write which folded row holds it. Writes are not copied unless folded.
 */
export function foldWrites(writes: readonly ResponseWrite[]): { folded: ResponseWrite[]; rowOfWrite: number[] } {
  const rowByKey = new Map<string, number>();
  const folded: ResponseWrite[] = [];
  const rowOfWrite = new Array<number>(writes.length);
  for (let w = 0; w < writes.length; w++) {
    const write = writes[w]!;
    const key = keyOf(write);
    const row = rowByKey.get(key);
    if (row === undefined) {
      rowByKey.set(key, folded.length);
      rowOfWrite[w] = folded.length;
      folded.push(write);
      continue;
    }
    const previous = folded[row]!;
    const merged: ResponseWrite = { ...previous };
    for (const column of [...answerColumns, ...answerTimes]) {
      const value = write[column];
      if (value !== null && value !== undefined) (merged as Record<string, unknown>)[column] = value;
    }
    merged.started_at = Math.min(previous.started_at, write.started_at);
    folded[row] = merged;
    rowOfWrite[w] = row;
  }
  return { folded, rowOfWrite };
}

/**
 * A batch as the writers take it: one row per dedupe key, flattened row after row in the order of
 * `responseColumns` (cheap to hand to the SQLite writer's thread and to turn into PostgreSQL arrays),
 * and for each write the row that holds it.
 */
export interface PreparedBatch {
  rowCount: number;
  values: unknown[];
  rowOfWrite: number[];
}

export function prepareResponseBatch(writes: readonly ResponseWrite[], now: number): PreparedBatch {
  const { folded, rowOfWrite } = foldWrites(writes);
  const ids = newTimeOrderedIds("rsp", now, folded.length);
  const width = responseColumns.length;
  const values = new Array<unknown>(folded.length * width);
  for (let r = 0; r < folded.length; r++) {
    const write = folded[r]! as Record<string, unknown> & ResponseWrite;
    const completedAt = isComplete(write) ? now : null;
    const base = r * width;
    for (let c = 0; c < width; c++) values[base + c] = write[responseColumns[c]!] ?? null;
    values[base + columnIndex.id] = ids[r]!;
    values[base + columnIndex.completed_at] = completedAt;
    values[base + columnIndex.completion_ms] = completionMs(write.source, write.started_at, completedAt);
    values[base + columnIndex.created_at] = now;
    values[base + columnIndex.updated_at] = now;
  }
  return { rowCount: folded.length, values, rowOfWrite };
}

/** The order of columns in a response row, for statements written by hand (see response-writer.ts). */
export const responseColumns = [
  "id", "organisation_id", "journey_id", "stage_id", "touchpoint_id", "form_version", "dedupe_key", "variant", "source",
  "placement", "language", "device_class", ...answerColumns, "customer_ref", "order_ref", "channel", "store", "hidden_fields",
  "started_at", "emotion_at", "csat_at", "ces_at", "nps_at", "comment_at", "completed_at", "completion_ms", "created_at", "updated_at",
] as const satisfies ReadonlyArray<keyof ResponseRow>;

/** Where each column sits in a row of `responseColumns`. */
export const columnIndex = Object.fromEntries(responseColumns.map((c, i) => [c, i])) as Record<(typeof responseColumns)[number], number>;

/** The SQL that merges a response row into the stored one (after `on conflict (organisation_id, dedupe_key)`), for both databases. */
function mergeSetSql(): string {
  const merged = (a: string, b?: string) =>
    b ? `coalesce(excluded.${a}, responses.${a}, excluded.${b}, responses.${b})` : `coalesce(excluded.${a}, responses.${a})`;
  const complete = `(${merged("emotion")} is not null and ${merged("csat", "brand_love")} is not null and ${merged("ces", "usefulness")} is not null and ${merged("nps")} is not null)`;
  return (
    `do update set ` +
    [...answerColumns, ...answerTimes].map((c) => `${c} = ${merged(c)}`).join(", ") +
    `, completed_at = coalesce(responses.completed_at, case when ${complete} then excluded.updated_at end)` +
    `, completion_ms = coalesce(responses.completion_ms, case when ${complete} and responses.source in (${timedSourcesSql}) and excluded.updated_at - responses.started_at between 0 and ${maximumCompletionMs} then excluded.updated_at - responses.started_at end)` +
    `, updated_at = excluded.updated_at`
  );
}

/**
 * The SQLite writer's statements, with positional parameters in the order of `responseColumns`:
 * `insertNew` inserts a row unless its dedupe key is stored (then it changes nothing); `readStored`
 * reads a stored response's rollup columns (organisation, dedupe key); `merge` merges a row into the
 * stored one and returns the result. Same rules as upsertResponses.
 */
export function sqliteResponseStatements(): { insertNew: string; readStored: string; merge: string } {
  const insert = `insert into responses (${responseColumns.join(", ")}) values (${responseColumns.map(() => "?").join(", ")}) on conflict (organisation_id, dedupe_key) `;
  return {
    insertNew: insert + "do nothing",
    readStored: `select ${rollupSourceColumns.join(", ")} from responses where organisation_id = ? and dedupe_key = ?`,
    merge: insert + mergeSetSql() + ` returning id, ${rollupSourceColumns.join(", ")}`,
  };
}

/** The PostgreSQL type of each response column, for statements that take one array per column. */
function postgresType(column: (typeof responseColumns)[number]): BulkColumnType {
  if (column === "hidden_fields") return "jsonb";
  if (["form_version", "intensity", "csat", "brand_love", "ces", "usefulness", "nps", "completion_ms"].includes(column)) return "int4";
  return column.endsWith("_at") ? "int8" : "text";
}

/** The response columns with their PostgreSQL types, for insertInBulk. */
export const responseBulkColumns: ReadonlyArray<readonly [string, BulkColumnType]> = responseColumns.map((c) => [c, postgresType(c)] as const);

/**
 * PostgreSQL's statements for a batch: fixed text whatever the number of rows (one array parameter
 * per column, read with `unnest`), so nothing is compiled per batch and the server parses short text.
 * JSON travels as text and is cast.
 */
const postgresResponseStatements = (() => {
  const names = responseColumns.join(", ");
  const arrays = responseColumns.map((c, i) => `$${i + 1}::${postgresType(c) === "jsonb" ? "text" : postgresType(c)}[]`).join(", ");
  const select = responseColumns.map((c) => (postgresType(c) === "jsonb" ? `${c}::jsonb` : c)).join(", ");
  const insert = `insert into responses (${names}) select ${select} from unnest(${arrays}) as u(${names}) on conflict (organisation_id, dedupe_key) `;
  return {
    insertNew: insert + "do nothing returning id",
    readStored:
      `select r.dedupe_key, ${rollupSourceColumns.map((c) => `r.${c}`).join(", ")} from responses r ` +
      `join unnest($1::text[], $2::text[]) as k(organisation_id, dedupe_key) on r.organisation_id = k.organisation_id and r.dedupe_key = k.dedupe_key ` +
      `order by r.organisation_id, r.dedupe_key for update of r`,
    merge: insert + mergeSetSql() + ` returning id, dedupe_key, ${rollupSourceColumns.join(", ")}`,
  };
})();

/** The rollup columns of a prepared row (a new response's contribution). */
function sourceRow(values: readonly unknown[], base: number): RollupSourceRow {
  const row: Record<string, unknown> = {};
  for (const column of rollupSourceColumns) row[column] = values[base + columnIndex[column]];
  return row as unknown as RollupSourceRow;
}

/**
 * Inserts or merges a batch of writes in one transaction, appends what they change in the rollups to
 * the rollup journal in the same transaction, and returns the response id of each write (in the order of `writes`). Answers present
 * in a write replace the stored ones; the response is complete once emotion, satisfaction (or brand
 * love), effort (or usefulness) and recommendation are in.
 *
 * Three steps, so that each rollup delta is exact under concurrency (docs/decisions/0003-rollups.md):
 * new responses are inserted (`do nothing` on a conflict, which waits for a concurrent insert of the
 * same key to commit); the stored state of the others is read and locked (`for update` on
 * PostgreSQL; SQLite's write lock otherwise); then they are merged. The delta of each response is its
 * merged state's contribution minus its stored state's. A batch of new visits costs one statement
 * for the responses and one journal row.
 *
 * `maintainRollups: false` exists only to measure what rollups cost (bench/rollup-cost.ts).
 */
export async function upsertResponses(db: Kdb, writes: readonly ResponseWrite[], now: number, options: { maintainRollups?: boolean } = {}): Promise<string[]> {
  if (writes.length === 0) return [];
  if (!db.isTransaction) return db.transaction().execute((trx) => upsertResponses(trx, writes, now, options));
  const maintainRollups = options.maintainRollups ?? true;
  const batch = prepareResponseBatch(writes, now);
  const width = responseColumns.length;
  const at = columnIndex;
  const deltas: RollupDeltas = new Map();
  const idOfRow = new Array<string>(batch.rowCount);
  const postgres = dialectOf(db) === "postgres";
  // Rows in key order, so that concurrent batches holding some of the same visits lock them in the same order.
  const keyAt = (r: number) => `${batch.values[r * width + at.organisation_id]}\u0000${batch.values[r * width + at.dedupe_key]}`;
  const order = Array.from({ length: batch.rowCount }, (_, r) => r).sort((a, b) => (keyAt(a) < keyAt(b) ? -1 : keyAt(a) > keyAt(b) ? 1 : 0));
  const columnsOf = (rows: readonly number[]) => responseColumns.map((_, c) => rows.map((r) => batch.values[r * width + c]));
  const objectsOf = (rows: readonly number[]) =>
    rows.map((r) => Object.fromEntries(responseColumns.map((column, c) => [column, batch.values[r * width + c]])) as unknown as ResponseRow);

  // 1. New responses.
  const insertedIds = new Set<string>(
    postgres
      ? (await db.executeQuery<{ id: string }>(CompiledQuery.raw(postgresResponseStatements.insertNew, columnsOf(order)))).rows.map((row) => row.id)
      : (
          await db
            .insertInto("responses")
            .values(objectsOf(order))
            .onConflict((oc) => oc.columns(["organisation_id", "dedupe_key"]).doNothing())
            .returning("id")
            .execute()
        ).map((row) => row.id),
  );
  const stored: number[] = [];
  for (const r of order) {
    const id = batch.values[r * width + at.id] as string;
    if (insertedIds.has(id)) {
      idOfRow[r] = id;
      if (maintainRollups) addRollupChange(deltas, null, sourceRow(batch.values, r * width), rollupLayout);
    } else stored.push(r);
  }

  // 2. Responses already stored: read and lock their state, then merge.
  if (stored.length > 0) {
    const rowByKey = new Map(stored.map((r) => [keyAt(r), r]));
    type Before = RollupSourceRow & { dedupe_key: string };
    type After = RollupSourceRow & { id: string; dedupe_key: string };
    let before: Before[];
    let after: After[];
    if (postgres) {
      const keys = [stored.map((r) => batch.values[r * width + at.organisation_id]), stored.map((r) => batch.values[r * width + at.dedupe_key])];
      before = (await db.executeQuery<Before>(CompiledQuery.raw(postgresResponseStatements.readStored, keys))).rows;
      after = (await db.executeQuery<After>(CompiledQuery.raw(postgresResponseStatements.merge, columnsOf(stored)))).rows;
    } else {
      const byOrganisation = new Map<string, string[]>();
      for (const r of stored) {
        const organisationId = batch.values[r * width + at.organisation_id] as string;
        byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), batch.values[r * width + at.dedupe_key] as string]);
      }
      before = await forUpdate(
        db
          .selectFrom("responses")
          .select(["dedupe_key", ...rollupSourceColumns])
          .where((eb) => eb.or([...byOrganisation].map(([org, keys]) => eb.and([eb("organisation_id", "=", org), eb("dedupe_key", "in", keys)]))))
          .orderBy("organisation_id")
          .orderBy("dedupe_key"),
        "sqlite",
      ).execute();
      const merged = (a: string, b?: string) =>
        b
          ? sql`coalesce(excluded.${sql.ref(a)}, responses.${sql.ref(a)}, excluded.${sql.ref(b)}, responses.${sql.ref(b)})`
          : sql`coalesce(excluded.${sql.ref(a)}, responses.${sql.ref(a)})`;
      const completeAfterMerge = sql`(${merged("emotion")} is not null and ${merged("csat", "brand_love")} is not null and ${merged("ces", "usefulness")} is not null and ${merged("nps")} is not null)`;
      after = await db
        .insertInto("responses")
        .values(objectsOf(stored))
        .onConflict((oc) =>
          oc.columns(["organisation_id", "dedupe_key"]).doUpdateSet({
            ...Object.fromEntries([...answerColumns, ...answerTimes].map((column) => [column, merged(column)])),
            completed_at: sql`coalesce(responses.completed_at, case when ${completeAfterMerge} then excluded.updated_at end)`,
            completion_ms: sql`coalesce(responses.completion_ms, case when ${completeAfterMerge} and responses.source in (${sql.raw(timedSourcesSql)}) and excluded.updated_at - responses.started_at between 0 and ${sql.lit(maximumCompletionMs)} then excluded.updated_at - responses.started_at end)`,
            updated_at: sql`excluded.updated_at`,
          }),
        )
        .returning(["id", "dedupe_key", ...rollupSourceColumns])
        .execute();
    }
    const beforeByKey = new Map(before.map((row) => [keyOf(row), row]));
    for (const row of after) {
      idOfRow[rowByKey.get(keyOf(row))!] = row.id;
      if (maintainRollups) addRollupChange(deltas, beforeByKey.get(keyOf(row)), row, rollupLayout);
    }
  }

  // 3. Rollups: the batch's deltas, one journal row, folded into the rollup tables later (rollup-journal.ts).
  await appendRollupJournal(db, deltas);
  return batch.rowOfWrite.map((r) => idOfRow[r]!);
}

/** The newest responses of a touchpoint, newest first, with a cursor on (started_at, id). */
export async function listRecentResponses(
  db: Kdb,
  organisationId: string,
  touchpointId: string,
  options: { limit: number; before?: { startedAt: number; id: string } },
): Promise<ResponseRow[]> {
  let query = db
    .selectFrom("responses")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("touchpoint_id", "=", touchpointId);
  if (options.before) {
    const { startedAt, id } = options.before;
    query = query.where((eb) => eb.or([eb("started_at", "<", startedAt), eb.and([eb("started_at", "=", startedAt), eb("id", "<", id)])]));
  }
  return query.orderBy("started_at", "desc").orderBy("id", "desc").limit(options.limit).execute();
}

export async function getResponse(db: Kdb, organisationId: string, id: string): Promise<ResponseRow | null> {
  return (await db.selectFrom("responses").selectAll().where("organisation_id", "=", organisationId).where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Adds dropped submissions to the day's count per reason. */
export async function recordDrops(
  db: Kdb,
  drops: Array<{ organisationId: string; touchpointId: string; reason: string; count: number }>,
  now: number,
): Promise<void> {
  if (drops.length === 0) return;
  const day = Math.floor(now / 86_400_000);
  const byKey = new Map<string, { organisation_id: string; touchpoint_id: string; day: number; reason: string; count: number }>();
  for (const drop of drops) {
    const key = `${drop.organisationId}\u0000${drop.touchpointId}\u0000${drop.reason}`;
    const row = byKey.get(key);
    if (row) row.count += drop.count;
    else byKey.set(key, { organisation_id: drop.organisationId, touchpoint_id: drop.touchpointId, day, reason: drop.reason, count: drop.count });
  }
  await db
    .insertInto("ingestion_drops")
    .values([...byKey.values()])
    .onConflict((oc) => oc.columns(["organisation_id", "touchpoint_id", "day", "reason"]).doUpdateSet({ count: sql`ingestion_drops.count + excluded.count` }))
    .execute();
}

/** Dropped submissions of an organisation (or one of its touchpoints) since `sinceDay`, per touchpoint and reason. */
export async function listDrops(db: Kdb, organisationId: string, sinceDay: number, touchpointId?: string) {
  let query = db
    .selectFrom("ingestion_drops")
    .select(["touchpoint_id", "reason", (eb) => eb.fn.sum<number>("count").as("count")])
    .where("organisation_id", "=", organisationId)
    .where("day", ">=", sinceDay);
  if (touchpointId) query = query.where("touchpoint_id", "=", touchpointId);
  return query.groupBy(["touchpoint_id", "reason"]).execute();
}
