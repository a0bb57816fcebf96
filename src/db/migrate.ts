// Applies the numbered migrations in src/db/migrations, in order, on either database.
// Each app server runs this at start; the migrator's lock makes concurrent starts safe.
import { Migrator, type Migration, type MigrationResult } from "kysely/migration";
import type { Database } from "./connect.js";
import * as m0001 from "./migrations/0001-foundation.js";
import * as m0002 from "./migrations/0002-journeys.js";
import { measureMigration } from "./migrations/0003-measure.js";
import { rollupsMigration } from "./migrations/0004-rollups.js";
import { textMigration } from "./migrations/0005-text.js";
import { rollupSpansMigration } from "./migrations/0006-rollup-spans.js";
import type { DialectName } from "./connect.js";

/** Every migration, by its file name. Add new ones at the end; never edit one that has shipped. */
export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    "0001-foundation": m0001,
    "0002-journeys": m0002,
    "0003-measure": measureMigration(dialect),
    "0004-rollups": rollupsMigration,
    "0005-text": textMigration,
    "0006-rollup-spans": rollupSpansMigration(dialect),
  };
}

export interface MigrateOutcome {
  applied: string[];
}

/** Brings the schema up to date; throws with the failing migration's name when one fails. */
export async function migrateToLatest(db: Database): Promise<MigrateOutcome> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrationsFor(db.dialect) },
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r: MigrationResult) => r.status === "Success").map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === "Error");
    throw new Error(`migration ${failed?.migrationName ?? "?"} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return { applied };
}
