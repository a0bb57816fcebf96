// Micro-benchmark (issue 5): what keeping rollups current costs the response writer. The same batches
// (new visits with four answers each, as the form bench sends; then visits answering one question per
// write) are committed with and without rollup maintenance, through the writers' own code:
//   SQLite: createSqliteBatchWriter (the worker thread's transactions), run in this thread: begin
//           immediate, synchronous=FULL, with maintainRollups true or false.
//   PostgreSQL: upsertResponses with maintainRollups true or false.
// With rollups, each batch appends its deltas to the rollup journal and the journal is folded into the
// rollup tables every rollupFoldIntervalMs, as the server does, and once at the end: the folds' time
// is part of the measured time.
// Batch sizes: 25 is what the HTTP bench's 50 connections make (two batches in flight), 500 a full
// group-commit batch (a burst, or the API's batches).
// Usage: tsx bench/rollup-cost.ts [--rows 50000] [--batch 25,500] [--touchpoints 46] [--db sqlite,postgres];
// `npm run bench` runs it too (BENCH_ONLY=rollups alone; BENCH_ROLLUP_ROWS, default 20,000).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { createEmptyPostgresDatabase } from "../test/db.js";
import { connect, type Database } from "../src/db/connect.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { prepareResponseBatch, upsertResponses, type ResponseWrite } from "../src/db/queries/responses.js";
import { foldRollupJournal, rollupFoldIntervalMs } from "../src/db/queries/rollup-journal.js";
import { createSqliteBatchWriter, sqliteBatchSpec, sqliteRollupHelpers } from "../src/db/response-writer.js";
import { emotionCodes } from "../src/core/emotions.js";

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
let total = 50_000;
let touchpointCount = 46;
let batch = 500;
const benchNow = Date.UTC(2026, 0, 15, 12);
let seed = 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const int = (n: number) => Math.floor(random() * n);

function write(visit: number, touchpoint: number, part: "all" | 0 | 1 | 2 | 3, now: number): ResponseWrite {
  const answers = {
    emotion: part === "all" || part === 0 ? emotionCodes[int(11)]! : null,
    intensity: part === "all" || part === 0 ? 1 + int(3) : null,
    csat: part === "all" || part === 1 ? 1 + int(5) : null,
    ces: part === "all" || part === 2 ? 1 + int(7) : null,
    nps: part === "all" || part === 3 ? int(11) : null,
  };
  return {
    organisation_id: "org_bench", journey_id: "j", stage_id: "s", touchpoint_id: `tp_${touchpoint}`, form_version: 1, dedupe_key: `v:tp_${touchpoint}:${visit}`,
    variant: "universal", source: "link", placement: null, language: "es", device_class: "phone", emotion_2: null, brand_love: null, usefulness: null,
    comment: null, customer_ref: null, order_ref: null, channel: null, store: null, hidden_fields: null, started_at: now - 30_000,
    emotion_at: answers.emotion ? now : null, csat_at: answers.csat ? now : null, ces_at: answers.ces ? now : null, nps_at: answers.nps !== null ? now : null, comment_at: null,
    ...answers,
  };
}

/** Batches of new complete visits (the form bench), then batches of visits answering one question per write. */
function workload(): { label: string; batches: ResponseWrite[][] }[] {
  const now = benchNow;
  const complete: ResponseWrite[][] = [];
  for (let v = 0; v < total; v += batch) complete.push(Array.from({ length: batch }, (_, i) => write(v + i, int(touchpointCount), "all", now)));
  const partial: ResponseWrite[][] = [];
  const visits = total / 4;
  for (const part of [0, 1, 2, 3] as const) {
    const touchpoints = Array.from({ length: visits }, (_, i) => i % touchpointCount);
    for (let v = 0; v < visits; v += batch) partial.push(Array.from({ length: Math.min(batch, visits - v) }, (_, i) => write(total + v + i, touchpoints[v + i]!, part, now)));
  }
  return [
    { label: "new complete visits", batches: complete },
    { label: "one answer per write", batches: partial },
  ];
}

async function setUp(database: Database): Promise<void> {
  await migrateToLatest(database);
  await database.kysely.insertInto("organisations").values({ id: "org_bench", name: "Bench", created_at: 0, updated_at: 0 }).execute();
}

