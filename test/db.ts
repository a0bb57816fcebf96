// Runs a suite on every database in TEST_DB (default "sqlite"; CI sets "sqlite,postgres"), each on a
// fresh database: a temporary SQLite file, or a new PostgreSQL database dropped afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe } from "vitest";
import { connect, type Database, type DialectName } from "../src/db/connect.js";
import { migrateToLatest } from "../src/db/migrate.js";

export const testDatabases: DialectName[] = (process.env.TEST_DB ?? "sqlite")
  .split(",")
  .map((name) => name.trim())
  .filter((name): name is DialectName => name === "sqlite" || name === "postgres");

const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  db: Database;
  /** Another connection (pool) to the same database, as a second app server would have; the caller closes it. */
  open(): Database;
  drop(): Promise<void>;
}

/** Creates a fresh, migrated database of the given kind. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "momentos-test-"));
    const db = connect({ dialect: "sqlite", file: join(dir, "test.db") });
    await migrateToLatest(db);
    return {
      db,
      open: () => connect({ dialect: "sqlite", file: join(dir, "test.db") }),
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `momentos_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl} (TEST_DB includes postgres). Start it, or set TEST_POSTGRES_URL. ${String(error)}`,
    );
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = connect({ dialect: "postgres", url: url.toString() }, { poolMax: 5 });
  await migrateToLatest(db);
  return {
    db,
    open: () => connect({ dialect: "postgres", url: url.toString() }, { poolMax: 3 }),
    drop: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Creates an empty PostgreSQL database (no migrations) and returns its URL and a drop function. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `momentos_empty_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** `describe` once per database in TEST_DB, named after it. */
export function describeEachDatabase(name: string, suite: (dialect: DialectName) => void): void {
  for (const dialect of testDatabases) describe(`${name} [${dialect}]`, () => suite(dialect));
}
