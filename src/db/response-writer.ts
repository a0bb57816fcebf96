// Writes batches of responses durably without blocking the server. On SQLite, better-sqlite3 is
// synchronous and a commit with synchronous=FULL waits for fsync: done on the main thread it would
// stop every request for that long. So SQLite batches are committed by a worker thread with its own
// connection (WAL lets the main connection keep reading); PostgreSQL commits are asynchronous already.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type SQLite from "better-sqlite3";
import type { Database } from "./connect.js";
import { columnIndex, prepareResponseBatch, responseColumns, sqliteResponseStatements, upsertResponses, type ResponseWrite } from "./queries/responses.js";
import { foldRollupJournal, packJournal, rollupFoldIntervalMs, sqliteJournalStatements, unpackJournal } from "./queries/rollup-journal.js";
import { addPackedSpan, packSpan, spanDeltasOf, sqliteSpanStatements } from "./queries/rollup-spans.js";
import { addRollupChange, rollupLayout, rollupSourceColumns, sqliteRollupStatements, type RollupDeltas, type RollupLayout } from "./queries/rollups.js";

export interface ResponseWriter {
  /** Commits a batch in one transaction; resolves with each write's response id, in order. */
  write(writes: ResponseWrite[], now: number): Promise<string[]>;
  /** Folds the rollup journal into the rollup tables (rollup-journal.ts); resolves with the rows folded. */
  fold(): Promise<number>;
  close(): Promise<void>;
}

/** The writer for this database: a worker thread for a SQLite file, the connection pool otherwise. */
export function createResponseWriter(database: Database, options: { idleMs?: number } = {}): ResponseWriter {
  if (database.dialect === "postgres" || !database.file) {
    return { write: (writes, now) => upsertResponses(database.kysely, writes, now), fold: () => foldRollupJournal(database), close: async () => {} };
  }
  return new SqliteWorkerWriter(database, database.file, options.idleMs);
}

/** How often a writer that wrote nothing lately still folds what other writers (imports, other servers) left. */
export const journalSweepMs = 5000;

/**
 * Keeps the rollup journal short: folds it every rollupFoldIntervalMs after this writer wrote, every
 * journalSweepMs otherwise, and once more on close. One fold at a time; a failed fold is reported and
 * retried at the next turn (the journal keeps its rows, and reads count them meanwhile).
 */
export function foldingInBackground(writer: ResponseWriter, onError: (error: unknown) => void): ResponseWriter {
  let dirty = false;
  let lastFold = Date.now();
  let folding: Promise<number> | null = null;
  const fold = (): Promise<number> => {
    if (folding) return folding;
    dirty = false;
    lastFold = Date.now();
    folding = writer.fold().finally(() => (folding = null));
    return folding;
  };
  const timer = setInterval(() => {
    if (!folding && (dirty || Date.now() - lastFold >= journalSweepMs)) fold().catch(onError);
  }, rollupFoldIntervalMs);
  timer.unref();
  return {
    async write(writes, now) {
      const ids = await writer.write(writes, now);
      dirty = true;
      return ids;
    },
    fold: () => fold(),
    async close() {
      clearInterval(timer);
      await folding?.catch(() => undefined);
      await writer.fold().catch(onError);
      await writer.close();
    },
  };
}

/** What the SQLite batch writer needs, as plain data: it is copied to the worker thread. */
export interface SqliteBatchSpec {
  statements: ReturnType<typeof sqliteResponseStatements> & {
    rollups: ReturnType<typeof sqliteRollupStatements>;
    spans: ReturnType<typeof sqliteSpanStatements>;
    journal: ReturnType<typeof sqliteJournalStatements>;
  };
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
    statements: { ...sqliteResponseStatements(), rollups: sqliteRollupStatements(), spans: sqliteSpanStatements(), journal: sqliteJournalStatements() },
    width: responseColumns.length,
    at: { id: columnIndex.id, organisation_id: columnIndex.organisation_id, dedupe_key: columnIndex.dedupe_key },
    source: rollupSourceColumns.map((c) => [c, columnIndex[c]]),
    layout: rollupLayout,
    maintainRollups,
  };
}

