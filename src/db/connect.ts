// Opens the database that DATABASE_URL names: an embedded SQLite file, or PostgreSQL for the scale path.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { Kdb, Tables } from "./tables.js";

export type DialectName = "sqlite" | "postgres";

export interface Database {
  kysely: Kdb;
  dialect: DialectName;
  /** The SQLite file (null for PostgreSQL or an in-memory database). */
  file: string | null;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget = { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };

/**
 * Reads a DATABASE_URL: `postgres://…` or `postgresql://…` for PostgreSQL; `sqlite:PATH`,
 * `file:PATH` or a bare path for SQLite (`sqlite::memory:` for a throw-away database).
 */
export function parseDatabaseUrl(url: string): DatabaseTarget | null {
  const value = url.trim();
  if (/^postgres(ql)?:\/\//i.test(value)) return { dialect: "postgres", url: value };
  const file = value.replace(/^(sqlite|file):(\/\/)?/i, "");
  if (!file || /^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return null;
  return { dialect: "sqlite", file };
}

// PostgreSQL returns bigint (int8) and numeric as strings; our times and counts fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

/** Opens a database. SQLite runs in WAL mode with synchronous=FULL so an acknowledged write is on disk. */
export function connect(target: DatabaseTarget, options: { poolMax?: number } = {}): Database {
  if (target.dialect === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: options.poolMax ?? 10 });
    pool.on("error", () => {
      // An idle client lost its connection; the pool replaces it. Queries in flight still reject.
    });
    const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return {
      kysely,
      dialect: "postgres",
      file: null,
      ping: async () => {
        await sql`select 1`.execute(kysely);
      },
      close: () => kysely.destroy(),
    };
  }
  if (target.file !== ":memory:") mkdirSync(dirname(resolve(target.file)), { recursive: true });
  const sqlite = new SQLite(target.file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    kysely,
    dialect: "sqlite",
    file: target.file === ":memory:" ? null : resolve(target.file),
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    close: () => kysely.destroy(),
  };
}
