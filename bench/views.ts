// View benchmarks (issue 5): the API time of the overview, the journey view and the touchpoint detail
// with 1,000,000 and 5,000,000 demo responses, on SQLite and PostgreSQL, cold (first request of each view
// in a fresh server process) and warm (median of 5 after warming), plus the time to create the demo.
// The large databases are generated once by the demo generator and reused while their row count matches:
// SQLite files in BENCH_CACHE_DIR (default ~/.cache/momentos-bench), PostgreSQL databases momentos_bench_<n>.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { connect, type Database, type DialectName } from "../src/db/connect.js";
import { createDemoOrganisation, findDemoOrganisation } from "../src/db/demo.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { insertApiKey } from "../src/db/queries/api-keys.js";
import { demoBrandName, demoOwnerEmail } from "../src/core/demo/index.js";
import { startServerProcess } from "../test/process.js";

const adminUrl = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const cacheDir = process.env.BENCH_CACHE_DIR ?? join(homedir(), ".cache", "momentos-bench");
const repetitions = 5;
const seed = 2026;
const msPerDay = 86_400_000;

export interface ViewTiming {
  dialect: DialectName;
  responses: number;
  view: string;
  coldMs: number;
  warmMs: number;
}

export interface DemoTiming {
  dialect: DialectName;
  responses: number;
  seconds: number;
}

export interface ViewsResult {
  demo: DemoTiming[];
  generation: Array<{ dialect: DialectName; responses: number; seconds: number | null }>;
  views: ViewTiming[];
}

/** The server as users run it (`npm start`): the built one, so that a cold request measures the server, not TypeScript's transpiler. Run `npm run build` first. */
const builtServer = [join(import.meta.dirname, "..", "bin", "momentos.js"), "serve"];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function postgresUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

interface Target {
  dialect: DialectName;
  env: Record<string, string>;
  open(): Database;
  /** Deletes the database and makes an empty one. */
  recreate(): Promise<void>;
}

function targetFor(dialect: DialectName, label: string): Target {
  if (dialect === "sqlite") {
    mkdirSync(cacheDir, { recursive: true });
    const file = join(cacheDir, `views-${label}.db`);
    return {
      dialect,
      env: { DATABASE_URL: `sqlite:${file}` },
      open: () => connect({ dialect: "sqlite", file }),
      recreate: async () => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
      },
    };
  }
  const name = `momentos_bench_${label}`;
  return {
    dialect,
    env: { DATABASE_URL: postgresUrl(name) },
    open: () => connect({ dialect: "postgres", url: postgresUrl(name) }, { poolMax: 4 }),
    recreate: () =>
      admin(async (client) => {
        await client.query(`drop database if exists ${name} with (force)`);
        await client.query(`create database ${name}`);
      }),
  };
}

async function databaseExists(target: Target, label: string): Promise<boolean> {
  if (target.dialect === "sqlite") return existsSync(join(cacheDir, `views-${label}.db`));
  return admin(async (client) => (await client.query("select 1 from pg_database where datname = $1", [`momentos_bench_${label}`])).rowCount === 1);
}

interface Prepared {
  organisationId: string;
  firstDay: number;
  lastDay: number;
  journeyId: string;
  touchpointId: string;
  apiKey: string;
  generatedSeconds: number | null;
}

/** The demo organisation with exactly `responses` responses in this database, generated when missing. */
async function prepare(target: Target, label: string, responses: number, log: (line: string) => void): Promise<Prepared> {
  let generatedSeconds: number | null = null;
  let db: Database | null = null;
  if (await databaseExists(target, label)) {
    db = target.open();
    await migrateToLatest(db);
    const organisationId = await findDemoOrganisation(db.kysely, demoBrandName);
    const count = organisationId
      ? Number((await db.kysely.selectFrom("responses").select((eb) => eb.fn.countAll<number>().as("n")).where("organisation_id", "=", organisationId).executeTakeFirstOrThrow()).n)
      : -1;
    if (count !== responses) {
      log(`  ${target.dialect} ${label}: cached database has ${count} demo responses, not ${responses}: generating again`);
      await db.close();
      db = null;
    } else {
      log(`  ${target.dialect} ${label}: reusing the cached database`);
    }
  }
  if (db === null) {
    await target.recreate();
    db = target.open();
    await migrateToLatest(db);
    log(`  ${target.dialect} ${label}: generating ${responses.toLocaleString("en")} demo responses…`);
    const outcome = await createDemoOrganisation(db, {
      organisationName: demoBrandName,
      responses,
      seed,
      now: Date.now(),
      owner: { kind: "create_or_reuse", email: demoOwnerEmail, name: "Bench", passwordHash: "!bench" },
      batchSize: 50_000,
    });
    if (outcome.status !== "created") throw new Error(`could not generate the bench database: ${outcome.status}`);
    generatedSeconds = outcome.seconds;
    log(`  ${target.dialect} ${label}: generated in ${outcome.seconds.toFixed(0)} s`);
    if (target.dialect === "postgres") await (await import("kysely")).sql`analyze`.execute(db.kysely);
  }
  try {
    const organisationId = (await findDemoOrganisation(db.kysely, demoBrandName))!;
    // Steady state: a running server has analysed every comment on arrival, so its background job is
    // idle. A fresh server over a million unanalysed generated comments would analyse them while we
    // measure. The score views never read comments, so the bench databases keep none.
    const cleared = await db.kysely.updateTable("responses").set({ comment: null, comment_at: null }).where("organisation_id", "=", organisationId).where("comment", "is not", null).executeTakeFirst();
    if (Number(cleared.numUpdatedRows) > 0) log(`  ${target.dialect} ${label}: cleared ${Number(cleared.numUpdatedRows).toLocaleString("en")} comments (see the note on steady state)`);
    const days = await db.kysely.selectFrom("rollups").select((eb) => [eb.fn.min<number>("day").as("first"), eb.fn.max<number>("day").as("last")]).where("organisation_id", "=", organisationId).executeTakeFirstOrThrow();
    const journey = await db.kysely.selectFrom("journeys").select("id").where("organisation_id", "=", organisationId).where("name", "=", "Compra online").executeTakeFirstOrThrow();
    const touchpoint = await db.kysely.selectFrom("touchpoints").select("id").where("organisation_id", "=", organisationId).where("name", "=", "Entrega a domicilio").executeTakeFirstOrThrow();
    const { key } = await insertApiKey(db.kysely, { organisationId, name: `bench ${new Date().toISOString()}`, scope: "read", createdBy: null }, Date.now());
    return { organisationId, firstDay: Number(days.first), lastDay: Number(days.last), journeyId: journey.id, touchpointId: touchpoint.id, apiKey: key, generatedSeconds };
  } finally {
    await db.close();
  }
}

