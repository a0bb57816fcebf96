// One imported row, from whatever shape it arrived in (a CSV record, a JSONL line, an item of the JSON
// API), to a checked voice item or NPS answer, or the reason it is rejected. Pure: the server resolves
// touchpoints, hashes e-mails and writes (docs/import.md lists the columns and their aliases).
import { maxVoiceTextLength, voiceSources, type RejectCode, type VoiceSource } from "./schema.js";

export interface Rejection {
  code: RejectCode;
  field?: string;
}

/** A voice item ready to store, except for its touchpoint (`touchpointId` or `touchpointName` as given). */
export interface VoiceRow {
  source: VoiceSource;
  text: string;
  at: number;
  rating: number | null;
  ratingMax: number | null;
  author: string | null;
  url: string | null;
  externalId: string | null;
  language: "es" | "en" | "pt" | null;
  touchpointId: string | null;
  touchpointName: string | null;
}

/** An NPS answer (generic NPS CSV or Delighted's export), to become a response with source import. */
export interface NpsRow {
  score: number;
  comment: string | null;
  at: number;
  /** An e-mail address: hashed by the server before it is stored, never kept. */
  email: string | null;
  customerRef: string | null;
  externalId: string | null;
  url: string | null;
  touchpointId: string | null;
  touchpointName: string | null;
}

const maxFieldLength = 2000;

/** Column names recognised for each field, compared lower-cased with spaces, dashes and dots as underscores. */
const voiceAliases: Record<string, string[]> = {
  source: ["source", "channel_type", "type"],
  text: ["text", "comment", "review", "body", "content", "message", "review_text", "verbatim"],
  date: ["date", "created_at", "timestamp", "time", "datetime", "published_at", "review_date"],
  rating: ["rating", "stars", "star_rating", "score"],
  ratingMax: ["rating_max", "ratingmax", "max_rating", "scale"],
  author: ["author", "author_ref", "user", "username", "customer", "customer_ref", "reviewer"],
  url: ["url", "link", "permalink"],
  externalId: ["externalid", "external_id", "id", "review_id", "ticket_id"],
  language: ["language", "lang", "locale"],
  touchpointId: ["touchpointid", "touchpoint_id"],
  touchpoint: ["touchpoint", "touchpoint_name"],
};

const npsAliases: Record<string, string[]> = {
  score: ["score", "nps", "nps_score", "rating", "likelihood_to_recommend"],
  comment: ["comment", "comments", "feedback", "text", "reason", "verbatim"],
  date: ["date", "response_timestamp", "created_at", "timestamp", "responded_at", "time", "submitted_at"],
  email: ["email", "e_mail", "person_email", "customer_email", "email_address"],
  customerRef: ["customer_ref", "customer_reference", "customer_id", "customer", "reference", "person", "person_id", "user_id"],
  externalId: ["response_id", "id", "external_id"],
  url: ["permalink", "url"],
  surveyType: ["survey_type"],
  touchpointId: ["touchpointid", "touchpoint_id"],
  touchpoint: ["touchpoint", "touchpoint_name"],
};

export function normaliseColumn(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, "_");
}

/** Which field each column feeds: the first alias that matches wins; unknown columns are ignored. */
function mapColumns(columns: readonly string[], aliases: Record<string, string[]>): Map<string, string> {
  const byField = new Map<string, string>();
  const normalised = columns.map((c) => [c, normaliseColumn(c)] as const);
  for (const [field, names] of Object.entries(aliases)) {
    for (const name of names) {
      const hit = normalised.find(([, n]) => n === name);
      if (hit) {
        byField.set(field, hit[0]);
        break;
      }
    }
  }
  return byField;
}

/** The fields of a voice CSV's columns; null with the missing field when the text or date column is absent. */
export function voiceColumns(columns: readonly string[]): { map: Map<string, string> } | { missing: string } {
  const map = mapColumns(columns, voiceAliases);
  for (const required of ["text", "date"]) if (!map.has(required)) return { missing: required };
  return { map };
}

export function npsColumns(columns: readonly string[]): { map: Map<string, string> } | { missing: string } {
  const map = mapColumns(columns, npsAliases);
  for (const required of ["score", "date"]) if (!map.has(required)) return { missing: required };
  return { map };
}

/** A JSON object's keys mapped like CSV columns (JSONL lines and API items may use either spelling). */
export function columnsOfObject(record: Record<string, unknown>): string[] {
  return Object.keys(record);
}

const text = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  const s = typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : null;
  if (s === null) return null;
  const trimmed = s.trim();
  return trimmed === "" ? null : trimmed;
};

/**
 * A date or date-time to epoch ms: ISO 8601 (a date alone or a time without zone is UTC), "YYYY-MM-DD
 * HH:MM[:SS]", or a Unix time in seconds (10 digits) or milliseconds (13). Null when not a date, or
 * outside 1990…2100.
 */
export function parseImportDate(value: string): number | null {
  const v = value.trim();
  let ms: number;
  if (/^\d{9,10}$/.test(v)) ms = Number(v) * 1000;
  else if (/^\d{12,13}$/.test(v)) ms = Number(v);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) ms = Date.parse(`${v}T00:00:00Z`);
  else {
    const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i.exec(v);
    if (!m) return null;
    const zone = !m[3] || m[3].toUpperCase() === "UTC" ? "Z" : m[3].length === 5 ? `${m[3].slice(0, 3)}:${m[3].slice(3)}` : m[3];
    ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
  }
  if (!Number.isFinite(ms) || ms < Date.UTC(1990, 0, 1) || ms > Date.UTC(2100, 0, 1)) return null;
  return ms;
}

