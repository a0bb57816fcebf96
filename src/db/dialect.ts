// Every difference between SQLite and PostgreSQL that a query needs lives here, and nowhere else.
import { CompiledQuery, PostgresAdapter, sql, type Expression, type RawBuilder, type SelectQueryBuilder } from "kysely";
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
 * Runs reads that must see one state of the database (rollups and the journal rows that add to them,
 * which a concurrent fold moves from one to the other): a repeatable-read transaction on PostgreSQL,
 * a deferred transaction on SQLite (WAL: one snapshot from its first read). Inside a transaction
 * already, the work runs in it.
 */
export async function readSnapshot<T>(db: Kdb, work: (trx: Kdb) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  if (dialectOf(db) === "postgres") return db.transaction().setIsolationLevel("repeatable read").execute(work);
  return db.transaction().execute(work);
}

/**
 * Holds the rollup tables against concurrent writers until the transaction ends, for a rebuild.
 * PostgreSQL: SHARE ROW EXCLUSIVE conflicts with the ROW EXCLUSIVE lock of every insert or update (and
 * with another rebuild) but not with readers. SQLite: nothing to do, writeTransaction holds the write lock.
 */
export async function lockForRollupRebuild(trx: Kdb, dialect: DialectName): Promise<void> {
  if (dialect === "postgres") await sql`lock table rollup_journal, rollups, rollup_cx, rollup_spans in share row exclusive mode`.execute(trx);
}

/**
 * The text value of `key` in a JSON object column (null when absent): `json_extract` on SQLite's text,
 * `->>` on PostgreSQL's jsonb. The key is bound as a parameter; callers still validate it.
 */
export function jsonTextField(column: string, key: string, dialect: DialectName): RawBuilder<string | null> {
  return dialect === "postgres" ? sql<string | null>`(${sql.ref(column)} ->> ${key})` : sql<string | null>`json_extract(${sql.ref(column)}, ${`$."${key}"`})`;
}

/**
 * The distinct keys of the JSON objects in `column` of the rows `rows` selects, sorted, at most
 * `limit`: `jsonb_object_keys` on PostgreSQL, `json_each` on SQLite. Rows whose column is null add nothing.
 */
export function distinctJsonKeys(rows: Expression<unknown>, column: string, limit: number, dialect: DialectName): RawBuilder<{ key: string }> {
  const keys = dialect === "postgres" ? sql`jsonb_object_keys(r.${sql.ref(column)}) as j(key)` : sql`json_each(r.${sql.ref(column)}) as j`;
  return sql<{ key: string }>`select distinct j.key as key from (${rows}) as r, ${keys} order by j.key limit ${limit}`;
}

/**
 * The accented letters of Spanish and Portuguese (and the common Latin-1 rest), upper and lower case,
 * and what search folds them to. `foldText` (JavaScript) and `foldedText` (SQL) use this one table, so
 * a folded search term and a folded column always agree.
 */
export const foldedLetters: ReadonlyArray<readonly [string, string]> = [
  ..."áàâãäå".split("").map((c) => [c, "a"] as const),
  ..."éèêë".split("").map((c) => [c, "e"] as const),
  ..."íìîï".split("").map((c) => [c, "i"] as const),
  ..."óòôõö".split("").map((c) => [c, "o"] as const),
  ..."úùûü".split("").map((c) => [c, "u"] as const),
  ["ñ", "n"],
  ["ç", "c"],
  ..."ÁÀÂÃÄÅ".split("").map((c) => [c, "a"] as const),
  ..."ÉÈÊË".split("").map((c) => [c, "e"] as const),
  ..."ÍÌÎÏ".split("").map((c) => [c, "i"] as const),
  ..."ÓÒÔÕÖ".split("").map((c) => [c, "o"] as const),
  ..."ÚÙÛÜ".split("").map((c) => [c, "u"] as const),
  ["Ñ", "n"],
  ["Ç", "c"],
];
const foldMap = new Map(foldedLetters);

/** Lower-cases `text` (ASCII and the letters of foldedLetters) and drops those letters' accents, as `foldedText` does in SQL. */
export function foldText(text: string): string {
  let out = "";
  for (const c of text.normalize("NFC")) out += foldMap.get(c) ?? (c >= "A" && c <= "Z" ? c.toLowerCase() : c);
  return out;
}

/**
 * SQL that folds a text column like `foldText`: SQLite's lower() only knows ASCII, so every accented
 * letter (both cases) is replaced explicitly; PostgreSQL's translate() does the same in one call.
 * Letters outside the table are compared as they are, on both databases.
 */
export function foldedText(column: string, dialect: DialectName): RawBuilder<string> {
  if (dialect === "postgres") {
    const from = foldedLetters.map(([c]) => c).join("");
    const to = foldedLetters.map(([, f]) => f).join("");
    // lower() first would also fold letters foldText keeps (Greek, Cyrillic…): translate the table, then lower ASCII only via translate.
    const ascii = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    return sql<string>`translate(${sql.ref(column)}, ${from + ascii}, ${to + ascii.toLowerCase()})`;
  }
  let expression: RawBuilder<string> = sql<string>`lower(${sql.ref(column)})`;
  for (const [c, f] of foldedLetters) expression = sql<string>`replace(${expression}, ${c}, ${f})`;
  return expression;
}

/** `pattern` with LIKE's wildcards (% and _) and the escape character (\) escaped, for `like … escape '\'`. */
export function escapeLike(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A column's PostgreSQL type, for insertInBulk. */
export type BulkColumnType = "text" | "int4" | "int8" | "jsonb";

const sqliteValuesCache = new Map<string, string>();

/**
 * Inserts many rows in one statement, written by hand (no query builder: at millions of rows its
 * compilation costs more than the database). PostgreSQL: one array per column through `unnest` (a
 * few parameters however many rows; JSON travels as text and is cast). SQLite: a multi-row insert;
 * the caller keeps rows × columns under SQLite's 32,766 bound parameters.
 */
export async function insertInBulk(trx: Kdb, table: string, columns: ReadonlyArray<readonly [string, BulkColumnType]>, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([c]) => `"${c}"`).join(", ");
  if (dialectOf(trx) === "postgres") {
    const arrays = columns.map(([c]) => rows.map((r) => r[c] ?? null));
    const unnest = columns.map(([, type], i) => `$${i + 1}::${type === "jsonb" ? "text" : type}[]`).join(", ");
    const select = columns.map(([c, type]) => (type === "jsonb" ? `"${c}"::jsonb` : `"${c}"`)).join(", ");
    await trx.executeQuery(CompiledQuery.raw(`insert into "${table}" (${names}) select ${select} from unnest(${unnest}) as t(${names})`, arrays));
    return;
  }
  const shape = `${columns.length}x${rows.length}`;
  let values = sqliteValuesCache.get(shape);
  if (values === undefined) {
    const row = `(${columns.map(() => "?").join(",")})`;
    values = Array.from({ length: rows.length }, () => row).join(",");
    if (sqliteValuesCache.size < 64) sqliteValuesCache.set(shape, values);
  }
  const parameters: unknown[] = new Array(columns.length * rows.length);
  let k = 0;
  for (const r of rows) for (const [c] of columns) parameters[k++] = r[c] ?? null;
  await trx.executeQuery(CompiledQuery.raw(`insert into "${table}" (${names}) values ${values}`, parameters));
}
