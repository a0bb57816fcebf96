// What the import page shows before anything is sent: the first rows of the chosen file (read from
// its first 64 KB only, whatever its size) and which column feeds each field, with the same column
// aliases the server uses (core/voice/rows.ts).
import { npsColumns, voiceColumns } from "../../../core/voice/rows.js";
import type { ImportKind } from "../../../core/voice/schema.js";

export type PreviewFormat = "csv" | "jsonl";

export interface FilePreview {
  format: PreviewFormat;
  columns: string[];
  /** The first rows, one string per column ("" when absent). */
  rows: string[][];
}

/** How many bytes of a file the preview reads. */
export const previewBytes = 64 * 1024;
export const previewRows = 5;

/** CSV unless the name or the first character says JSON lines. */
export function formatOf(fileName: string, head: string): PreviewFormat {
  if (/\.(jsonl|ndjson|json)$/i.test(fileName)) return "jsonl";
  if (/\.(csv|txt|tsv)$/i.test(fileName)) return "csv";
  return head.replace(/^\uFEFF/, "").trimStart().startsWith("{") ? "jsonl" : "csv";
}

/**
 * The first rows of `head` (the start of a file, possibly cut mid-line: the last, partial line is
 * dropped unless the file ended). CSV: RFC 4180 quoting, a header line; JSONL: one object per line,
 * the columns are the keys in order of appearance.
 */
export function previewOf(head: string, format: PreviewFormat, complete: boolean, max = previewRows): FilePreview {
  const text = head.replace(/^\uFEFF/, "");
  if (format === "jsonl") {
    const lines = text.split(/\r?\n/);
    if (!complete) lines.pop();
    const objects: Array<Record<string, unknown>> = [];
    for (const line of lines) {
      if (objects.length >= max) break;
      if (!line.trim()) continue;
      try {
        const value = JSON.parse(line) as unknown;
        objects.push(typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
      } catch {
        objects.push({});
      }
    }
    const columns: string[] = [];
    for (const object of objects) for (const key of Object.keys(object)) if (!columns.includes(key)) columns.push(key);
    return { format, columns, rows: objects.map((object) => columns.map((column) => cell(object[column]))) };
  }
  const records = parseCsv(text, complete, max + 1);
  const [header = [], ...rows] = records;
  const columns = header.map((name) => name.trim());
  return { format, columns, rows: rows.map((row) => columns.map((_, i) => row[i] ?? "")) };
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Up to `max` CSV records; a record cut off by the end of an incomplete head is dropped. */
export function parseCsv(text: string, complete: boolean, max: number): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    field = "";
    if (!(record.length === 1 && record[0] === "")) records.push(record);
    record = [];
  };
  while (i < text.length && records.length < max) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
    } else field += ch;
    i += 1;
  }
  if (records.length < max && complete && (field !== "" || record.length > 0)) endRecord();
  return records.slice(0, max);
}

export interface FieldMapping {
  field: string;
  required: boolean;
  /** The file's column that feeds it, or null. */
  column: string | null;
}

const voiceFields = ["text", "date", "source", "rating", "ratingMax", "author", "url", "externalId", "language", "touchpoint", "touchpointId"];
const npsFields = ["score", "date", "comment", "email", "customerRef", "externalId", "url", "touchpoint", "touchpointId"];

/** Each field of the import's kind and the column that feeds it, as the server will read the file. */
export function mapFields(kind: ImportKind, columns: readonly string[]): FieldMapping[] {
  const nps = kind !== "voice";
  const required = nps ? ["score", "date"] : ["text", "date"];
  const find = nps ? npsColumns : voiceColumns;
  // The server's mapper names only the first missing required field; stand-ins for the missing ones
  // (their own names, which match no column of the file) reveal how every other column maps.
  const standIns: string[] = [];
  let found = find([...columns, ...standIns]);
  while ("missing" in found && standIns.length < required.length) {
    standIns.push(`${found.missing}`);
    found = find([...columns, ...standIns]);
  }
  const map = "map" in found ? found.map : new Map<string, string>();
  return (nps ? npsFields : voiceFields).map((field) => {
    const column = map.get(field) ?? null;
    return { field, required: required.includes(field), column: column !== null && columns.includes(column) ? column : null };
  });
}

/** Columns no field reads. */
export function unusedColumns(columns: readonly string[], mapping: readonly FieldMapping[]): string[] {
  const used = new Set(mapping.map((m) => m.column).filter(Boolean));
  return columns.filter((column) => !used.has(column));
}
