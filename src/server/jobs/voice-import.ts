// Imports voice of the customer (and NPS history) from a stream: CSV through csv-parse, or JSON lines,
// read with backpressure so that memory stays flat whatever the file's size. Rows are checked
// (core/voice/rows.ts), mapped to a touchpoint, de-duplicated, and stored in batches: each batch's
// items, their analyses and the import's counters commit together, so the import's report always
// says exactly what is stored. A file that stops half way (an aborted upload, a stopped server) leaves
// an import marked failed or interrupted with its counts; uploading the same file again skips what was
// stored as duplicates, so an import is resumable by re-upload (docs/import.md).
import { createHash, createHmac } from "node:crypto";
import { createInterface } from "node:readline";
import { PassThrough, Readable, Transform } from "node:stream";
import type { Options as CsvOptions } from "csv-parse";
import type { FastifyBaseLogger } from "fastify";
import {
  columnsOfObject,
  dayOf,
  isRejection,
  npsColumns,
  readNpsRow,
  readVoiceRow,
  voiceColumns,
  voiceDedupeParts,
  type NpsRow,
  type Rejection,
  type VoiceRow,
} from "../../core/voice/rows.js";
import type { ImportErrorCode, ImportKind, ImportOut, RejectCode, VoiceSource } from "../../core/voice/schema.js";
import type { Database } from "../../db/connect.js";
import { writeTransaction } from "../../db/dialect.js";
import { ensureForm } from "../../db/queries/forms.js";
import { upsertResponses, type ResponseWrite } from "../../db/queries/responses.js";
import { storeAnalyses } from "../../db/queries/text.js";
import { existingKeys, insertImport, insertVoiceItems, touchpointDirectory, updateImport, type TouchpointPlace, type VoiceImportRow, type VoiceItemRow } from "../../db/queries/voice.js";
import { newId } from "../../db/ids.js";
import type { Kdb } from "../../db/tables.js";
import type { ModelRegistry } from "./model-registry.js";
import { analyseVoiceItems } from "./voice-analysis.js";

export interface ImportDeps {
  database: Database;
  registry: ModelRegistry | null;
  clock: () => number;
  /** Keys the e-mail hashes (config SECRET). */
  secret: string;
  log?: FastifyBaseLogger | undefined;
  /** Called after NPS rows become responses, so their comments are analysed at once. */
  onResponsesWritten?: (() => void) | undefined;
}

/** Rows per batch: one transaction each. */
export const importBatchSize = 500;
/** Rejections kept in the report (the counts are always complete). */
export const maxReportedRejections = 1000;
/** Longest JSON line, in characters; a longer one is rejected (invalid_row) without stopping the import. */
export const maxRecordChars = 16 * 1024 * 1024;
/** Longest CSV record, in characters: memory per record stays bounded; a longer one stops the import, announced. */
export const maxCsvRecordChars = 16 * 1024 * 1024;
/** Largest upload accepted. */
export const maxImportBytes = 1024 * 1024 * 1024;

interface Report {
  rejections: Array<{ row: number; code: RejectCode; field?: string }>;
  truncated: boolean;
  error?: ImportErrorCode;
  errorDetail?: string;
}

export interface NewImport {
  organisationId: string;
  kind: ImportKind;
  format: "csv" | "jsonl" | "json";
  touchpointId?: string | undefined;
  fileName?: string | undefined;
  bytesTotal?: number | undefined;
  createdBy?: string | null | undefined;
  /** waiting: created first, its content uploaded next (so the dashboard can poll it from the start). */
  status?: "running" | "waiting";
}