/** The rollup functions the SQLite batch writer calls: the very functions of rollups.ts, rollup-journal.ts and rollup-spans.ts. */
export interface SqliteRollupHelpers {
  addChange: (deltas: RollupDeltas, before: unknown, after: unknown, layout: RollupLayout) => void;
  packJournal: typeof packJournal;
  unpackJournal: typeof unpackJournal;
  spanDeltasOf: typeof spanDeltasOf;
  packSpan: typeof packSpan;
  addPackedSpan: typeof addPackedSpan;
}

export const sqliteRollupHelpers: SqliteRollupHelpers = { addChange: addRollupChange as SqliteRollupHelpers["addChange"], packJournal, unpackJournal, spanDeltasOf, packSpan, addPackedSpan };

/**
 * The SQLite writer's transactions over a connection. `write` commits a prepared batch
 * (prepareResponseBatch's values, row after row) in one `begin immediate` transaction and returns
 * each row's response id. Per row: insert it unless its dedupe key is stored (a new response: its
 * contribution to the rollups is the row itself, nothing is read); otherwise read the stored state
 * and merge (the delta is the merged state's contribution minus the stored one's). The batch's summed
 * rollup deltas are appended to the journal as one row. `fold` moves the whole journal into the
 * rollup tables in one transaction: each fine rollup key gets one upsert, each day and month span one
 * read and one write, however many batches touched them.
 *
 * Self-contained on purpose (no imports, no module scope; `helpers` are the rollup functions): its
 * source text runs in the worker thread, and bench/rollup-cost.ts runs it in its own thread.
 */
export function createSqliteBatchWriter(
  db: SQLite.Database,
  spec: SqliteBatchSpec,
  helpers: SqliteRollupHelpers,
): { write: (values: unknown[], rowCount: number) => string[]; fold: () => number } {
  const { statements, width, at, source, layout, maintainRollups } = spec;
  const insertNew = db.prepare(statements.insertNew);
  const readStored = db.prepare(statements.readStored);
  const merge = db.prepare(statements.merge);
  const upsertRollup = db.prepare(statements.rollups.upsert);
  const upsertCx = db.prepare(statements.rollups.upsertCx);
  const deleteEmptyCx = db.prepare(statements.rollups.deleteEmptyCx);
  const readSpan = db.prepare(statements.spans.read).pluck();
  const writeSpan = db.prepare(statements.spans.write);
  const appendJournal = db.prepare(statements.journal.append);
  const readJournal = db.prepare(statements.journal.readAll);
  const deleteJournal = db.prepare(statements.journal.deleteUpTo);
  const organisationExists = db.prepare(statements.journal.organisationExists).pluck();
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
        helpers.addChange(deltas, null, contribution, layout);
      } else {
        const before = readStored.get(row[at.organisation_id], row[at.dedupe_key]);
        const after = merge.get(row) as { id: string };
        ids[r] = after.id;
        if (maintainRollups) helpers.addChange(deltas, before, after, layout);
      }
    }
    if (deltas.size > 0) {
      const packed = helpers.packJournal(deltas.values());
      if (packed !== "[]") appendJournal.run(packed);
    }
    return ids;
  });
  const foldAll = db.transaction(() => {
    const rows = readJournal.all() as Array<{ seq: number; payload: string }>;
    if (rows.length === 0) return 0;
    const deltas: RollupDeltas = new Map();
    for (const r of rows) helpers.unpackJournal(r.payload, deltas, layout);
    // An organisation deleted since its batch was written takes its rollups with it: its deltas go too.
    const existing = new Map<string, boolean>();
    for (const [key, d] of deltas) {
      if (!existing.has(d.organisation_id)) existing.set(d.organisation_id, organisationExists.get(d.organisation_id) !== undefined);
      if (!existing.get(d.organisation_id)) deltas.delete(key);
    }
    const keys = [...deltas.keys()].sort();
    for (const key of keys) {
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
    for (const span of helpers.spanDeltasOf(keys.map((k) => deltas.get(k)!), layout).values()) {
      const spanKey = [span.organisation_id, span.grain, span.start, span.touchpoint_id];
      const counts = span.counts.slice();
      const cx: Record<number, number> = {};
      for (const v in span.cx) cx[Number(v)] = span.cx[v]!;
      const stored = readSpan.get(spanKey) as string | undefined;
      if (stored !== undefined) helpers.addPackedSpan(stored, layout.width, counts, cx);
      writeSpan.run([...spanKey, helpers.packSpan(counts, cx, layout.width)]);
    }
    deleteJournal.run(rows[rows.length - 1]!.seq);
    return rows.length;
  });
  return { write: (values, rowCount) => commit.immediate(values, rowCount), fold: () => foldAll.immediate() };
}

