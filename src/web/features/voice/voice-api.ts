// Text analytics, imports and learned models as the dashboard reads them. The shapes are the server's
// own Zod schemas (core/voice/schema.ts); this file adds only the calls, the raw-body upload and the
// query strings built from the page's filters.
import type { z } from "zod";
import type {
  ImportKind,
  ImportOut,
  importListOut,
  reanalyseOut,
  TextFilter,
  TextItemOut,
  TextModelOut,
  textModelListOut,
  textPhrasesOut,
  TextSummaryOut,
  textTrendsOut,
  VoiceSource,
} from "../../../core/voice/schema.js";
import type { EmotionCode } from "../../../core/emotions.js";
import type { SentimentLabel, TopicCode } from "../../../core/text/types.js";
import { ApiError, request } from "../../api.js";

export type { ImportKind, ImportOut, TextFilter, TextItemOut, TextModelOut, TextSummaryOut, VoiceSource };
export type TextTrends = z.infer<typeof textTrendsOut>;
export type TextPhrases = z.infer<typeof textPhrasesOut>;
export type TextModelList = z.infer<typeof textModelListOut>;
export type TrendInterval = TextTrends["interval"];

/** What narrows the texts list beyond the page's filters. */
export interface TextListFilter {
  topic?: TopicCode | undefined;
  sentiment?: SentimentLabel | undefined;
  emotion?: EmotionCode | undefined;
  q?: string | undefined;
}

export type ImportFormat = "csv" | "jsonl";

const orgBase = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

/** A query string from the defined, non-empty values. */
export function queryOf(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export const textPageSize = 20;

export const voiceApi = {
  summary: (orgId: string, filter: TextFilter) => request<TextSummaryOut>("GET", `${orgBase(orgId)}/text/summary${queryOf({ ...filter })}`),
  trends: (orgId: string, filter: TextFilter, interval: TrendInterval) =>
    request<TextTrends>("GET", `${orgBase(orgId)}/text/trends${queryOf({ ...filter, interval })}`),
  phrases: (orgId: string, filter: TextFilter) => request<TextPhrases>("GET", `${orgBase(orgId)}/text/phrases${queryOf({ ...filter })}`),
  texts: (orgId: string, filter: TextFilter & TextListFilter, cursor: string | null, limit = textPageSize) =>
    request<{ texts: TextItemOut[]; nextCursor: string | null }>("GET", `${orgBase(orgId)}/text/texts${queryOf({ ...filter, cursor, limit })}`),

  /** The texts as CSV with the same filters (a download link, not a fetch: the browser streams it to a file). */
  textsCsvUrl: (orgId: string, filter: TextFilter & TextListFilter, lang: string) => `${orgBase(orgId)}/text/texts.csv${queryOf({ ...filter, lang })}`,

  listImports: (orgId: string) => request<z.infer<typeof importListOut>>("GET", `${orgBase(orgId)}/voice/imports`),
  getImport: (orgId: string, importId: string) => request<ImportOut>("GET", `${orgBase(orgId)}/voice/imports/${encodeURIComponent(importId)}`),

  listModels: (orgId: string) => request<TextModelList>("GET", `${orgBase(orgId)}/text/models`),
  trainModel: (orgId: string, scope: TextModelOut["scope"], scopeId?: string) =>
    request<TextModelOut>("POST", `${orgBase(orgId)}/text/models`, scopeId ? { scope, scopeId } : { scope }),
  reanalyse: (orgId: string) => request<z.infer<typeof reanalyseOut>>("POST", `${orgBase(orgId)}/text/reanalyse`, {}),
};

/**
 * Imports a file in two steps, so its progress can be followed from the start: the import is created
 * (status waiting; `onCreated` hands it over for polling), then the file is sent as the request's raw
 * body (the browser streams it from disk; nothing is read into memory here). Resolves with the import
 * once the server has read the whole file.
 */
export async function startImport(
  orgId: string,
  file: File,
  options: {
    kind: ImportKind;
    format: ImportFormat;
    touchpointId?: string | undefined;
    source?: VoiceSource | undefined;
    csrfToken: string;
    onCreated(created: ImportOut): void;
  },
): Promise<ImportOut> {
  const created = await request<ImportOut>("POST", `${orgBase(orgId)}/voice/imports`, {
    kind: options.kind,
    format: options.format,
    fileName: file.name.slice(0, 200),
    bytesTotal: file.size,
    ...(options.touchpointId ? { touchpointId: options.touchpointId } : {}),
    ...(options.source ? { source: options.source } : {}),
  });
  options.onCreated(created);
  let response: Response;
  try {
    response = await fetch(`${orgBase(orgId)}/voice/imports/${encodeURIComponent(created.id)}/content`, {
      method: "PUT",
      headers: {
        accept: "application/json, application/problem+json",
        "content-type": options.format === "jsonl" ? "application/x-ndjson" : "text/csv",
        "x-csrf-token": options.csrfToken,
      },
      credentials: "same-origin",
      body: file,
    });
  } catch {
    throw new ApiError(0, "network_error");
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const problem = (data ?? {}) as { code?: unknown };
    throw new ApiError(response.status, typeof problem.code === "string" ? problem.code : `http_${response.status}`);
  }
  return data as ImportOut;
}
