// Loads the configuration for a command, printing every problem and exiting when it is invalid.
import { ConfigError, loadConfig, type Config } from "../server/config.js";
import { connect, type Database } from "../db/connect.js";
import { migrateToLatest } from "../db/migrate.js";

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** Opens the configured database, brings it up to date, runs `work`, and closes it. */
export async function withDatabase<T>(work: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = configOrExit();
  const db = connect(config.database);
  try {
    await migrateToLatest(db);
    return await work(db, config);
  } finally {
    await db.close();
  }
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** A password for automation: MOMENTOS_PASSWORD, or standard input when it is not a terminal. Never an argument. */
export async function readPassword(): Promise<string> {
  if (process.env.MOMENTOS_PASSWORD !== undefined) return process.env.MOMENTOS_PASSWORD;
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}