/** Commits the batches into a migrated SQLite file through the worker's transaction; milliseconds. */
function sqliteRun(file: string, withRollups: boolean, batches: ResponseWrite[][]): number {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  const writer = createSqliteBatchWriter(db, sqliteBatchSpec(withRollups), sqliteRollupHelpers);
  const started = process.hrtime.bigint();
  let folded = Date.now();
  for (const writes of batches) {
    const prepared = prepareResponseBatch(writes, benchNow);
    writer.write(prepared.values, prepared.rowCount);
    if (withRollups && Date.now() - folded >= rollupFoldIntervalMs) {
      writer.fold();
      folded = Date.now();
    }
  }
  if (withRollups) writer.fold();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  db.close();
  return ms;
}

async function postgresRun(withRollups: boolean, batches: ResponseWrite[][]): Promise<number> {
  const target = await createEmptyPostgresDatabase();
  const database = connect({ dialect: "postgres", url: target.url });
  try {
    await setUp(database);
    const started = process.hrtime.bigint();
    let folded = Date.now();
    for (const writes of batches) {
      await upsertResponses(database.kysely, writes, benchNow, { maintainRollups: withRollups });
      if (withRollups && Date.now() - folded >= rollupFoldIntervalMs) {
        await foldRollupJournal(database);
        folded = Date.now();
      }
    }
    if (withRollups) await foldRollupJournal(database);
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    await database.close();
    await target.drop();
  }
}

export interface RollupCostOptions {
  rows: number;
  batchSizes: number[];
  touchpoints: number;
  databases: string[];
}

/** Measures and prints the table; true when every run meets the 20 % target. */
export async function benchRollupCost(options: RollupCostOptions): Promise<boolean> {
  total = options.rows;
  touchpointCount = options.touchpoints;
  const { batchSizes, databases } = options;
  const runs: Array<{ db: string; load: string; batch: number; without: number; with: number; writes: number }> = [];
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const size of batchSizes) {
    batch = size;
    seed = 1;
    for (const { label, batches } of workload()) {
      const writes = batches.reduce((n, b) => n + b.length, 0);
      if (databases.includes("sqlite")) {
        const times = { without: [] as number[], with: [] as number[] };
        for (let round = 0; round < 3; round++) {
          for (const withRollups of [false, true]) {
            const dir = mkdtempSync(join(tmpdir(), "momentos-rollup-schema-"));
            const database = connect({ dialect: "sqlite", file: join(dir, "bench.db") });
            await setUp(database);
            await database.close();
            (withRollups ? times.with : times.without).push(sqliteRun(join(dir, "bench.db"), withRollups, batches));
          }
        }
        runs.push({ db: "sqlite", load: label, batch: size, without: median(times.without), with: median(times.with), writes });
      }
      if (databases.includes("postgres")) {
        const times = { without: [] as number[], with: [] as number[] };
        for (let round = 0; round < 3; round++) {
          for (const withRollups of [false, true]) (withRollups ? times.with : times.without).push(await postgresRun(withRollups, batches));
        }
        runs.push({ db: "postgres", load: label, batch: size, without: median(times.without), with: median(times.with), writes });
      }
    }
  }
  // The target (issue 5): rollups cost at most 20 % of ingestion throughput, i.e. rate with ≥ 0.8 × rate without.
  console.log(`| database | load | batch | writes | without rollups | with rollups | writes/s without → with | throughput lost |`);
  console.log(`|---|---|---:|---:|---:|---:|---:|---:|`);
  for (const r of runs) {
    const rate = (ms: number) => Math.round((r.writes / ms) * 1000).toLocaleString("en");
    const lost = (1 - r.without / r.with) * 100;
    console.log(`| ${r.db} | ${r.load} | ${r.batch} | ${r.writes.toLocaleString("en")} | ${r.without.toFixed(0)} ms | ${r.with.toFixed(0)} ms | ${rate(r.without)} → ${rate(r.with)} | ${lost.toFixed(1)} % ${lost <= 20 ? "✓" : "✗"} |`);
  }
  return runs.every((r) => 1 - r.without / r.with <= 0.2);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ok = await benchRollupCost({
    rows: Number(argument("--rows")) || 50_000,
    batchSizes: (argument("--batch") ?? "25,500").split(",").map(Number),
    touchpoints: Number(argument("--touchpoints")) || 46,
    databases: (argument("--db") ?? "sqlite,postgres").split(","),
  });
  if (!ok) process.exitCode = 1;
}