function viewsOf(p: Prepared): Array<{ name: string; path: string }> {
  const day = (n: number) => new Date(n * msPerDay).toISOString().slice(0, 10);
  const month = `from=${day(p.lastDay - 29)}&to=${day(p.lastDay)}`;
  const year = `from=${day(p.lastDay - 364)}&to=${day(p.lastDay)}`;
  const base = `/api/v1/orgs/${p.organisationId}/scores`;
  return [
    { name: "overview, 30 days", path: `${base}/overview?${month}` },
    { name: "journey view, 30 days", path: `${base}/journeys/${p.journeyId}?${month}` },
    { name: "touchpoint detail, 30 days by day", path: `${base}/touchpoints/${p.touchpointId}?${month}&interval=day` },
    { name: "overview, 12 months", path: `${base}/overview?${year}` },
    { name: "journey view, 12 months", path: `${base}/journeys/${p.journeyId}?${year}` },
    { name: "touchpoint detail, 12 months by week", path: `${base}/touchpoints/${p.touchpointId}?${year}&interval=week` },
  ];
}

async function timedGet(url: string, apiKey: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return ms;
}

async function measure(target: Target, p: Prepared, responses: number): Promise<ViewTiming[]> {
  const env = { ...target.env, DATA_DIR: mkdtempSync(join(tmpdir(), "momentos-bench-views-")), LOG_LEVEL: "warn" };
  const out: ViewTiming[] = [];
  const views = viewsOf(p);
  const cold = new Map<string, number[]>();
  // Cold: a fresh server process per repetition; each view's first request in it (the views one after
  // another, their order rotated so that each is the very first request once). The OS file cache stays warm.
  for (let r = 0; r < repetitions; r++) {
    const server = await startServerProcess(env, builtServer);
    try {
      for (let i = 0; i < views.length; i++) {
        const view = views[(i + r) % views.length]!;
        cold.set(view.name, [...(cold.get(view.name) ?? []), await timedGet(server.url + view.path, p.apiKey)]);
      }
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }
  // Warm: one process, each view requested 5 times to warm up, then 5 timed requests.
  const server = await startServerProcess(env, builtServer);
  try {
    for (const view of views) {
      for (let i = 0; i < 5; i++) await timedGet(server.url + view.path, p.apiKey);
      const warm: number[] = [];
      for (let i = 0; i < repetitions; i++) warm.push(await timedGet(server.url + view.path, p.apiKey));
      out.push({ dialect: target.dialect, responses, view: view.name, coldMs: median(cold.get(view.name)!), warmMs: median(warm) });
    }
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  return out;
}

/** Times creating the 100,000-response demo in a fresh database (what `momentos demo` does). */
async function timeDemo(dialect: DialectName): Promise<DemoTiming> {
  let db: Database;
  let drop: () => Promise<void>;
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "momentos-bench-demo-"));
    db = connect({ dialect: "sqlite", file: join(dir, "demo.db") });
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = "momentos_bench_demo";
    await admin(async (client) => {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.query(`create database ${name}`);
    });
    db = connect({ dialect: "postgres", url: postgresUrl(name) });
    drop = () => admin(async (client) => void (await client.query(`drop database if exists ${name} with (force)`)));
  }
  try {
    await migrateToLatest(db);
    const outcome = await createDemoOrganisation(db, {
      organisationName: demoBrandName,
      responses: 100_000,
      seed,
      now: Date.now(),
      owner: { kind: "create_or_reuse", email: demoOwnerEmail, name: "Bench", passwordHash: "!bench" },
    });
    if (outcome.status !== "created") throw new Error("the demo was not created");
    return { dialect, responses: 100_000, seconds: outcome.seconds };
  } finally {
    await db.close();
    await drop();
  }
}

