// Micro-benchmark (issue 5): what keeping rollups current costs the response writer. The same batches
// (500 new visits with four answers each, as the form bench sends; then visits answering one question
// per write) are committed with and without rollup maintenance:
//   SQLite: the writer worker's transaction, run in this thread (begin immediate, synchronous=FULL):
//           the upsert alone vs. read stored answers + upsert + addRollupChange + rollup statements.
//   PostgreSQL: the pre-rollup single upsert statement vs. upsertResponses (insert, lock, merge, rollups).
// Usage: tsx bench/rollup-cost.ts [--rows 100000]
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { createEmptyPostgresDatabase } from "../test/db.js";
import { connect, type Database } from "../src/db/connect.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { answerColumns, prepareResponseRows, sqliteStoredAnswersStatement, sqliteUpsertStatement, upsertResponses, type ResponseWrite } from "../src/db/queries/responses.js";
import { addRollupChange, rollupCounterColumns, rollupLayout, sqliteRollupStatements, type RollupDeltas } from "../src/db/queries/rollups.js";
import { emotionCodes } from "../src/core/emotions.js";

const total = Number(process.argv[process.argv.indexOf("--rows") + 1]) || 100_000;
const batch = 500;
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
  for (let v = 0; v < total; v += batch) complete.push(Array.from({ length: batch }, (_, i) => write(v + i, int(25), "all", now)));
  const partial: ResponseWrite[][] = [];
  const visits = total / 4;
  for (const part of [0, 1, 2, 3] as const) {
    const touchpoints = Array.from({ length: visits }, (_, i) => i % 25);
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

/** Commits the batches into a migrated SQLite file the way the writer's worker does; milliseconds. */
function sqliteRun(file: string, withRollups: boolean, batches: ResponseWrite[][]): number {
  return (() => {
    const db = new SQLite(file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    const upsert = db.prepare(sqliteUpsertStatement());
    const readStored = db.prepare(sqliteStoredAnswersStatement());
    const rollup = sqliteRollupStatements();
    const upsertRollup = db.prepare(rollup.upsert);
    const upsertCx = db.prepare(rollup.upsertCx);
    const deleteEmptyCx = db.prepare(rollup.deleteEmptyCx);
    const plain = db.transaction((rows: Record<string, unknown>[]) => rows.map((row) => (upsert.get(row) as { id: string }).id));
    const maintained = db.transaction((rows: Record<string, unknown>[]) => {
      const deltas: RollupDeltas = new Map();
      const ids = rows.map((row) => {
        const before = readStored.get(row) as never;
        const after = upsert.get(row) as never as { id: string };
        addRollupChange(deltas, before, after as never, rollupLayout);
        return after.id;
      });
      for (const key of [...deltas.keys()].sort()) {
        const d = deltas.get(key)!;
        const keyParams = { organisation_id: d.organisation_id, touchpoint_id: d.touchpoint_id, day: d.day, source: d.source, language: d.language };
        const params: Record<string, unknown> = { ...keyParams };
        rollupCounterColumns.forEach((c, i) => (params[c] = d.counts[i]));
        upsertRollup.run(params);
        for (const [cx, count] of Object.entries(d.cx)) {
          if (count === 0) continue;
          upsertCx.run({ ...keyParams, cx: Number(cx), count });
          if (count < 0) deleteEmptyCx.run({ ...keyParams, cx: Number(cx) });
        }
      }
      return ids;
    });
    const started = process.hrtime.bigint();
    for (const writes of batches) {
      const rows = prepareResponseRows(writes, benchNow);
      (withRollups ? maintained : plain).immediate(rows as never);
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    db.close();
    return ms;
  })();
}

/** The single upsert statement responses were written with before rollups (commit d5a16e4). */
async function plainPostgresUpsert(database: Database, writes: ResponseWrite[], now: number): Promise<void> {
  const rows = prepareResponseRows(writes, now);
  const merged = (a: string, b?: string) =>
    b ? sql`coalesce(excluded.${sql.ref(a)}, responses.${sql.ref(a)}, excluded.${sql.ref(b)}, responses.${sql.ref(b)})` : sql`coalesce(excluded.${sql.ref(a)}, responses.${sql.ref(a)})`;
  const complete = sql`(${merged("emotion")} is not null and ${merged("csat", "brand_love")} is not null and ${merged("ces", "usefulness")} is not null and ${merged("nps")} is not null)`;
  await database.kysely
    .insertInto("responses")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["organisation_id", "dedupe_key"]).doUpdateSet({
        ...Object.fromEntries([...answerColumns, "emotion_at", "csat_at", "ces_at", "nps_at", "comment_at"].map((c) => [c, merged(c)])),
        completed_at: sql`coalesce(responses.completed_at, case when ${complete} then excluded.updated_at end)`,
        completion_ms: sql`coalesce(responses.completion_ms, case when ${complete} then excluded.updated_at - responses.started_at end)`,
        updated_at: sql`excluded.updated_at`,
      }),
    )
    .returning("id")
    .execute();
}

async function postgresRun(withRollups: boolean, batches: ResponseWrite[][]): Promise<number> {
  const target = await createEmptyPostgresDatabase();
  const database = connect({ dialect: "postgres", url: target.url });
  try {
    await setUp(database);
    const started = process.hrtime.bigint();
    for (const writes of batches) {
      if (withRollups) await upsertResponses(database.kysely, writes, benchNow);
      else await plainPostgresUpsert(database, writes, benchNow);
    }
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    await database.close();
    await target.drop();
  }
}

async function main(): Promise<void> {
  const runs: Array<{ db: string; load: string; without: number; with: number; writes: number }> = [];
  for (const { label, batches } of workload()) {
    const writes = batches.reduce((n, b) => n + b.length, 0);
    const sqliteTimes = { without: [] as number[], with: [] as number[] };
    for (let round = 0; round < 3; round++) {
      for (const withRollups of [false, true]) {
        const dir = mkdtempSync(join(tmpdir(), "momentos-rollup-schema-"));
        const database = connect({ dialect: "sqlite", file: join(dir, "bench.db") });
        await setUp(database);
        await database.close();
        const ms = sqliteRun(join(dir, "bench.db"), withRollups, batches);
        (withRollups ? sqliteTimes.with : sqliteTimes.without).push(ms);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    runs.push({ db: "sqlite", load: label, without: median(sqliteTimes.without), with: median(sqliteTimes.with), writes });
    const pgTimes = { without: [] as number[], with: [] as number[] };
    for (let round = 0; round < 3; round++) {
      for (const withRollups of [false, true]) (withRollups ? pgTimes.with : pgTimes.without).push(await postgresRun(withRollups, batches));
    }
    runs.push({ db: "postgres", load: label, without: median(pgTimes.without), with: median(pgTimes.with), writes });
  }
  console.log(`| database | load | writes | without rollups | with rollups | writes/s without → with | cost |`);
  console.log(`|---|---|---:|---:|---:|---:|---:|`);
  for (const r of runs) {
    const rate = (ms: number) => Math.round((r.writes / ms) * 1000).toLocaleString("en");
    console.log(`| ${r.db} | ${r.load} | ${r.writes.toLocaleString("en")} | ${r.without.toFixed(0)} ms | ${r.with.toFixed(0)} ms | ${rate(r.without)} → ${rate(r.with)} | +${((r.with / r.without - 1) * 100).toFixed(1)} % time |`);
  }
}

await main();