export async function createImport(db: Kdb, input: NewImport, now: number): Promise<VoiceImportRow> {
  const row: VoiceImportRow = {
    id: newId("imp"),
    organisation_id: input.organisationId,
    kind: input.kind,
    format: input.format,
    status: (input.status ?? "running") as VoiceImportRow["status"],
    touchpoint_id: input.touchpointId ?? null,
    file_name: input.fileName ?? null,
    bytes_total: input.bytesTotal ?? null,
    bytes_read: 0,
    rows_read: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    progress: input.bytesTotal ? 0 : null,
    report: JSON.stringify({ rejections: [], truncated: false } satisfies Report),
    created_by: input.createdBy ?? null,
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
  await insertImport(db, row);
  return row;
}

export function presentImport(row: VoiceImportRow): ImportOut {
  const report = JSON.parse(row.report) as Report;
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    status: row.status as ImportOut["status"],
    touchpointId: row.touchpoint_id,
    fileName: row.file_name,
    bytesTotal: row.bytes_total,
    bytesRead: row.bytes_read,
    rowsRead: row.rows_read,
    accepted: row.accepted,
    rejected: row.rejected,
    duplicates: row.duplicates,
    progress: row.progress,
    rejections: report.rejections,
    rejectionsTruncated: report.truncated,
    error: report.error ?? null,
    errorDetail: report.errorDetail ?? null,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
  };
}

type RawRecord = { row: number; record: Record<string, unknown> } | { row: number; rejection: Rejection };

/** Counts the bytes that pass (for progress), and stops a stream larger than the limit. */
class ByteCounter extends Transform {
  bytes = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return done(new ImportError("file_too_large"));
    done(null, chunk);
  }
}

/** Why an import stopped (a stable code, with a detail such as the missing column or the line). */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** csv-parse is loaded by the first CSV import, not at start (idle memory, BENCHMARKS.md). */
let csvParse: Promise<typeof import("csv-parse")> | null = null;
const loadCsvParse = () => (csvParse ??= import("csv-parse"));

/**
 * CSV records with their 1-based data row numbers. csv-parse cannot resume reliably after a syntax
 * error (an unbalanced quote swallows the rows after it), so a syntax error stops the import, announced
 * with its line (rows before it stay; fix the line and upload again: they count as duplicates).
 * Quotes inside unquoted fields are tolerated. A record over maxCsvRecordChars stops it the same way.
 */
async function* csvRecords(input: Readable): AsyncGenerator<RawRecord> {
  const { parse } = await loadCsvParse();
  const options: CsvOptions = {
    columns: (header: string[]) => header.map((h) => h.replace(/^\uFEFF/, "").trim()),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: maxCsvRecordChars,
  };
  const parser = parse(options);
  // Records go through a pass-through so that those parsed before a syntax error are still read
  // (an async iterator over the parser itself drops its buffer when the error comes).
  const records = new PassThrough({ objectMode: true, highWaterMark: 16 });
  let failure: unknown = null;
  parser.on("error", (error) => {
    failure = error;
    records.end();
  });
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser).pipe(records);
  let row = 0;
  for await (const record of records as AsyncIterable<Record<string, unknown>>) {
    row++;
    yield { row, record };
  }
  if (failure) {
    const e = failure as { code?: unknown; lines?: unknown };
    if (typeof e.code === "string" && e.code.startsWith("CSV_")) throw new ImportError("csv_syntax", `${e.code.slice(4).toLowerCase()} at line ${String(e.lines ?? "?")}`);
    throw failure;
  }
}

/** JSON lines with their 1-based line numbers (blank lines skipped); a line that is not a JSON object is a rejection. */
async function* jsonLines(input: Readable): AsyncGenerator<RawRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let row = 0;
  for await (const line of lines) {
    row++;
    const trimmed = line.replace(/^\uFEFF/, "").trim();
    if (trimmed === "") continue;
    if (trimmed.length > maxRecordChars) {
      yield { row, rejection: { code: "invalid_row" } };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      yield { row, rejection: { code: "invalid_row" } };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) yield { row, rejection: { code: "invalid_row" } };
    else yield { row, record: value as Record<string, unknown> };
  }
}

function records(format: "csv" | "jsonl", input: Readable): AsyncGenerator<RawRecord> {
  return format === "csv" ? csvRecords(input) : jsonLines(input);
}

