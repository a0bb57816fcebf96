// Ingestion benchmark (issue 4): responses stored per second and p99 latency over HTTP at 50
// concurrent connections, on SQLite and on PostgreSQL, next to a do-nothing Fastify route measured in
// the same run; afterwards the stored rows must equal the 2xx answers. Load comes from wrk (C, one
// thread) so that the load generator takes as little of the 2 cores as possible.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import Database from "better-sqlite3";
import { createEmptyPostgresDatabase } from "../test/db.js";
import { freePort } from "../test/process.js";

const root = join(import.meta.dirname, "..");
const json = { "content-type": "application/json" };

export interface IngestResult {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** 2xx answers of the durability run, to compare with storedRows. */
  checkOk: number | null;
  storedRows: number | null;
  maxRssMb: number | null;
  /**
   * Server CPU time per 2xx answer during the measured run: the whole process, and its main thread
   * (HTTP, validation, the pipeline). Less noisy than the rate on a busy machine.
   */
  cpuUsPerResponse: number | null;
  mainThreadCpuUsPerResponse: number | null;
}

export function ensureWrk(): string {
  const found = spawnSync("sh", ["-c", "command -v wrk"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  console.log("wrk is not installed: installing Debian's wrk (apt-get install -y wrk)…");
  const install = spawnSync("sh", ["-c", "apt-get install -y -qq wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk)"], { stdio: "inherit" });
  if (install.status !== 0) throw new Error("wrk is needed for the ingestion benchmark: apt-get install -y wrk");
  return "wrk";
}

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer:\n${output()}`);
}

function startProcess(args: string[], env: Record<string, string>) {
  let output = "";
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? "", ...env }, stdio: "pipe" });
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  return { child, output: () => output };
}

/** CPU seconds (user + system) of a process, or of one of its threads, from /proc (clock ticks of 10 ms). */
function cpuSeconds(pid: number, tid?: number): number {
  try {
    const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The Lua script: every request is a new visit answering the four closed questions, from a random address. */
export function wrkScript(path: string, codes: string[] | null, stopAtEpochSeconds = 0): string {
  const file = join(mkdtempSync(join(tmpdir(), "momentos-wrk-")), "post.lua");
  writeFileSync(
    file,
    `
local codes = {${(codes ?? []).map((c) => `"${c}"`).join(",")}}
local emotions = {"joy","calm","pleasant_surprise","excitement","affection","indifference","frustration","anger","disappointment","worry","distrust"}
counter = 0
ok = 0
tid = 0
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  tid = wrk.thread:get("tid")
  math.randomseed(tid * 7919 + ${Date.now() % 1_000_000})
end
local stopAt = ${stopAtEpochSeconds}
function request()
  -- After stopAt no new response is sent, only health checks: the responses in flight finish before
  -- wrk stops, so every stored response has been counted as a 2xx (or as a failure) here.
  if stopAt > 0 and os.time() >= stopAt then return wrk.format("GET", "/healthz") end
  counter = counter + 1
  local visit = string.format("b${Date.now().toString(36)}%02d%012d%08x", tid, counter, math.random(0, 0x7fffffff))
  local body = string.format('{"visitToken":"%s","timeOnPageMs":%d,"answers":{"emotion":{"code":"%s","intensity":%d},"csat":%d,"ces":%d,"nps":%d}}',
    visit, math.random(3000, 60000), emotions[math.random(1, #emotions)], math.random(1, 3), math.random(1, 5), math.random(1, 7), math.random(0, 10))
  local path = "${path}"
  if #codes > 0 then path = "/f/" .. codes[(counter % #codes) + 1] .. "/answers" end
  local headers = { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0,255), math.random(0,255), math.random(1,254)) }
  return wrk.format("POST", path, headers, body)
end
function response(status, headers, body)
  if status >= 200 and status < 300 and (stopAt == 0 or string.find(body, "responseId", 1, true)) then ok = ok + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("ok") end
  io.write(string.format("OK2XX %d\\n", total))
  io.write(string.format("P50US %d\\nP99US %d\\n", latency:percentile(50), latency:percentile(99)))
end
`,
  );
  return file;
}

export async function runWrk(wrk: string, url: string, script: string, seconds: number): Promise<{ rps: number; ok: number; non2xx: number; errors: number; p50: number; p99: number }> {
  // Asynchronous, so that the memory sampler keeps running while wrk loads the server.
  const out = await new Promise<string>((resolveRun, reject) => {
    const child = spawn(wrk, ["-t1", "-c50", `-d${seconds}s`, "--timeout", "10s", "-s", script, url], { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.on("error", reject);
    child.on("close", () => resolveRun(text));
  });
  const number = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    ok: number(/OK2XX (\d+)/),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
    errors: errors ? errors.slice(1).map(Number).reduce((a, b) => a + b, 0) : 0,
    p50: number(/P50US (\d+)/) / 1000,
    p99: number(/P99US (\d+)/) / 1000,
  };
}

export async function setUpBrand(base: string): Promise<string[]> {
  const setup = await fetch(`${base}/api/setup`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ name: "Bench", email: "bench@example.com", password: "bench password 123", organisationName: "Bench" }),
  });
  const session = (await setup.json()) as { csrfToken: string; organisations: Array<{ id: string }> };
  const cookie = setup.headers.get("set-cookie")!.split(";")[0]!;
  const headers = { ...json, cookie, "x-csrf-token": session.csrfToken };
  const orgId = session.organisations[0]!.id;
  const codes: string[] = [];
  for (const template of ["ecommerce_purchase", "restaurant_visit", "hotel_stay", "telco_support"]) {
    const journey = await fetch(`${base}/api/v1/orgs/${orgId}/journeys?template=${template}&language=es`, { method: "POST", headers, body: "{}" });
    const board = (await journey.json()) as { stages: Array<{ touchpoints: Array<{ id: string }> }> };
    for (const stage of board.stages) {
      for (const touchpoint of stage.touchpoints) {
        const form = await fetch(`${base}/api/v1/orgs/${orgId}/touchpoints/${touchpoint.id}/form`, { headers });
        const body = (await form.json()) as { code?: string; link?: string };
        const url = body.link ?? "";
        const code = body.code ?? url.split("/f/")[1]?.split(/[?#]/)[0];
        if (code) codes.push(code);
      }
    }
  }
  if (codes.length === 0) throw new Error("no form codes: GET …/form did not give a public link");
  return codes;
}

async function countRows(database: { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string }): Promise<number> {
  if (database.dialect === "sqlite") {
    const db = new Database(database.file, { readonly: true });
    const row = db.prepare("select count(*) as n from responses").get() as { n: number };
    db.close();
    return row.n;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const result = await client.query("select count(*)::int as n from responses");
  await client.end();
  return result.rows[0].n;
}

/** Measures the ingestion of complete responses through the public form's answer endpoint. */
export async function benchIngestion(seconds: number): Promise<IngestResult[]> {
  const wrk = ensureWrk();
  const results: IngestResult[] = [];

  // Baseline: a do-nothing Fastify route that parses the same JSON body.
  const baselineFile = join(mkdtempSync(join(tmpdir(), "momentos-bench-")), "baseline.mjs");
  writeFileSync(
    baselineFile,
    `import Fastify from ${JSON.stringify(join(root, "node_modules", "fastify", "fastify.js"))};
const app = Fastify(); app.get("/healthz", async () => ({ status: "ok" })); app.post("/answers", async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });`,
  );
  {
    const port = await freePort();
    const baseline = startProcess([baselineFile], { PORT: String(port) });
    try {
      await waitFor(`http://127.0.0.1:${port}/healthz`, baseline.child, baseline.output);
      const script = wrkScript("/answers", null);
      await runWrk(wrk, `http://127.0.0.1:${port}`, script, 3);
      const run = await runWrk(wrk, `http://127.0.0.1:${port}`, script, seconds);
      results.push({ label: "do-nothing Fastify route (baseline)", requestsPerSecond: run.rps, p50Ms: run.p50, p99Ms: run.p99, ok: run.ok, non2xx: run.non2xx, errors: run.errors, checkOk: null, storedRows: null, maxRssMb: null, cpuUsPerResponse: null, mainThreadCpuUsPerResponse: null });
    } finally {
      baseline.child.kill("SIGTERM");
    }
  }

  const dialects = (process.env.BENCH_DB ?? "sqlite,postgres").split(",") as Array<"sqlite" | "postgres">;
  for (const dialect of dialects) {
    const dataDir = mkdtempSync(join(tmpdir(), "momentos-bench-data-"));
    const postgres = dialect === "postgres" ? await createEmptyPostgresDatabase() : null;
    const database: { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string } = postgres
      ? { dialect: "postgres", url: postgres.url }
      : { dialect: "sqlite", file: join(dataDir, "momentos.db") };
    const port = await freePort();
    // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server (and its
    // SQLite writer thread): Node refuses --cpu-prof in NODE_OPTIONS, so these go on the command line.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const server = startProcess([...nodeArgs, join(root, "bin", "momentos.js"), "serve"], {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      TRUST_PROXY: "true",
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(`${base}/healthz`, server.child, server.output);
      const codes = await setUpBrand(base);
      await runWrk(wrk, base, wrkScript("", codes), 3); // warm-up: JIT, form cache, connections
      // Throughput and latency: every request of the run is a new visit that creates a response.
      let maxRss = 0;
      const pid = server.child.pid!;
      const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(pid))), 250);
      const cpuBefore = { all: cpuSeconds(pid), main: cpuSeconds(pid, pid) };
      const run = await runWrk(wrk, base, wrkScript("", codes), seconds);
      const cpu = { all: cpuSeconds(pid) - cpuBefore.all, main: cpuSeconds(pid, pid) - cpuBefore.main };
      clearInterval(sampler);
      // Durability: a second, shorter run whose responses stop a second or two before wrk does, so
      // that none is in flight when it stops; then the stored rows must equal the 2xx answers.
      await new Promise((r) => setTimeout(r, 500));
      const before = await countRows(database);
      const stopAt = Math.floor(Date.now() / 1000) + 5;
      const check = await runWrk(wrk, base, wrkScript("", codes, stopAt), 7);
      await new Promise((r) => setTimeout(r, 500));
      const storedRows = (await countRows(database)) - before;
      results.push({
        label: `Momentos on ${dialect === "sqlite" ? "SQLite" : "PostgreSQL"} (${codes.length} touchpoints)`,
        requestsPerSecond: run.rps,
        p50Ms: run.p50,
        p99Ms: run.p99,
        ok: run.ok,
        non2xx: run.non2xx,
        errors: run.errors,
        checkOk: check.ok,
        storedRows,
        maxRssMb: maxRss,
        cpuUsPerResponse: run.ok > 0 ? (cpu.all * 1e6) / run.ok : null,
        mainThreadCpuUsPerResponse: run.ok > 0 ? (cpu.main * 1e6) / run.ok : null,
      });
    } finally {
      server.child.kill("SIGTERM");
      await new Promise((r) => server.child.once("exit", r));
      await postgres?.drop();
    }
  }
  return results;
}
