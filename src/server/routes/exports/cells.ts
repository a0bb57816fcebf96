// The columns of a responses export and the cells of one row, plus what makes a cell inert: a
// spreadsheet runs a CSV cell that starts with = + - @ (or a tab or carriage return before them) as a
// formula, so such text gets a leading apostrophe; XLSX cells are written as typed strings, never formulas.
import { translate, type MessageKey } from "../../../core/i18n/messages.js";
import type { Language } from "../../../core/i18n/languages.js";
import type { ExportRow } from "../../../db/queries/exports.js";
import { hiddenFieldsOf } from "../../../db/queries/response-filter.js";
import type { TouchpointPlace } from "../../../db/queries/scores.js";

export type Cell = string | number | null;

interface Column {
  header: (language: Language) => string;
  value: (row: ExportRow, place: TouchpointPlace | undefined, fields: Record<string, string>) => Cell;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const named = (key: string, value: Column["value"]): Column => ({ header: (language) => translate(language, `export.column.${key}` as MessageKey), value });

const fixedColumns: Column[] = [
  named("response_id", (r) => r.id),
  named("started_at", (r) => iso(r.started_at)),
  named("completed_at", (r) => iso(r.completed_at)),
  named("journey_id", (r, p) => p?.journey_id ?? r.journey_id),
  named("journey", (_, p) => p?.journey_name ?? null),
  named("stage_id", (r, p) => p?.stage_id ?? r.stage_id),
  named("stage", (_, p) => p?.stage_name ?? null),
  named("touchpoint_id", (r) => r.touchpoint_id),
  named("touchpoint", (_, p) => p?.name ?? null),
  named("touchpoint_channel", (_, p) => p?.channel ?? null),
  named("source", (r) => r.source),
  named("placement", (r) => r.placement),
  named("language", (r) => r.language),
  named("device", (r) => r.device_class),
  named("variant", (r) => r.variant),
  named("form_version", (r) => r.form_version),
  named("emotion", (r) => r.emotion),
  named("emotion_2", (r) => r.emotion_2),
  named("intensity", (r) => r.intensity),
  named("csat", (r) => r.csat),
  named("ces", (r) => r.ces),
  named("nps", (r) => r.nps),
  named("usefulness", (r) => r.usefulness),
  named("brand_love", (r) => r.brand_love),
  named("comment", (r) => r.comment),
  named("completion_seconds", (r) => (r.completion_ms === null ? null : Math.round(Number(r.completion_ms) / 100) / 10)),
  named("customer_ref", (r) => r.customer_ref),
  named("order_ref", (r) => r.order_ref),
  named("customer_channel", (r) => r.channel),
  named("store", (r) => r.store),
];

/** The export's columns: the fixed ones, then one per own field (`m_<key>`), in key order. */
export function exportColumns(fieldKeys: readonly string[]): Column[] {
  return [
    ...fixedColumns,
    ...fieldKeys.map((key): Column => ({ header: (language) => translate(language, "export.column.field", { key: `m_${key}` }), value: (_r, _p, fields) => fields[key] ?? null })),
  ];
}

/** One response as cells, in column order. */
export function cellsOf(columns: readonly Column[], row: ExportRow, place: TouchpointPlace | undefined): Cell[] {
  const fields = row.hidden_fields === null ? {} : hiddenFieldsOf(row.hidden_fields);
  return columns.map((column) => column.value(row, place, fields));
}

const formulaStart = /^[=+\-@\t\r]/;

/** A CSV cell a spreadsheet will not run: text starting like a formula gets a leading apostrophe. Numbers stay numbers. */
export function inertCsvCell(cell: Cell): string | number {
  if (cell === null) return "";
  if (typeof cell === "number") return cell;
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

// Characters XML 1.0 cannot hold (an XLSX is XML): C0 controls except tab, LF, CR; lone surrogates; U+FFFE/FFFF.
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * An XLSX cell: text is written as a string cell (never a formula), with characters XML cannot hold
 * replaced, and line ends as \n (an XML reader turns a bare carriage return into a line feed anyway).
 */
export function xlsxCell(cell: Cell): string | number | null {
  return typeof cell === "string" ? cell.replace(notXml, "\uFFFD").replace(/\r\n?/g, "\n") : cell;
}
