// Writes batches of responses durably without blocking the server. On SQLite, better-sqlite3 is
// synchronous and a commit with synchronous=FULL waits for fsync: done on the main thread it would
// stop every request for that long. So SQLite batches are committed by a worker thread with its own
// connection (WAL lets the main connection keep reading); PostgreSQL commits are asynchronous already.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Database } from "./connect.js";
import { prepareResponseRows, sqliteUpsertStatement, upsertResponses, type ResponseRow, type ResponseWrite } from "./queries/responses.js";

export interface ResponseWriter {
  /** Commits a batch in one transaction; resolves with each write's response id, in order. */
  write(writes: ResponseWrite[], now: number): Promise<string[]>;
  close(): Promise<void>;
}

/** The writer for this database: a worker thread for a SQLite file, the connection pool otherwise. */
export function createResponseWriter(database: Database): ResponseWriter {
  if (database.dialect === "postgres" || !database.file) {
    return { write: (writes, now) => upsertResponses(database.kysely, writes, now), close: async () => {} };
  }
  return new SqliteWorkerWriter(database.file);
}

type Reply = { id: number; ids?: string[]; error?: { message: string; code?: string } };

/** The worker's code. It runs as a CommonJS script (eval), so it is plain JavaScript without imports. */
function workerMain(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort, workerData } = require("node:worker_threads");
  const SQLite = require(workerData.driver);
  const db = new SQLite(workerData.file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  const upsert = db.prepare(workerData.statement);
  const commit = db.transaction((rows: Record<string, unknown>[]) => rows.map((row) => (upsert.get(row) as { id: string }).id));
  parentPort.on("message", (message: { id: number; rows?: Record<string, unknown>[]; close?: boolean }) => {
    if (message.close) {
      db.close();
      parentPort.postMessage({ id: message.id, ids: [] });
      return;
    }
    try {
      parentPort.postMessage({ id: message.id, ids: commit(message.rows) });
    } catch (error) {
      const e = error as { message?: string; code?: string };
      parentPort.postMessage({ id: message.id, error: { message: String(e.message), code: e.code } });
    }
  });
}

class SqliteWorkerWriter implements ResponseWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (ids: string[]) => void; reject: (error: unknown) => void }>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.worker = new Worker(`(${workerMain.toString()})()`, { eval: true, workerData: { file, driver, statement: sqliteUpsertStatement() } });
    this.worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else waiting.resolve(reply.ids ?? []);
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => {
      if (code !== 0) this.fail(new Error(`the SQLite writer exited with code ${code}`));
    });
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private send(message: { rows?: ResponseRow[]; close?: boolean }): Promise<string[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
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
    if (!this.failure) await this.send({ close: true }).catch(() => undefined);
    await this.worker.terminate();
  }
}
