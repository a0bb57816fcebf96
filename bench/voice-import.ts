// `npx tsx bench/voice-import.ts [N]`: imports N (default 10,000) Spanish reviews from a CSV file, the
// analysis included (language, sentiment, inferred emotions, topics, key phrases, child rows), on
// SQLite and on PostgreSQL (when reachable at TEST_POSTGRES_URL or 127.0.0.1:5432), and prints the
// time. Review texts come from ../shared/data/es_reviews_train.jsonl (read at run time, never shipped);
// without it, generated sentences.
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { stringify } from "csv-stringify/sync";
import { connect, type Database } from "../src/db/connect.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { ModelRegistry } from "../src/server/jobs/model-registry.js";
import { createImport, runImport } from "../src/server/jobs/voice-import.js";

const count = Number(process.argv[2] ?? 10_000);
const dataFile = join(import.meta.dirname, "..", "..", "shared", "data", "es_reviews_train.jsonl");

function texts(): string[] {
  if (existsSync(dataFile)) {
    return readFileSync(dataFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .slice(0, count)
      .map((line) => (JSON.parse(line) as { text: string }).text);
  }
  const parts = ["El pedido llegó tarde", "El personal fue muy amable", "Precio caro", "La web no funciona", "Todo perfecto"];
  return Array.from({ length: count }, (_, i) => `${parts[i % 5]} (${i})`);
}

async function run(db: Database, file: string, label: string): Promise<void> {
  await migrateToLatest(db);
  await db.kysely.insertInto("organisations").values({ id: "org_bench", name: "Bench", created_at: 0, updated_at: 0 }).execute();
  const row = await createImport(db.kysely, { organisationId: "org_bench", kind: "voice", format: "csv", fileName: "reviews.csv" }, Date.now());
  const started = performance.now();
  const final = await runImport({ database: db, registry: new ModelRegistry(db.kysely), clock: Date.now, secret: "bench-secret-bench-secret-bench-secret" }, row, createReadStream(file));
  const seconds = (performance.now() - started) / 1000;
  const analysed = await db.kysely.selectFrom("text_analyses").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  console.log(
    `${label.padEnd(10)} ${final.accepted} accepted, ${Number(analysed.n)} analysed in ${seconds.toFixed(1)} s (${Math.round(final.accepted / seconds)} reviews/s) — ${final.status}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), "momentos-voice-bench-"));
const file = join(dir, "reviews.csv");
const rows = texts().map((text, i) => ({ source: "review", text, date: new Date(Date.UTC(2026, 0, 1) + (i % 90) * 86_400_000).toISOString().slice(0, 10), rating: 1 + (i % 5) }));
writeFileSync(file, stringify(rows, { header: true, columns: ["source", "text", "date", "rating"] }));
console.log(`${rows.length} reviews, ${(readFileSync(file).length / 1024 / 1024).toFixed(1)} MB of CSV`);

const sqlite = connect({ dialect: "sqlite", file: join(dir, "bench.db") });
try {
  await run(sqlite, file, "SQLite");
} finally {
  await sqlite.close();
}

const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `momentos_voice_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
try {
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const postgres = connect({ dialect: "postgres", url: url.toString() });
  try {
    await run(postgres, file, "PostgreSQL");
  } finally {
    await postgres.close();
    await admin.query(`drop database if exists ${name} with (force)`);
  }
} catch (error) {
  console.log(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await admin.end().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