/** The state of one running import: counters and the report, flushed with each batch. */
class ImportRun {
  rowsRead = 0;
  accepted = 0;
  rejected = 0;
  duplicates = 0;
  readonly report: Report;
  private directory: { byId: Map<string, TouchpointPlace>; byName: Map<string, TouchpointPlace> } | null = null;
  private readonly seen = new Set<string>();
  private forms = new Map<string, { version: number; variant: string }>();

  constructor(
    readonly deps: ImportDeps,
    readonly row: VoiceImportRow,
    readonly defaultSource: VoiceSource | undefined,
  ) {
    this.report = JSON.parse(row.report) as Report;
  }

  reject(row: number, rejection: Rejection): void {
    this.rejected++;
    if (this.report.rejections.length < maxReportedRejections) this.report.rejections.push({ row, code: rejection.code, ...(rejection.field ? { field: rejection.field } : {}) });
    else this.report.truncated = true;
  }

  async places() {
    this.directory ??= await touchpointDirectory(this.deps.database.kysely, this.row.organisation_id);
    return this.directory;
  }

  /** The touchpoint a row names (id, then name), else the import's; a missing or unknown one is a rejection when required. */
  async placeOf(given: { touchpointId: string | null; touchpointName: string | null }, required: boolean): Promise<TouchpointPlace | null | Rejection> {
    const { byId, byName } = await this.places();
    if (given.touchpointId) return byId.get(given.touchpointId) ?? { code: "unknown_touchpoint", field: "touchpointId" };
    if (given.touchpointName) return byName.get(given.touchpointName.trim().toLowerCase()) ?? { code: "unknown_touchpoint", field: "touchpoint" };
    if (this.row.touchpoint_id) return byId.get(this.row.touchpoint_id) ?? { code: "unknown_touchpoint", field: "touchpointId" };
    return required ? { code: "missing_touchpoint", field: "touchpointId" } : null;
  }

  /** Marks a key seen in this import; false when it was already. */
  firstTime(key: string): boolean {
    if (this.seen.has(key)) return false;
    if (this.seen.size < 2_000_000) this.seen.add(key);
    return true;
  }

  async formOf(place: TouchpointPlace, now: number) {
    let form = this.forms.get(place.id);
    if (!form) {
      const target = await ensureForm(this.deps.database.kysely, this.row.organisation_id, place.id, now);
      form = { version: target?.form.version ?? 1, variant: target?.config.variant ?? "universal" };
      this.forms.set(place.id, form);
    }
    return form;
  }

  progressSavedAt = 0;

  /** Saves the counters when the last save is older than half a second (each save is a commit). */
  async saveProgress(bytesRead: number, now: number): Promise<void> {
    if (Date.now() - this.progressSavedAt < 500) return;
    this.progressSavedAt = Date.now();
    await updateImport(this.deps.database.kysely, this.row.id, this.counters(bytesRead, now));
  }

