// A 100 MB CSV uploaded over a real HTTP connection (by curl), on every database: streamed with backpressure,
// so the process's memory grows by far less than the file; progress is visible while it uploads.
// IMPORT_TEST_MB changes the size (default 100).
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useTestApp, type Client } from "../../../test/app.js";
import { describeEachDatabase } from "../../../test/db.js";
import { addApiKey, makeOrganisation, setupOwner } from "../../../test/factories.js";

const megabytes = Number(process.env.IMPORT_TEST_MB ?? 100);

/** Writes a CSV of about `mb` MB: 2,000 distinct reviews repeated (the repeats are duplicates), plus a bad row every 10,000. */
async function writeLargeCsv(file: string, mb: number): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(file);
  const header = "source,text,date,rating,author\n";
  out.write(header);
  let bytes = header.length;
  let rows = 0;
  const target = mb * 1024 * 1024;
  while (bytes < target) {
    let chunk = "";
    for (let i = 0; i < 1000; i++, rows++) {
      const n = rows % 2000;
      chunk +=
        rows % 10_000 === 9_999
          ? `review,"fila sin fecha ${rows}",,3,x\n`
          : `review,"Reseña ${n}: el pedido llegó ${n % 3 ? "a tiempo y el personal fue muy amable" : "tarde y la caja venía rota, una decepción"}",2026-01-${String(1 + (n % 28)).padStart(2, "0")},${1 + (n % 5)},autor${n}\n`;
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { rows, bytes };
}

describeEachDatabase("a 100 MB import", (dialect) => {
  const t = useTestApp(dialect);
  let dir: string;
  let file: string;
  let written: { rows: number; bytes: number };
  let base: string;
  let owner: Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "momentos-import-"));
    file = join(dir, "large.csv");
    written = await writeLargeCsv(file, megabytes);
    ({ owner } = await setupOwner(t, "Tienda Grande"));
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("streams the file with flat memory, reports progress while it uploads, and counts every row", async () => {
    const orgId = await makeOrganisation(t, owner, "Tienda Grande 2");
    const { key } = await addApiKey(t, owner, orgId, "write");
    const size = statSync(file).size;
    const headers = { authorization: `Bearer ${key}` };
    const created = await fetch(`${base}/api/v1/orgs/${orgId}/voice/imports`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ kind: "voice", format: "csv", fileName: "large.csv", bytesTotal: size }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let peakDetail = process.memoryUsage();
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      if (m.rss > peak) {
        peak = m.rss;
        peakDetail = m;
      }
    }, 20);
    const seen: number[] = [];
    const poller = setInterval(() => {
      void fetch(`${base}/api/v1/orgs/${orgId}/voice/imports/${id}`, { headers })
        .then((r) => r.json())
        .then((body: { progress: number | null }) => {
          if (body.progress !== null) seen.push(body.progress);
        });
    }, 250);
    const started = Date.now();
    // The file is sent by curl, in another process, so that this process's memory is the server's alone.
    const uploaded = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const curl = spawn("curl", ["-sS", "-X", "PUT", "-H", `authorization: Bearer ${key}`, "-H", "content-type: text/csv", "--upload-file", file, "-w", "\n%{http_code}", `${base}/api/v1/orgs/${orgId}/voice/imports/${id}/content`]);
      let out = "";
      curl.stdout.on("data", (chunk) => (out += chunk));
      curl.on("error", reject);
      curl.on("close", () => {
        const cut = out.lastIndexOf("\n");
        resolve({ status: Number(out.slice(cut + 1)), body: out.slice(0, cut) });
      });
    });
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    clearInterval(poller);
    const report = JSON.parse(uploaded.body) as Record<string, unknown>;
    const growthMb = (peak - before) / 1024 / 1024;
    console.log(JSON.stringify(Object.fromEntries(Object.entries(peakDetail).map(([k, v]) => [k, Math.round(v / 1048576)]))));
    console.log(
      `[${dialect}] ${(size / 1024 / 1024).toFixed(0)} MB, ${written.rows} rows in ${seconds.toFixed(1)} s (${(size / 1024 / 1024 / seconds).toFixed(1)} MB/s); RSS ${(before / 1024 / 1024).toFixed(0)} → peak ${(peak / 1024 / 1024).toFixed(0)} MB (+${growthMb.toFixed(0)} MB)`,
    );
    expect(uploaded.status, JSON.stringify(report)).toBe(200);
    const badRows = Math.floor(written.rows / 10_000);
    expect(report).toMatchObject({ status: "completed", rowsRead: written.rows, accepted: 2000, rejected: badRows, duplicates: written.rows - 2000 - badRows, bytesRead: size, progress: 1 });
    // Memory: the whole file never sits in memory.
    expect(growthMb).toBeLessThan(Math.max(50, megabytes * 0.5));
    // Progress was visible between the start and the end.
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
  }, 300_000);

  it("announces an upload cut off half way as failed, with the rows that arrived before it stored", async () => {
    const orgId = await makeOrganisation(t, owner, "Tienda Cortada");
    const { key } = await addApiKey(t, owner, orgId, "write");
    const headers = { authorization: `Bearer ${key}` };
    const created = await fetch(`${base}/api/v1/orgs/${orgId}/voice/imports`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ kind: "voice", format: "csv", bytesTotal: 10_000_000 }),
    });
    const { id } = (await created.json()) as { id: string };
    const request = httpRequest(`${base}/api/v1/orgs/${orgId}/voice/imports/${id}/content`, {
      method: "PUT",
      headers: { ...headers, "content-type": "text/csv", "content-length": "10000000" },
    });
    request.on("error", () => undefined);
    request.write("text,date\n");
    for (let i = 0; i < 1200; i++) request.write(`Reseña cortada número ${i},2026-01-0${1 + (i % 9)}\n`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    request.destroy();
    let report: { status: string; accepted: number; error: string | null } = { status: "running", accepted: 0, error: null };
    for (let i = 0; i < 100 && (report.status === "running" || report.status === "waiting"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      report = (await (await fetch(`${base}/api/v1/orgs/${orgId}/voice/imports/${id}`, { headers })).json()) as typeof report;
    }
    expect(report, JSON.stringify(report)).toMatchObject({ status: "failed", error: "upload_aborted" });
    // What arrived before the cut is stored, and the report says exactly how much.
    const stored = await t.ctx.db.kysely.selectFrom("voice_items").select((eb) => eb.fn.countAll<number>().as("n")).where("import_id", "=", id).executeTakeFirstOrThrow();
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.accepted).toBe((report as unknown as { rowsRead: number }).rowsRead);
    expect(Number(stored.n)).toBe(report.accepted);
  });
});
