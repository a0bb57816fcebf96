// Every difference between SQLite and PostgreSQL that a query needs lives here, and nowhere else.
import { PostgresAdapter, sql, type SelectQueryBuilder } from "kysely";
import type { Database, DialectName } from "./connect.js";
import type { Kdb } from "./tables.js";

/** True when `error` is a unique-constraint violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown };
  return e.code === "23505" || e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** The column type that holds a JSON document. */
export function jsonColumnType(dialect: DialectName): "jsonb" | "text" {
  return dialect === "postgres" ? "jsonb" : "text";
}

/**
 * Runs `work` in a transaction that holds the database's write lock from its first statement, so that
 * read-then-write sequences (renumbering positions, checking a name) see no concurrent writer.
 * SQLite: Kysely's own transactions start with a deferred `begin`, which can fail with SQLITE_BUSY when
 * the first read is upgraded to a write while another process writes; `begin immediate` takes the
 * write lock up front and waits (busy_timeout) instead. Kysely also serialises every query of one
 * process on SQLite's single connection, so in-process transactions never interleave.
 * PostgreSQL: an ordinary read-committed transaction; callers lock the rows they order with
 * `forUpdate`, so concurrent writers of the same parent queue behind each other.
 */
export async function writeTransaction<T>(db: Database, work: (trx: Kdb) => Promise<T>): Promise<T> {
  if (db.dialect === "postgres") return db.kysely.transaction().execute(work);
  return db.kysely.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    let result: T;
    try {
      result = await work(connection);
    } catch (error) {
      try {
        await sql`rollback`.execute(connection);
      } catch {
        // SQLite already rolled back (e.g. after SQLITE_FULL); the original error is what matters.
      }
      throw error;
    }
    await sql`commit`.execute(connection);
    return result;
  });
}

/** `select … for update` on PostgreSQL; unchanged on SQLite, where writeTransaction already holds the write lock. */
export function forUpdate<Q extends SelectQueryBuilder<any, any, any>>(query: Q, dialect: DialectName): Q {
  return dialect === "postgres" ? (query.forUpdate() as Q) : query;
}

/** The dialect behind a Kysely instance or transaction (for code that is handed only a Kdb). */
export function dialectOf(db: Kdb): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * Holds the rollup tables against concurrent writers until the transaction ends, for a rebuild.
 * PostgreSQL: SHARE ROW EXCLUSIVE conflicts with the ROW EXCLUSIVE lock of every insert or update (and
 * with another rebuild) but not with readers. SQLite: nothing to do, writeTransaction holds the write lock.
 */
export async function lockForRollupRebuild(trx: Kdb, dialect: DialectName): Promise<void> {
  if (dialect === "postgres") await sql`lock table rollups, rollup_cx in share row exclusive mode`.execute(trx);
}
