// `momentos migrate`: applies pending database migrations and exits.
import { Command } from "commander";
import { connect } from "../../db/connect.js";
import { migrateToLatest } from "../../db/migrate.js";
import { configOrExit, fail } from "../config.js";

export function migrateCommand(): Command {
  return new Command("migrate").description("apply pending database migrations and exit").action(async () => {
    const config = configOrExit();
    const db = connect(config.database);
    try {
      const { applied } = await migrateToLatest(db);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
    } catch (error) {
      fail(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await db.close();
    }
  });
}
