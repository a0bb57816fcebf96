// A touchpoint's recent responses and the organisation's dropped submissions as the dashboard reads
// them: the shapes the server sends (restated from src/server/routes/responses/present.ts, since the
// web app imports only from core) and the two calls.
import type { EmotionCode } from "../../../core/emotions.js";
import type { FormVariant } from "../../../core/forms/questions.js";
import type { Language } from "../../../core/i18n/languages.js";
import type { DeviceClass } from "../../../core/responses/device.js";
import type { DropReason, ResponseSource } from "../../../core/responses/sources.js";
import { request } from "../../api.js";

export interface RecentResponse {
  id: string;
  touchpointId: string;
  stageId: string;
  journeyId: string;
  formVersion: number;
  variant: FormVariant;
  source: ResponseSource | null;
  placement: string | null;
  language: Language | null;
  deviceClass: DeviceClass | null;
  answers: {
    emotion: { code: EmotionCode; second: EmotionCode | null; intensity: number | null } | null;
    csat: number | null;
    brandLove: number | null;
    ces: number | null;
    usefulness: number | null;
    nps: number | null;
    /** Plain text exactly as the customer wrote it: always rendered as text, never as markup. */
    comment: string | null;
  };
  hidden: {
    customerReference: string | null;
    orderReference: string | null;
    channel: string | null;
    store: string | null;
    /** The brand's own m_* fields, keys without the prefix. */
    meta: Record<string, string>;
  };
  startedAt: string;
  updatedAt: string;
  /** Null while the response is partial (not all four closed questions answered). */
  completedAt: string | null;
  completionMs: number | null;
}

export interface ResponsePage {
  items: RecentResponse[];
  nextCursor: string | null;
}

export interface DropCount {
  touchpointId: string;
  reason: DropReason;
  count: number;
}

const orgBase = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

/** How many responses a page asks for. */
export const responsePageSize = 25;

export const responsesApi = {
  listRecent: (orgId: string, touchpointId: string, cursor: string | null, limit = responsePageSize) => {
    const params = new URLSearchParams({ limit: String(limit) });
    if (cursor) params.set("cursor", cursor);
    return request<ResponsePage>("GET", `${orgBase(orgId)}/touchpoints/${encodeURIComponent(touchpointId)}/responses?${params.toString()}`);
  },
  /** Every touchpoint's drops of the organisation over `days` days (admins and owners). */
  listDrops: (orgId: string, days = 30) => request<{ since: string; items: DropCount[] }>("GET", `${orgBase(orgId)}/ingestion-drops?days=${days}`),
};
