// Writes batches of responses durably without blocking the server. On SQLite, better-sqlite3 is
// synchronous and a commit with synchronous=FULL waits for fsync: done on the main thread it would
// stop every request for that long. So SQLite batches are committed by a worker thread with its own
// connection (WAL lets the main connection keep reading); PostgreSQL commits are asynchronous already.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type SQLite from "better-sqlite3";
import type { Database } from "./connect.js";
import { columnIndex, prepareResponseBatch, responseColumns, sqliteResponseStatements, upsertResponses, type ResponseWrite } from "./queries/responses.js";
import { addRollupChange, rollupLayout, rollupSourceColumns, sqliteRollupStatements, type RollupDeltas, type RollupLayout } from "./queries/rollups.js";

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

/** What the SQLite batch writer needs, as plain data: it is copied to the worker thread. */
export interface SqliteBatchSpec {
  statements: ReturnType<typeof sqliteResponseStatements> & { rollups: ReturnType<typeof sqliteRollupStatements> };
  /** Values per row (responseColumns) and where the ones the writer reads sit. */
  width: number;
  at: { id: number; organisation_id: number; dedupe_key: number };
  /** The rollup source columns and their place in a row. */
  source: Array<[string, number]>;
  layout: RollupLayout;
  /** False only to measure what rollups cost (bench/rollup-cost.ts). */
  maintainRollups: boolean;
}

export function sqliteBatchSpec(maintainRollups = true): SqliteBatchSpec {
  return {
    statements: { ...sqliteResponseStatements(), rollups: sqliteRollupStatements() },
    width: responseColumns.length,
    at: { id: columnIndex.id, organisation_id: columnIndex.organisation_id, dedupe_key: columnIndex.dedupe_key },
    source: rollupSourceColumns.map((c) => [c, columnIndex[c]]),
    layout: rollupLayout,
    maintainRollups,
  };
}

/**
 * The SQLite writer's transaction over a connection: returns a function that commits a prepared
 * batch (prepareResponseBatch's values, row after row) in one `begin immediate` transaction and
 * returns each row's response id. Per row: insert it unless its dedupe key is stored (a new
 * response: its contribution to the rollups is the row itself, nothing is read); otherwise read the
 * stored state and merge (the delta is the merged state's contribution minus the stored one's).
 * Then each rollup key of the batch gets one upsert with the batch's summed deltas.
 *
 * Self-contained on purpose (no imports, no module scope; `addChange` is addRollupChange): its
 * source text runs in the worker thread, and bench/rollup-cost.ts runs it in its own thread.
 */
export function createSqliteBatchWriter(
  db: SQLite.Database,
  spec: SqliteBatchSpec,
  addChange: (deltas: RollupDeltas, before: unknown, after: unknown, layout: RollupLayout) => void,
): (values: unknown[], rowCount: number) => string[] {
  const { statements, width, at, source, layout, maintainRollups } = spec;
  const insertNew = db.prepare(statements.insertNew);
  const readStored = db.prepare(statements.readStored);
  const merge = db.prepare(statements.merge);
  const upsertRollup = db.prepare(statements.rollups.upsert);
  const upsertCx = db.prepare(statements.rollups.upsertCx);
  const deleteEmptyCx = db.prepare(statements.rollups.deleteEmptyCx);
  const row = new Array<unknown>(width);
  const commit = db.transaction((values: unknown[], rowCount: number) => {
    const deltas: RollupDeltas = new Map();
    const ids = new Array<string>(rowCount);
    for (let r = 0; r < rowCount; r++) {
      for (let c = 0; c < width; c++) row[c] = values[r * width + c];
      if (insertNew.run(row).changes === 1) {
        ids[r] = row[at.id] as string;
        if (!maintainRollups) continue;
        const contribution: Record<string, unknown> = {};
        for (const [column, index] of source) contribution[column] = row[index];
        addChange(deltas, null, contribution, layout);
      } else {
        const before = readStored.get(row[at.organisation_id], row[at.dedupe_key]);
        const after = merge.get(row) as { id: string };
        ids[r] = after.id;
        if (maintainRollups) addChange(deltas, before, after, layout);
      }
    }
    for (const key of [...deltas.keys()].sort()) {
      const d = deltas.get(key)!;
      const keyValues: unknown[] = [d.organisation_id, d.touchpoint_id, d.day, d.source, d.language];
      if (d.counts.some((c) => c !== 0)) upsertRollup.run(keyValues.concat(d.counts));
      for (const cx of Object.keys(d.cx)) {
        const count = d.cx[cx]!;
        if (count === 0) continue;
        upsertCx.run([...keyValues, Number(cx), count]);
        if (count < 0) deleteEmptyCx.run([...keyValues, Number(cx)]);
      }
    }
    return ids;
  });
  return (values, rowCount) => commit.immediate(values, rowCount);
}

type Reply = { id: number; ids?: string[]; error?: { message: string; code?: string } };

/**
 * The worker's code. It runs as a CommonJS script (eval), so it is plain JavaScript without imports;
 * the batch writer and the rollup contribution arrive as source text, their settings as data.
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
  const load = (source: string) => new Function("__name", `return (${source})`)((f: unknown) => f);
  const write = load(workerData.createWriter)(db, workerData.spec, load(workerData.addRollupChange));
  parentPort.on("message", (message: { id: number; values?: unknown[]; rowCount?: number; close?: boolean }) => {
    if (message.close) {
      db.close();
      parentPort.postMessage({ id: message.id, ids: [] });
      return;
    }
    try {
      parentPort.postMessage({ id: message.id, ids: write(message.values, message.rowCount) });
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
      spec: sqliteBatchSpec(),
      createWriter: createSqliteBatchWriter.toString(),
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

  private send(message: { values?: unknown[]; rowCount?: number; close?: boolean }): Promise<string[]> {
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
    const batch = prepareResponseBatch(writes, now);
    const ids = await this.send({ values: batch.values, rowCount: batch.rowCount });
    return batch.rowOfWrite.map((row) => ids[row]!);
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
