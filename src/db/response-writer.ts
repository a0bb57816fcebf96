// Writes batches of responses durably without blocking the server. On SQLite, better-sqlite3 is
// synchronous and a commit with synchronous=FULL waits for fsync: done on the main thread it would
// stop every request for that long. So SQLite batches are committed by a worker thread with its own
// connection (WAL lets the main connection keep reading); PostgreSQL commits are asynchronous already.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Database } from "./connect.js";
import { prepareResponseRows, sqliteStoredAnswersStatement, sqliteUpsertStatement, upsertResponses, type ResponseRow, type ResponseWrite } from "./queries/responses.js";
import { addRollupChange, rollupCounterColumns, rollupLayout, sqliteRollupStatements } from "./queries/rollups.js";

export interface ResponseWriter {
  /** Commits a batch in one transaction; resolves with each write's response id, in order. */
  write(writes: ResponseWrite[], now: number): Promise<string[]>;
  close(): Promise<void>;
}

/** The writer for this database: a worker thread for a SQLite file, the connection pool otherwise. */
export function createResponseWriter(database: Database, options: { idleMs?: number } = {}): ResponseWriter {
  if (database.dialect === "postgres" || !database.file) {
    return { write: (writes, now) => upsertResponses(database.kysely, writes, now), close: async () => {} };
  }
  return new SqliteWorkerWriter(database.file, options.idleMs);
}

type Reply = { id: number; ids?: string[]; error?: { message: string; code?: string } };

/**
 * The worker's code. It runs as a CommonJS script (eval), so it is plain JavaScript without imports;
 * the rollup contribution (addRollupChange) and the layout arrive as source text and data.
 * One transaction per batch, taken with `begin immediate` (the first statement reads): each row's
 * stored answers are read, the row is merged, and the rollup deltas of the batch are added.
 */
function workerMain(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort, workerData } = require("node:worker_threads");
  const SQLite = require(workerData.driver);
  const db = new SQLite(workerData.file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  // Build tools may wrap named functions in __name(); the worker has no such helper, so give it one.
  const addRollupChange = new Function("__name", `return (${workerData.addRollupChange})`)((f: unknown) => f);
  const layout = workerData.layout;
  const columns: string[] = workerData.rollupColumns;
  const upsert = db.prepare(workerData.statement);
  const readStored = db.prepare(workerData.storedStatement);
  const upsertRollup = db.prepare(workerData.rollup.upsert);
  const upsertCx = db.prepare(workerData.rollup.upsertCx);
  const deleteEmptyCx = db.prepare(workerData.rollup.deleteEmptyCx);
  const commit = db.transaction((rows: Record<string, unknown>[]) => {
    const deltas = new Map<string, { counts: number[]; cx: Record<string, number> } & Record<string, unknown>>();
    const ids = rows.map((row) => {
      const before = readStored.get(row);
      const after = upsert.get(row) as { id: string };
      addRollupChange(deltas, before, after, layout);
      return after.id;
    });
    for (const key of [...deltas.keys()].sort()) {
      const d = deltas.get(key)!;
      const keyParams = { organisation_id: d.organisation_id, touchpoint_id: d.touchpoint_id, day: d.day, source: d.source, language: d.language };
      if (d.counts.some((c) => c !== 0)) {
        const params: Record<string, unknown> = { ...keyParams };
        columns.forEach((column, i) => (params[column] = d.counts[i]));
        upsertRollup.run(params);
      }
      for (const cx of Object.keys(d.cx)) {
        const count = d.cx[cx]!;
        if (count === 0) continue;
        upsertCx.run({ ...keyParams, cx: Number(cx), count });
        if (count < 0) deleteEmptyCx.run({ ...keyParams, cx: Number(cx) });
      }
    }
    return ids;
  });
  parentPort.on("message", (message: { id: number; rows?: Record<string, unknown>[]; close?: boolean }) => {
    if (message.close) {
      db.close();
      parentPort.postMessage({ id: message.id, ids: [] });
      return;
    }
    try {
      parentPort.postMessage({ id: message.id, ids: commit.immediate(message.rows) });
    } catch (error) {
      const e = error as { message?: string; code?: string };
      parentPort.postMessage({ id: message.id, error: { message: String(e.message), code: e.code } });
    }
  });
}

class SqliteWorkerWriter implements ResponseWriter {
  private readonly pending = new Map<number, { resolve: (ids: string[]) => void; reject: (error: unknown) => void }>();
  private nextId = 1;
  private failure: Error | null = null;

  private worker: Worker | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly workerData: Record<string, unknown>;

  /**
   * The worker starts with the first write and stops after `idleMs` without any, so that a server
   * nobody answers keeps no second V8 heap in memory.
   */
  constructor(
    file: string,
    private readonly idleMs = 30_000,
  ) {
    this.workerData = {
      file,
      driver: createRequire(import.meta.url).resolve("better-sqlite3"),
      statement: sqliteUpsertStatement(),
      storedStatement: sqliteStoredAnswersStatement(),
      rollup: sqliteRollupStatements(),
      rollupColumns: rollupCounterColumns,
      layout: rollupLayout,
      addRollupChange: addRollupChange.toString(),
    };
  }

  private start(): Worker {
    const worker = new Worker(`(${workerMain.toString()})()`, { eval: true, workerData: this.workerData });
    worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else waiting.resolve(reply.ids ?? []);
      if (this.pending.size === 0) this.scheduleRetirement();
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => {
      // A retired worker exits too; only the current one's unexpected exit is a failure.
      if (worker === this.worker && code !== 0) this.fail(new Error(`the SQLite writer exited with code ${code}`));
    });
    return worker;
  }

  private scheduleRetirement(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.pending.size > 0 || !this.worker) return;
      const retired = this.worker;
      this.worker = null;
      // Nothing is in flight: every batch it took is committed, so stopping it loses nothing.
      void retired.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private send(message: { rows?: ResponseRow[]; close?: boolean }): Promise<string[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    const worker = (this.worker ??= this.start());
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  }

  async write(writes: ResponseWrite[], now: number): Promise<string[]> {
    if (writes.length === 0) return [];
    const rows = prepareResponseRows(writes, now);
    const ids = await this.send({ rows });
    const byKey = new Map(rows.map((row, index) => [`${row.organisation_id}\u0000${row.dedupe_key}`, ids[index]!]));
    return writes.map((write) => byKey.get(`${write.organisation_id}\u0000${write.dedupe_key}`)!);
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (!this.worker) return;
    if (!this.failure) await this.send({ close: true }).catch(() => undefined);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
