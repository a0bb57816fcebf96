// Responses: one row per customer's visit to a form, written in batches (see group-commit.ts) and
// merged by a dedupe key, so that answering again, a double submit or a retried API call updates
// the same response instead of creating another.
import { sql } from "kysely";
import type { Kdb, ResponsesTable } from "../tables.js";
import { dialectOf, forUpdate } from "../dialect.js";
import { newId } from "../ids.js";
import { addRollupChange, applyRollupDeltas, rollupLayout, rollupSourceColumns, type RollupDeltas } from "./rollups.js";

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

/** Folds writes that share a dedupe key into one, later answers over earlier ones (a batch may hold both). */
export function foldWrites(writes: ResponseWrite[]): ResponseWrite[] {
  const byKey = new Map<string, ResponseWrite>();
  for (const write of writes) {
    const key = `${write.organisation_id}\u0000${write.dedupe_key}`;
    const previous = byKey.get(key);
    if (!previous) {
      byKey.set(key, { ...write });
      continue;
    }
    const merged: ResponseWrite = { ...previous };
    for (const column of [...answerColumns, ...answerTimes]) {
      const value = write[column];
      if (value !== null && value !== undefined) (merged as Record<string, unknown>)[column] = value;
    }
    merged.started_at = Math.min(previous.started_at, write.started_at);
    byKey.set(key, merged);
  }
  return [...byKey.values()];
}

/** The rows a batch inserts (one per dedupe key, with new ids), before conflicts merge them into stored ones. */
export function prepareResponseRows(writes: ResponseWrite[], now: number): ResponseRow[] {
  return foldWrites(writes).map((write) => {
    const completedAt = isComplete(write) ? now : null;
    return {
      ...write,
      id: newId("rsp"),
      completed_at: completedAt,
      completion_ms: completionMs(write.source, write.started_at, completedAt),
      created_at: now,
      updated_at: now,
    };
  });
}

/** The order of columns in a response row, for statements written by hand (see response-writer.ts). */
export const responseColumns = [
  "id", "organisation_id", "journey_id", "stage_id", "touchpoint_id", "form_version", "dedupe_key", "variant", "source",
  "placement", "language", "device_class", ...answerColumns, "customer_ref", "order_ref", "channel", "store", "hidden_fields",
  "started_at", "emotion_at", "csat_at", "ces_at", "nps_at", "comment_at", "completed_at", "completion_ms", "created_at", "updated_at",
] as const satisfies ReadonlyArray<keyof ResponseRow>;

/**
 * The SQL that inserts one response row (named parameters `@column`) or merges it into the stored one:
 * the same rules as upsertResponses, for SQLite's prepared statements.
 */
export function sqliteUpsertStatement(): string {
  const merged = (a: string, b?: string) =>
    b ? `coalesce(excluded.${a}, responses.${a}, excluded.${b}, responses.${b})` : `coalesce(excluded.${a}, responses.${a})`;
  const complete = `(${merged("emotion")} is not null and ${merged("csat", "brand_love")} is not null and ${merged("ces", "usefulness")} is not null and ${merged("nps")} is not null)`;
  return (
    `insert into responses (${responseColumns.join(", ")}) values (${responseColumns.map((c) => `@${c}`).join(", ")}) ` +
    `on conflict (organisation_id, dedupe_key) do update set ` +
    [...answerColumns, ...answerTimes].map((c) => `${c} = ${merged(c)}`).join(", ") +
    `, completed_at = coalesce(responses.completed_at, case when ${complete} then excluded.updated_at end)` +
    `, completion_ms = coalesce(responses.completion_ms, case when ${complete} and responses.source in (${timedSourcesSql}) and excluded.updated_at - responses.started_at between 0 and ${maximumCompletionMs} then excluded.updated_at - responses.started_at end)` +
    `, updated_at = excluded.updated_at returning id, ${rollupSourceColumns.join(", ")}`
  );
}

/** The SQL that reads a response's stored answers before a write merges into it (named parameters), for rollup deltas. */
export function sqliteStoredAnswersStatement(): string {
  return `select ${rollupSourceColumns.join(", ")} from responses where organisation_id = @organisation_id and dedupe_key = @dedupe_key`;
}

/**
 * Inserts or merges a batch of writes in one transaction, keeps the rollups current in the same
 * transaction, and returns the response id of each write (in the order of `writes`). Answers present
 * in a write replace the stored ones; the response is complete once emotion, satisfaction (or brand
 * love), effort (or usefulness) and recommendation are in.
 *
 * Three steps, so that each rollup delta is exact under concurrency (docs/decisions/0003-rollups.md):
 * new responses are inserted (`do nothing` on a conflict, which waits for a concurrent insert of the
 * same key to commit); the stored state of the others is read and locked (`for update` on
 * PostgreSQL; SQLite's write lock otherwise); then they are merged. The delta of each response is its
 * merged state's contribution minus its stored state's.
 */
export async function upsertResponses(db: Kdb, writes: ResponseWrite[], now: number): Promise<string[]> {
  if (writes.length === 0) return [];
  if (!db.isTransaction) return db.transaction().execute((trx) => upsertResponses(trx, writes, now));
  const keyOf = (row: { organisation_id: string; dedupe_key: string }) => `${row.organisation_id}\u0000${row.dedupe_key}`;
  // Rows in key order, so that concurrent batches holding some of the same visits lock them in the same order.
  const rows = prepareResponseRows(writes, now).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const ids = new Map<string, string>();
  const deltas: RollupDeltas = new Map();

  const inserted = await db
    .insertInto("responses")
    .values(rows)
    .onConflict((oc) => oc.columns(["organisation_id", "dedupe_key"]).doNothing())
    .returning(["id", "organisation_id", "dedupe_key"])
    .execute();
  for (const row of inserted) ids.set(keyOf(row), row.id);
  const stored = rows.filter((row) => !ids.has(keyOf(row)));
  for (const row of rows) if (ids.has(keyOf(row))) addRollupChange(deltas, null, row, rollupLayout);

  if (stored.length > 0) {
    const byOrganisation = new Map<string, string[]>();
    for (const row of stored) byOrganisation.set(row.organisation_id, [...(byOrganisation.get(row.organisation_id) ?? []), row.dedupe_key]);
    const before = await forUpdate(
      db
        .selectFrom("responses")
        .select(["dedupe_key", ...rollupSourceColumns])
        .where((eb) => eb.or([...byOrganisation].map(([org, keys]) => eb.and([eb("organisation_id", "=", org), eb("dedupe_key", "in", keys)]))))
        .orderBy("organisation_id")
        .orderBy("dedupe_key"),
      dialectOf(db),
    ).execute();
    const beforeByKey = new Map(before.map((row) => [keyOf(row), row]));

    const merged = (a: string, b?: string) =>
      b
        ? sql`coalesce(excluded.${sql.ref(a)}, responses.${sql.ref(a)}, excluded.${sql.ref(b)}, responses.${sql.ref(b)})`
        : sql`coalesce(excluded.${sql.ref(a)}, responses.${sql.ref(a)})`;
    const completeAfterMerge = sql`(${merged("emotion")} is not null and ${merged("csat", "brand_love")} is not null and ${merged("ces", "usefulness")} is not null and ${merged("nps")} is not null)`;
    const after = await db
      .insertInto("responses")
      .values(stored)
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
    for (const row of after) {
      ids.set(keyOf(row), row.id);
      addRollupChange(deltas, beforeByKey.get(keyOf(row)), row, rollupLayout);
    }
  }

  await applyRollupDeltas(db, deltas);
  return writes.map((write) => ids.get(keyOf(write))!);
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