type Reply = { id: number; ids?: string[]; folded?: number; error?: { message: string; code?: string } };
type Message = { id: number; values?: unknown[]; rowCount?: number; fold?: boolean; close?: boolean };

/**
 * The worker's code. It runs as a CommonJS script (eval), so it is plain JavaScript without imports;
 * the batch writer and the rollup functions arrive as source text, their settings as data.
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
  const helpers = Object.fromEntries(Object.entries(workerData.helpers as Record<string, string>).map(([name, source]) => [name, load(source)]));
  const writer = load(workerData.createWriter)(db, workerData.spec, helpers);
  parentPort.on("message", (message: Message) => {
    try {
      if (message.close) {
        // Whatever the journal holds goes into the rollups before the worker stops.
        writer.fold();
        db.close();
        parentPort.postMessage({ id: message.id, ids: [] });
      } else if (message.fold) parentPort.postMessage({ id: message.id, folded: writer.fold() });
      else parentPort.postMessage({ id: message.id, ids: writer.write(message.values, message.rowCount) });
    } catch (error) {
      const e = error as { message?: string; code?: string };
      parentPort.postMessage({ id: message.id, error: { message: String(e.message), code: e.code } });
    }
  });
}

class SqliteWorkerWriter implements ResponseWriter {
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: unknown) => void }>();
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
    private readonly database: Database,
    file: string,
    private readonly idleMs = 30_000,
  ) {
    this.workerData = {
      file,
      driver: createRequire(import.meta.url).resolve("better-sqlite3"),
      spec: sqliteBatchSpec(),
      createWriter: createSqliteBatchWriter.toString(),
      helpers: Object.fromEntries(Object.entries(sqliteRollupHelpers).map(([name, f]) => [name, f.toString()])),
    };
  }

  private start(): Worker {
    const worker = new Worker(`(${workerMain.toString()})()`, { eval: true, workerData: this.workerData });
    worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else waiting.resolve(reply);
      // Only writes keep the worker alive: a fold's reply restarts the idle countdown only if none runs.
      if (this.pending.size === 0 && (reply.folded === undefined || !this.idleTimer)) this.scheduleRetirement();
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
      // Nothing is in flight: every batch it took is committed, so stopping it loses nothing. It
      // folds the journal on its way out (a journal left behind is still read, and folded later).
      const closeId = this.nextId++;
      retired.on("message", (reply: Reply) => {
        if (reply.id === closeId) void retired.terminate();
      });
      retired.postMessage({ id: closeId, close: true });
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private send(message: Omit<Message, "id">): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    if (this.idleTimer && !message.fold) {
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
    const { ids = [] } = await this.send({ values: batch.values, rowCount: batch.rowCount });
    return batch.rowOfWrite.map((row) => ids[row]!);
  }

  /**
   * Folds in the worker, between two batches, when it runs. Without a worker nothing of this server's
   * is pending (the worker folds before it stops); what another writer left is folded here.
   */
  async fold(): Promise<number> {
    if (this.worker && !this.failure) return (await this.send({ fold: true })).folded ?? 0;
    return foldRollupJournal(this.database);
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