  counters(bytesRead: number, now: number): Partial<VoiceImportRow> {
    return {
      rows_read: this.rowsRead,
      accepted: this.accepted,
      rejected: this.rejected,
      duplicates: this.duplicates,
      bytes_read: bytesRead,
      progress: this.row.bytes_total ? Math.min(1, bytesRead / this.row.bytes_total) : null,
      report: JSON.stringify(this.report),
      updated_at: now,
    };
  }
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** The customer reference an e-mail becomes: a keyed hash, so the address itself is never stored. */
export function emailReference(secret: string, organisationId: string, email: string): string {
  return `e:${createHmac("sha256", secret).update(`${organisationId}\u0000${email.trim().toLowerCase()}`).digest("hex").slice(0, 32)}`;
}

/** Stores one batch of voice rows: new items, their analyses and the counters, in one transaction. */
/**
 * A checked voice row to the item it stores, or null when it is rejected (unknown touchpoint) or a
 * duplicate within this import. Done row by row, so duplicates never wait in a batch.
 */
async function prepareVoiceItem(run: ImportRun, row: number, value: VoiceRow, now: number): Promise<VoiceItemRow | null> {
  const place = await run.placeOf(value, false);
  if (place !== null && isRejection(place)) {
    run.reject(row, place);
    return null;
  }
  const parts = voiceDedupeParts(value, place?.id ?? null);
  const dedupeKey = "key" in parts ? parts.key : `h:${sha(parts.content)}`;
  if (!run.firstTime(dedupeKey)) {
    run.duplicates++;
    return null;
  }
  return {
    id: newId("vox"),
    organisation_id: run.row.organisation_id,
    import_id: run.row.id,
    source: value.source,
    touchpoint_id: place?.id ?? null,
    journey_id: place?.journeyId ?? null,
    stage_id: place?.stageId ?? null,
    text: value.text,
    at: value.at,
    day: dayOf(value.at),
    rating: value.rating,
    rating_max: value.ratingMax,
    // An e-mail address as author is never stored: the same keyed hash as NPS imports' e-mails.
    author_ref: value.author !== null && /\S@\S/.test(value.author) ? emailReference(run.deps.secret, run.row.organisation_id, value.author) : value.author,
    url: value.url,
    external_id: value.externalId,
    language: value.language,
    dedupe_key: dedupeKey,
    created_at: now,
  };
}

/** Stores one batch of new voice items: those not stored before, their analyses and the counters, in one transaction. */
async function storeVoiceBatch(run: ImportRun, candidates: VoiceItemRow[], bytesRead: number): Promise<void> {
  const { database, registry, clock } = run.deps;
  const now = clock();
  const organisationId = run.row.organisation_id;
  const existing = await existingKeys(database.kysely, "voice_items", organisationId, candidates.map((c) => c.dedupe_key));
  const fresh = candidates.filter((c) => !existing.has(c.dedupe_key));
  run.duplicates += candidates.length - fresh.length;
  if (fresh.length === 0) {
    // Nothing to store (rejected rows and duplicates): only the progress, at most twice a second.
    await run.saveProgress(bytesRead, now);
    return;
  }
  const analyses = await analyseVoiceItems(registry, fresh, now);
  run.progressSavedAt = Date.now();
  await writeTransaction(database, async (trx) => {
    const inserted = await insertVoiceItems(trx, fresh);
    // Another import stored some of these keys meanwhile: they are duplicates, not analysed twice.
    run.duplicates += fresh.length - inserted.size;
    run.accepted += inserted.size;
    await storeAnalyses(
      trx,
      analyses.filter((a) => inserted.has(a.analysis.id)),
    );
    await updateImport(trx, run.row.id, run.counters(bytesRead, now));
  });
}

/** Stores one batch of NPS rows as responses (source import) at their touchpoints. */
async function storeNpsBatch(run: ImportRun, rows: Array<{ row: number; value: NpsRow }>, bytesRead: number): Promise<void> {
  const { database, clock, secret } = run.deps;
  const now = clock();
  const organisationId = run.row.organisation_id;
  const writes: ResponseWrite[] = [];
  for (const { row, value } of rows) {
    const place = await run.placeOf(value, true);
    if (place === null || isRejection(place)) {
      run.reject(row, place ?? { code: "missing_touchpoint" });
      continue;
    }
    const customerRef = value.customerRef ?? (value.email ? emailReference(secret, organisationId, value.email) : null);
    const dedupeKey = value.externalId
      ? `i:${run.row.kind}:${value.externalId}`
      : `i:${sha([place.id, value.score, dayOf(value.at), value.at, customerRef ?? "", value.comment ?? ""].join("\u0000")).slice(0, 40)}`;
    if (!run.firstTime(dedupeKey)) {
      run.duplicates++;
      continue;
    }
    const form = await run.formOf(place, now);
    writes.push({
      organisation_id: organisationId,
      journey_id: place.journeyId,
      stage_id: place.stageId,
      touchpoint_id: place.id,
      form_version: form.version,
      dedupe_key: dedupeKey,
      variant: form.variant,
      source: "import",
      placement: null,
      language: null,
      device_class: null,
      emotion: null,
      emotion_2: null,
      intensity: null,
      csat: null,
      brand_love: null,
      ces: null,
      usefulness: null,
      nps: value.score,
      comment: value.comment,
      customer_ref: customerRef,
      order_ref: null,
      channel: null,
      store: null,
      hidden_fields: null,
      started_at: value.at,
      emotion_at: null,
      csat_at: null,
      ces_at: null,
      nps_at: value.at,
      comment_at: value.comment === null ? null : value.at,
    });
  }
  const existing = await existingKeys(database.kysely, "responses", organisationId, writes.map((w) => w.dedupe_key));
  const fresh = writes.filter((w) => !existing.has(w.dedupe_key));
  run.duplicates += writes.length - fresh.length;
  if (fresh.length === 0) {
    await run.saveProgress(bytesRead, now);
    return;
  }
  run.accepted += fresh.length;
  run.progressSavedAt = Date.now();
  if (database.dialect === "postgres") {
    await database.kysely.transaction().execute(async (trx) => {
      await upsertResponses(trx, fresh, now);
      await updateImport(trx, run.row.id, run.counters(bytesRead, now));
    });
  } else {
    // upsertResponses takes SQLite's write lock in its own transaction; the counters follow at once.
    await upsertResponses(database.kysely, fresh, now);
    await updateImport(database.kysely, run.row.id, run.counters(bytesRead, now));
  }
  if (fresh.some((w) => w.comment !== null)) run.deps.onResponsesWritten?.();
}

/** Reads rows of the kind's shape from records, mapping columns once from the first record (CSV header) or per record (JSON). */
async function consume(run: ImportRun, source: AsyncIterable<RawRecord>, bytesRead: () => number): Promise<void> {
  const kind = run.row.kind;
  const voiceBatch: VoiceItemRow[] = [];
  const npsBatch: Array<{ row: number; value: NpsRow }> = [];
  let columnMap: Map<string, string> | null = null;
  let columnKey = "";
  const flush = async () => {
    if (kind === "voice") await storeVoiceBatch(run, voiceBatch.splice(0), bytesRead());
    else await storeNpsBatch(run, npsBatch.splice(0), bytesRead());
  };
  try {
    await readAll();
  } catch (error) {
    // Rows read before a syntax error or an aborted upload are stored, and the report says where it stopped.
    if (!(error instanceof FlushError)) await flush();
    throw error;
  }
  await flush();

  async function readAll(): Promise<void> {
  for await (const item of source) {
    run.rowsRead++;
    if ("rejection" in item) {
      run.reject(item.row, item.rejection);
    } else {
      // A CSV's columns are its header's: mapped once. JSON objects may differ line by line.
      const keys = columnMap !== null && run.row.format === "csv" ? null : columnsOfObject(item.record);
      const key = keys === null ? columnKey : keys.join("\u0000");
      if (keys !== null && (key !== columnKey || columnMap === null)) {
        const mapped = kind === "voice" ? voiceColumns(keys) : npsColumns(keys);
        if ("missing" in mapped) {
          // CSV: the header lacks a required column, so no row can be read: the import fails, announced.
          if (run.row.format === "csv") throw new ImportError("missing_column", mapped.missing);
          run.reject(item.row, { code: mapped.missing === "text" ? "missing_text" : mapped.missing === "score" ? "invalid_score" : "missing_date", field: mapped.missing });
          continue;
        }
        columnMap = mapped.map;
        columnKey = key;
      }
      if (columnMap === null) continue;
      const hasEncodingDamage = Object.values(item.record).some((v) => typeof v === "string" && v.includes("\uFFFD"));
      if (hasEncodingDamage) {
        run.reject(item.row, { code: "invalid_encoding" });
      } else if (kind === "voice") {
        const value = readVoiceRow(item.record, columnMap, { source: run.defaultSource });
        if (isRejection(value)) run.reject(item.row, value);
        else {
          const candidate = await prepareVoiceItem(run, item.row, value, run.deps.clock());
          if (candidate) voiceBatch.push(candidate);
        }
      } else {
        const value = readNpsRow(item.record, columnMap);
        if (isRejection(value)) run.reject(item.row, value);
        else npsBatch.push({ row: item.row, value });
      }
    }
    if (voiceBatch.length + npsBatch.length >= importBatchSize || run.rowsRead % importBatchSize === 0) {
      // Rejected rows move the progress too.
      try {
        await flush();
      } catch (error) {
        throw new FlushError("store_failed", { cause: error });
      }
    }
  }
  }
}

/** Storing a batch failed (the database, not the file): nothing more is stored. */
class FlushError extends Error {}

/**
 * Runs an import over a byte stream (CSV or JSON lines) to its end. Resolves with the import's final
 * row: completed, or failed with the reason in its report (rows stored before the failure stay).
 */
export async function runImport(deps: ImportDeps, row: VoiceImportRow, body: Readable, options: { source?: VoiceSource | undefined } = {}): Promise<VoiceImportRow> {
  const db = deps.database.kysely;
  const run = new ImportRun(deps, row, options.source);
  if (row.status !== "running") await updateImport(db, row.id, { status: "running", updated_at: deps.clock() });
  // Loaded before the upload is piped, so that no wait comes between the pipe and the parser's error handlers.
  if (row.format === "csv") await loadCsvParse();
  const counter = new ByteCounter(maxImportBytes);
  body.on("error", (error) => counter.destroy(error));
  body.pipe(counter);
  let status: VoiceImportRow["status"] = "completed";
  try {
    if (row.format === "json") throw new ImportError("import_failed", "use POST …/voice/items for JSON");
    await consume(run, records(row.format, counter), () => counter.bytes);
  } catch (error) {
    status = "failed";
    run.report.error = error instanceof ImportError ? error.code : error instanceof FlushError ? "store_failed" : error instanceof Error && /abort|premature|ECONNRESET|closed/i.test(error.message) ? "upload_aborted" : "import_failed";
    if (error instanceof ImportError && error.detail) run.report.errorDetail = error.detail;
    if (!(error instanceof ImportError)) deps.log?.warn({ err: error, importId: row.id }, "import stopped");
    body.resume();
  }
  const now = deps.clock();
  const final = { ...run.counters(counter.bytes, now), status, finished_at: now, ...(status === "completed" ? { progress: 1 } : {}) };
  await updateImport(db, row.id, final);
  return { ...row, ...final } as VoiceImportRow;
}

/** Imports the items of one JSON API call (already parsed): the same checks, synchronous, one import record. */
export async function importJsonItems(deps: ImportDeps, row: VoiceImportRow, items: readonly unknown[]): Promise<VoiceImportRow> {
  const source = (async function* (): AsyncGenerator<RawRecord> {
    let index = 0;
    for (const item of items) {
      index++;
      if (typeof item !== "object" || item === null || Array.isArray(item)) yield { row: index, rejection: { code: "invalid_row" } };
      else yield { row: index, record: item as Record<string, unknown> };
    }
  })();
  const run = new ImportRun(deps, row, undefined);
  let status: VoiceImportRow["status"] = "completed";
  try {
    await consume(run, source, () => 0);
  } catch (error) {
    status = "failed";
    run.report.error = error instanceof ImportError ? error.code : "import_failed";
    if (error instanceof ImportError && error.detail) run.report.errorDetail = error.detail;
    deps.log?.warn({ err: error, importId: row.id }, "import stopped");
  }
  const now = deps.clock();
  const final = { ...run.counters(0, now), status, progress: 1, finished_at: now };
  await updateImport(deps.database.kysely, row.id, final);
  return { ...row, ...final } as VoiceImportRow;
}
