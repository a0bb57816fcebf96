// `npm run bench`: measures Momentos against its targets on this machine and prints a table.
// Foundation: resident memory of an idle server (target < 150 MB), next to a bare Fastify process
// measured in the same run as the baseline.
import { spawn } from "node:child_process";
import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { freePort } from "../test/process.js";
import { benchBootstrap } from "./bootstrap.js";
import { benchIngestion } from "./ingest.js";
import { benchRollupCost } from "./rollup-cost.js";
import { benchViews, reportViews } from "./views.js";

const root = join(import.meta.dirname, "..");

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

async function measureProcess(args: string[], env: Record<string, string>, warm: (base: string) => Promise<void>): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? "", ...env, PORT: String(port), LOG_LEVEL: "warn" }, stdio: "ignore" });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`);
    await warm(base);
    await new Promise((r) => setTimeout(r, 3000)); // idle
    return rssKb(child.pid!) / 1024;
  } finally {
    child.kill("SIGTERM");
  }
}

async function warmMomentos(base: string): Promise<void> {
  const json = { "content-type": "application/json" };
  const setup = await fetch(`${base}/api/setup`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ name: "Bench", email: "bench@example.com", password: "bench password 123", organisationName: "Bench" }),
  });
  const cookie = setup.headers.get("set-cookie")?.split(";")[0] ?? "";
  for (let i = 0; i < 50; i++) {
    await fetch(`${base}/api/session`, { headers: { cookie } });
    await fetch(`${base}/api/v1/orgs`, { headers: { cookie } });
    await fetch(`${base}/app/`);
  }
  await fetch(`${base}/api/openapi.json`);
  await fetch(`${base}/api/session`, { method: "POST", headers: json, body: JSON.stringify({ email: "bench@example.com", password: "bench password 123" }) });
}

const baselineFile = join(mkdtempSync(join(tmpdir(), "momentos-bench-")), "baseline.mjs");
writeFileSync(
  baselineFile,
  `import Fastify from ${JSON.stringify(join(root, "node_modules", "fastify", "fastify.js"))};
const app = Fastify(); app.get("/healthz", async () => ({ status: "ok" }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));`,
);

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);

// Bootstrap (issue 5): CPU per CX index interval, before and after the fast bootstrap. BENCH_ONLY=bootstrap runs only this.
function bootstrapCost(): void {
  console.log("\nCX index bootstrap: CPU per interval (1,000 resamples), demo-like histograms (bench/bootstrap.ts)");
  benchBootstrap();
}
if (process.env.BENCH_ONLY === "bootstrap") {
  bootstrapCost();
  process.exit();
}
// Views (issue 5): the score views at 1M and 5M responses, and the demo's creation time. BENCH_ONLY=views runs only these.
async function views(): Promise<void> {
  console.log("\nViews: the score API with the demo brand at scale (BENCH_VIEW_SIZES, BENCH_VIEW_DATABASES)");
  if (!reportViews(await benchViews())) process.exitCode = 1;
}
if (process.env.BENCH_ONLY === "views") {
  await views();
  process.exit();
}
// Rollups (issue 5): what keeping them current costs each writer (target ≤ 20 % of its throughput). BENCH_ONLY=rollups runs only this.
async function rollupCost(): Promise<void> {
  console.log("\nRollup maintenance: the writers with and without it (bench/rollup-cost.ts; BENCH_ROLLUP_ROWS)");
  const ok = await benchRollupCost({ rows: Number(process.env.BENCH_ROLLUP_ROWS ?? 20_000), batchSizes: [25, 500], touchpoints: 46, databases: ["sqlite", "postgres"] });
  if (!ok) process.exitCode = 1;
}
if (process.env.BENCH_ONLY === "rollups") {
  await rollupCost();
  process.exit();
}
const baseline = await measureProcess([baselineFile], {}, async (base) => {
  for (let i = 0; i < 150; i++) await fetch(`${base}/healthz`);
});
const momentos = await measureProcess([join(root, "bin", "momentos.js"), "serve"], { DATA_DIR: mkdtempSync(join(tmpdir(), "momentos-bench-data-")) }, warmMomentos);

const rows = [
  ["idle RSS, bare Fastify (baseline)", `${baseline.toFixed(0)} MB`, ""],
  ["idle RSS, Momentos on SQLite after setup and use", `${momentos.toFixed(0)} MB`, momentos < 150 ? "< 150 MB ✓" : "< 150 MB ✗"],
];
for (const [name, value, target] of rows) console.log(`${name!.padEnd(52)} ${value!.padStart(8)}  ${target}`);
if (momentos >= 150) process.exitCode = 1;

// Ingestion (issue 4): targets on this 2-core machine. BENCH_ONLY=memory stops here; BENCH_ONLY=ingest stops after it.
if (process.env.BENCH_ONLY === "memory") process.exit();
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
console.log(`\nIngestion: POST /f/:code/answers, complete responses, wrk -t1 -c50 -d${seconds}s`);
const ingest = await benchIngestion(seconds);
const baselineRate = ingest[0]!.requestsPerSecond;
console.log(`${"run".padEnd(44)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"2xx".padStart(8)} ${"non-2xx".padStart(8)} ${"check 2xx".padStart(10)} ${"stored".padStart(8)} ${"RSS MB".padStart(7)}  ${"× baseline".padStart(10)}`);
for (const r of ingest) {
  console.log(
    `${r.label.padEnd(44)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${r.p50Ms.toFixed(1).padStart(7)} ${r.p99Ms.toFixed(1).padStart(7)} ${String(r.ok).padStart(8)} ${String(r.non2xx + r.errors).padStart(8)} ${String(r.checkOk ?? "").padStart(10)} ${String(r.storedRows ?? "").padStart(8)} ${(r.maxRssMb ? r.maxRssMb.toFixed(0) : "").padStart(7)}  ${(r.requestsPerSecond / baselineRate).toFixed(2).padStart(10)}`,
  );
}
for (const r of ingest.slice(1)) {
  console.log(`${r.label}: server CPU ${r.cpuUsPerResponse?.toFixed(0)} µs per response, of which main thread ${r.mainThreadCpuUsPerResponse?.toFixed(0)} µs`);
}
for (const r of ingest.slice(1)) {
  const checks = [
    [r.requestsPerSecond >= 10_000, "≥ 10,000 responses/s"],
    [r.p99Ms <= 20, "p99 ≤ 20 ms"],
    [r.requestsPerSecond / baselineRate >= 0.25, "≥ 0.25 × baseline"],
    [(r.maxRssMb ?? 0) < 300, "RSS < 300 MB"],
    [r.storedRows === r.checkOk, "stored rows = 2xx answers"],
  ] as const;
  console.log(`${r.label}: ${checks.map(([ok, name]) => `${ok ? "✓" : "✗"} ${name}`).join("  ")}`);
  if (checks.some(([ok]) => !ok)) process.exitCode = 1;
}

if (process.env.BENCH_ONLY === undefined) await rollupCost();
if (process.env.BENCH_ONLY === undefined) await views();
if (process.env.BENCH_ONLY === undefined) bootstrapCost();