const parseSizes = (text: string) =>
  text.split(",").map((s) => {
    const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
    if (!m) throw new Error(`BENCH_VIEW_SIZES: cannot read “${s}” (e.g. 1m,5m)`);
    return { label: s.trim().toLowerCase(), n: Math.round(Number(m[1]) * (m[2]!.toLowerCase() === "m" ? 1e6 : m[2]!.toLowerCase() === "k" ? 1e3 : 1)) };
  });

/** Makes sure the cached database of this size exists (e.g. to generate it ahead of a run). */
export async function prepareViewDatabase(dialect: DialectName, size: string, log: (line: string) => void = console.log): Promise<void> {
  const [parsed] = parseSizes(size);
  await prepare(targetFor(dialect, parsed!.label), parsed!.label, parsed!.n, log);
}

/**
 * Runs the view benchmarks on every database in BENCH_VIEW_DATABASES (default sqlite,postgres) and size
 * in BENCH_VIEW_SIZES (default 1m,5m); BENCH_VIEW_DEMO=0 skips timing the demo's creation.
 */
export async function benchViews(log: (line: string) => void = console.log): Promise<ViewsResult> {
  const databases = (process.env.BENCH_VIEW_DATABASES ?? "sqlite,postgres").split(",").map((d) => d.trim()) as DialectName[];
  const sizes = parseSizes(process.env.BENCH_VIEW_SIZES ?? "1m,5m");
  const result: ViewsResult = { demo: [], generation: [], views: [] };
  for (const dialect of databases) {
    if (process.env.BENCH_VIEW_DEMO !== "0") {
      log(`  ${dialect}: creating the 100,000-response demo…`);
      const demo = await timeDemo(dialect);
      result.demo.push(demo);
      log(`  ${dialect}: demo created in ${demo.seconds.toFixed(1)} s`);
    }
    for (const size of sizes) {
      const target = targetFor(dialect, size.label);
      const prepared = await prepare(target, size.label, size.n, log);
      result.generation.push({ dialect, responses: size.n, seconds: prepared.generatedSeconds });
      const timings = await measure(target, prepared, size.n);
      for (const t of timings) log(`  ${dialect} ${size.label} ${t.view.padEnd(38)} cold ${t.coldMs.toFixed(1).padStart(7)} ms  warm ${t.warmMs.toFixed(1).padStart(7)} ms`);
      result.views.push(...timings);
    }
  }
  return result;
}

/** Prints the table and the verdict against the targets; returns false when a target is missed. */
export function reportViews(result: ViewsResult, log: (line: string) => void = console.log): boolean {
  let ok = true;
  log(`\nDemo creation (100,000 responses, target < 60 s):`);
  for (const d of result.demo) {
    const pass = d.seconds < 60;
    ok &&= pass;
    log(`  ${d.dialect.padEnd(9)} ${d.seconds.toFixed(1).padStart(6)} s  ${pass ? "✓" : "✗"}`);
  }
  log(`\nViews (median of ${repetitions}; cold = first request of each view in a fresh server process; target ≤ 50 ms at 5M and 5M ≤ 1.5 × 1M):`);
  log(`${"database".padEnd(9)} ${"responses".padStart(10)} ${"view".padEnd(38)} ${"cold ms".padStart(8)} ${"warm ms".padStart(8)}  verdict`);
  const largest = Math.max(...result.views.map((v) => v.responses));
  const smallest = Math.min(...result.views.map((v) => v.responses));
  for (const v of result.views) {
    const checks: string[] = [];
    if (v.responses === largest) {
      const base = result.views.find((b) => b.dialect === v.dialect && b.view === v.view && b.responses === smallest);
      const within = v.coldMs <= 50 && v.warmMs <= 50;
      checks.push(`${within ? "✓" : "✗"} ≤ 50 ms`);
      ok &&= within;
      if (base && base !== v) {
        const ratio = Math.max(v.coldMs / base.coldMs, v.warmMs / base.warmMs);
        checks.push(`${ratio <= 1.5 ? "✓" : "✗"} ${ratio.toFixed(2)} × ${smallest / 1e6}M`);
        ok &&= ratio <= 1.5;
      }
    }
    log(`${v.dialect.padEnd(9)} ${v.responses.toLocaleString("en").padStart(10)} ${v.view.padEnd(38)} ${v.coldMs.toFixed(1).padStart(8)} ${v.warmMs.toFixed(1).padStart(8)}  ${checks.join("  ")}`);
  }
  for (const g of result.generation) if (g.seconds !== null) log(`(generated ${g.responses.toLocaleString("en")} responses on ${g.dialect} in ${g.seconds.toFixed(0)} s; cached for the next run)`);
  return ok;
}
