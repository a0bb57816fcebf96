// The rollup journal: what a batch of responses changes in the rollups, appended as one row in the
// batch's own transaction, and folded into the rollup tables in the background (a fold every fraction
// of a second sums many batches per rollup row). The write path then costs one narrow insert instead of
// an upsert per wide rollup row, and reads stay exact because they add the journal's unfolded rows to
// what they read from the rollups (docs/rollups.md, decisions/0005-rollup-journal.md).
import { CompiledQuery, sql } from "kysely";
import type { Database } from "../connect.js";
import { dialectOf, writeTransaction } from "../dialect.js";
import type { Kdb } from "../tables.js";
import { applyRollupDeltas, isEmptyDelta, rollupLayout, type RollupDelta, type RollupDeltas, type RollupLayout } from "./rollups.js";

/**
 * A batch's deltas as journal text: per rollup key [organisation, touchpoint, day, source, language,
 * [counter index, delta, …], [36·CX, delta, …]], non-zero entries only. Self-contained: the SQLite
 * writer's worker runs it too.
 */
export function packJournal(deltas: Iterable<RollupDelta>): string {
  const out: unknown[] = [];
  for (const d of deltas) {
    const counts: number[] = [];
    for (let i = 0; i < d.counts.length; i++) if (d.counts[i] !== 0) counts.push(i, d.counts[i]!);
    const cx: number[] = [];
    for (const v in d.cx) if (d.cx[v] !== 0) cx.push(Number(v), d.cx[v]!);
    if (counts.length > 0 || cx.length > 0) out.push([d.organisation_id, d.touchpoint_id, d.day, d.source, d.language, counts, cx]);
  }
  return JSON.stringify(out);
}

/** Adds a journal row's deltas to `deltas` (by the rollup key, as addRollupChange keys them). Self-contained. */
export function unpackJournal(payload: string, deltas: RollupDeltas, layout: RollupLayout): void {
  const entries = JSON.parse(payload) as Array<[string, string, number, string, string, number[], number[]]>;
  for (const [organisation_id, touchpoint_id, day, source, language, counts, cx] of entries) {
    const key = organisation_id + "\u0000" + touchpoint_id + "\u0000" + day + "\u0000" + source + "\u0000" + language;
    let delta = deltas.get(key);
    if (!delta) {
      delta = { organisation_id, touchpoint_id, day, source, language, counts: new Array<number>(layout.width).fill(0), cx: {} };
      deltas.set(key, delta);
    }
    for (let i = 0; i < counts.length; i += 2) delta.counts[counts[i]!]! += counts[i + 1]!;
    for (let i = 0; i < cx.length; i += 2) delta.cx[String(cx[i])] = (delta.cx[String(cx[i])] ?? 0) + cx[i + 1]!;
  }
}

/** Appends a batch's deltas to the journal (nothing when they change nothing), in the caller's transaction. */
export async function appendRollupJournal(db: Kdb, deltas: RollupDeltas): Promise<void> {
  const changed = [...deltas.values()].filter((d) => !isEmptyDelta(d));
  if (changed.length === 0) return;
  await db.executeQuery(CompiledQuery.raw(dialectOf(db) === "postgres" ? "insert into rollup_journal (payload) values ($1)" : "insert into rollup_journal (payload) values (?)", [packJournal(changed)]));
}

/** The sum of every journal row not folded yet, read in the caller's transaction (a snapshot, with the rollups it adds to). */
export async function readPendingJournal(db: Kdb): Promise<RollupDeltas> {
  const deltas: RollupDeltas = new Map();
  const rows = await db.selectFrom("rollup_journal").select("payload").execute();
  for (const row of rows) unpackJournal(row.payload, deltas, rollupLayout);
  return deltas;
}

/** How often a server folds the journal while it writes (and bench/rollup-cost.ts likewise). */
export const rollupFoldIntervalMs = 1000;

/** Advisory lock key of the fold on PostgreSQL: one server folds at a time, the others skip their turn. */
const foldLockKey = 7_301_114_908;

/**
 * Folds the journal into the rollups in the caller's transaction: takes the rows it sees, adds their
 * sum to the rollup tables and deletes them, so a read (rollups + journal, in one snapshot) gives the
 * same totals before and after. Returns the number of journal rows folded. On PostgreSQL `delete …
 * returning` takes exactly the committed rows, whatever commits meanwhile.
 */
export async function foldJournalIn(trx: Kdb): Promise<number> {
  const rows =
    dialectOf(trx) === "postgres"
      ? (await trx.executeQuery<{ payload: string }>(CompiledQuery.raw("delete from rollup_journal returning payload", []))).rows
      : await (async () => {
          const found = await trx.selectFrom("rollup_journal").select(["seq", "payload"]).orderBy("seq").execute();
          if (found.length > 0) await trx.deleteFrom("rollup_journal").where("seq", "<=", found[found.length - 1]!.seq).execute();
          return found;
        })();
  if (rows.length === 0) return 0;
  const deltas: RollupDeltas = new Map();
  for (const row of rows) unpackJournal(row.payload, deltas, rollupLayout);
  // An organisation deleted since its batch was written takes its rollups with it: its deltas go too.
  const organisations = [...new Set([...deltas.values()].map((d) => d.organisation_id))];
  const existing = new Set((await trx.selectFrom("organisations").select("id").where("id", "in", organisations).execute()).map((o) => o.id));
  for (const [key, d] of deltas) if (!existing.has(d.organisation_id)) deltas.delete(key);
  await applyRollupDeltas(trx, deltas);
  return rows.length;
}

/**
 * One fold of the journal in its own transaction. On PostgreSQL, when another server is folding, this
 * one does nothing (it will take the rows at its next turn). A journal that is empty costs one read.
 */
export async function foldRollupJournal(database: Database): Promise<number> {
  const db = database.kysely;
  const pending = await db.selectFrom("rollup_journal").select("seq").limit(1).executeTakeFirst();
  if (pending === undefined) return 0;
  if (database.dialect === "postgres") {
    return db.transaction().execute(async (trx) => {
      const locked = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${foldLockKey}) as locked`.execute(trx);
      if (!locked.rows[0]?.locked) return 0;
      return foldJournalIn(trx);
    });
  }
  return writeTransaction(database, (trx) => foldJournalIn(trx));
}

/** SQLite statements for the writer's worker: append, read everything pending, delete what was read. */
export function sqliteJournalStatements(): { append: string; readAll: string; deleteUpTo: string; organisationExists: string } {
  return {
    organisationExists: "select 1 from organisations where id = ?",
    append: "insert into rollup_journal (payload) values (?)",
    readAll: "select seq, payload from rollup_journal order by seq",
    deleteUpTo: "delete from rollup_journal where seq <= ?",
  };
}