function numberOf(value: unknown): number | null | "invalid" {
  const s = text(value);
  if (s === null) return null;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : "invalid";
}

function longField(record: Record<string, unknown>, map: Map<string, string>): Rejection | null {
  for (const [field, column] of map) {
    if (field === "text" || field === "comment") continue;
    const v = text(record[column]);
    if (v !== null && v.length > maxFieldLength) return { code: "field_too_long", field };
  }
  return null;
}

/** A voice row from a record whose keys are the file's columns (mapped by `map`). */
export function readVoiceRow(record: Record<string, unknown>, map: Map<string, string>, defaults: { source?: VoiceSource | undefined } = {}): VoiceRow | Rejection {
  const get = (field: string) => (map.has(field) ? record[map.get(field)!] : undefined);
  const body = text(get("text"));
  if (body === null) return { code: "missing_text", field: "text" };
  if (body.length > maxVoiceTextLength) return { code: "text_too_long", field: "text" };
  const long = longField(record, map);
  if (long) return long;
  const dateText = text(get("date"));
  if (dateText === null) return { code: "missing_date", field: "date" };
  const at = parseImportDate(dateText);
  if (at === null) return { code: "invalid_date", field: "date" };
  const sourceText = text(get("source"))?.toLowerCase() ?? defaults.source ?? "other";
  if (!(voiceSources as readonly string[]).includes(sourceText)) return { code: "invalid_source", field: "source" };
  const rating = numberOf(get("rating"));
  const ratingMax = numberOf(get("ratingMax"));
  if (rating === "invalid" || (rating !== null && (rating < 0 || rating > 100))) return { code: "invalid_rating", field: "rating" };
  if (ratingMax === "invalid" || (ratingMax !== null && (ratingMax < 1 || ratingMax > 100))) return { code: "invalid_rating", field: "ratingMax" };
  if (rating !== null && rating > (ratingMax ?? 5) && ratingMax !== null) return { code: "invalid_rating", field: "rating" };
  const language = text(get("language"))?.toLowerCase().slice(0, 2) ?? null;
  if (language !== null && language !== "es" && language !== "en" && language !== "pt") return { code: "invalid_language", field: "language" };
  return {
    source: sourceText as VoiceSource,
    text: body,
    at,
    rating,
    ratingMax: rating === null ? null : (ratingMax ?? (rating > 5 ? 10 : 5)),
    author: text(get("author")),
    url: text(get("url")),
    externalId: text(get("externalId")),
    language,
    touchpointId: text(get("touchpointId")),
    touchpointName: text(get("touchpoint")),
  };
}

/** An NPS row (generic NPS CSV, Delighted export). */
export function readNpsRow(record: Record<string, unknown>, map: Map<string, string>): NpsRow | Rejection {
  const get = (field: string) => (map.has(field) ? record[map.get(field)!] : undefined);
  const surveyType = text(get("surveyType"));
  // Delighted exports CSAT and CES surveys in the same layout: only NPS scores are NPS.
  if (surveyType !== null && surveyType.toLowerCase() !== "nps") return { code: "invalid_score", field: "survey_type" };
  const scoreText = text(get("score"));
  if (scoreText === null || !/^(?:10|\d)(?:\.0+)?$/.test(scoreText)) return { code: "invalid_score", field: "score" };
  const comment = text(get("comment"));
  if (comment !== null && comment.length > maxVoiceTextLength) return { code: "text_too_long", field: "comment" };
  const long = longField(record, map);
  if (long) return long;
  const dateText = text(get("date"));
  if (dateText === null) return { code: "missing_date", field: "date" };
  const at = parseImportDate(dateText);
  if (at === null) return { code: "invalid_date", field: "date" };
  const email = text(get("email"));
  return {
    score: Number(scoreText),
    comment,
    at,
    email: email && email.includes("@") ? email.toLowerCase() : null,
    customerRef: text(get("customerRef")),
    externalId: text(get("externalId")),
    url: text(get("url")),
    touchpointId: text(get("touchpointId")),
    touchpointName: text(get("touchpoint")),
  };
}

export function isRejection(value: unknown): value is Rejection {
  return typeof value === "object" && value !== null && "code" in value && !("text" in value) && !("score" in value);
}

/** The folded form of a text for the content hash: lower case, whitespace collapsed. */
export function foldForHash(value: string): string {
  return value.toLowerCase().replace(/\s+/g, " ").trim();
}

const msPerDay = 86_400_000;
export const dayOf = (ms: number) => Math.floor(ms / msPerDay);

/**
 * The parts of a voice item's dedupe key before hashing: its id in its channel, else its URL, else its
 * content (source, touchpoint, author, day, text). The caller hashes the content form.
 */
export function voiceDedupeParts(row: VoiceRow, touchpointId: string | null): { key: string } | { content: string } {
  if (row.externalId) return { key: `x:${row.source}:${row.externalId}` };
  if (row.url) return { key: `u:${row.url}` };
  return { content: [row.source, touchpointId ?? "", row.author ?? "", dayOf(row.at), foldForHash(row.text)].join("\u0000") };
}
