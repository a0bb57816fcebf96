// What leaves the server about responses and drops, field by field. Comments are plain strings: every
// screen renders them as text, never as markup.
import { z } from "zod";
import { emotionCodes } from "../../../core/emotions.js";
import { languages } from "../../../core/i18n/languages.js";
import { deviceClasses } from "../../../core/responses/device.js";
import { dropReasons, responseSources } from "../../../core/responses/sources.js";
import { formVariants } from "../../../core/forms/questions.js";
import type { ResponseRow } from "../../../db/queries/responses.js";

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

function oneOf<const T extends readonly string[]>(values: T, value: string | null): T[number] | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T[number]) : null;
}

function metaOf(value: unknown): Record<string, string> {
  const parsed: unknown = typeof value === "string" ? safeJson(value) : value;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const responseOut = z.object({
  id: z.string(),
  touchpointId: z.string(),
  stageId: z.string(),
  journeyId: z.string(),
  formVersion: z.number().int().describe("The version of the form the response started on."),
  variant: z.enum(formVariants),
  source: z.enum(responseSources).nullable(),
  placement: z.string().nullable().describe("Where a QR code was placed (a store, a packaging batch, an event)."),
  language: z.enum(languages).nullable(),
  deviceClass: z.enum(deviceClasses).nullable(),
  answers: z.object({
    emotion: z
      .object({ code: z.enum(emotionCodes), second: z.enum(emotionCodes).nullable(), intensity: z.number().int().nullable() })
      .nullable(),
    csat: z.number().int().nullable(),
    brandLove: z.number().int().nullable(),
    ces: z.number().int().nullable(),
    usefulness: z.number().int().nullable(),
    nps: z.number().int().nullable(),
    comment: z.string().nullable().describe("Plain text exactly as the customer wrote it; render it as text."),
  }),
  hidden: z.object({
    customerReference: z.string().nullable(),
    orderReference: z.string().nullable(),
    channel: z.string().nullable(),
    store: z.string().nullable(),
    meta: z.record(z.string(), z.string()).describe("The brand's own m_* fields, keys without the prefix."),
  }),
  startedAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable().describe("When all four closed questions were answered; null for a partial response."),
  completionMs: z.number().int().nullable(),
});

export function presentResponse(row: ResponseRow): z.infer<typeof responseOut> {
  const emotion = oneOf(emotionCodes, row.emotion);
  return {
    id: row.id,
    touchpointId: row.touchpoint_id,
    stageId: row.stage_id,
    journeyId: row.journey_id,
    formVersion: row.form_version,
    variant: oneOf(formVariants, row.variant) ?? "universal",
    source: oneOf(responseSources, row.source),
    placement: row.placement,
    language: oneOf(languages, row.language),
    deviceClass: oneOf(deviceClasses, row.device_class),
    answers: {
      emotion: emotion ? { code: emotion, second: oneOf(emotionCodes, row.emotion_2), intensity: row.intensity } : null,
      csat: row.csat,
      brandLove: row.brand_love,
      ces: row.ces,
      usefulness: row.usefulness,
      nps: row.nps,
      comment: row.comment,
    },
    hidden: {
      customerReference: row.customer_ref,
      orderReference: row.order_ref,
      channel: row.channel,
      store: row.store,
      meta: metaOf(row.hidden_fields),
    },
    startedAt: iso(row.started_at),
    updatedAt: iso(row.updated_at),
    completedAt: isoOrNull(row.completed_at),
    completionMs: row.completion_ms,
  };
}

export const itemIssueOut = z.object({ path: z.string().describe("The field, e.g. answers.csat; empty for the item as a whole."), message: z.string() });

export const itemResultOut = z.object({
  index: z.number().int().describe("The item's position in the request (0 for a single item)."),
  status: z.enum(["stored", "dropped"]),
  responseId: z.string().optional().describe("stored: the response's id; the same id again for the same idempotency key."),
  reason: z.enum([...dropReasons]).optional().describe("dropped: why (unknown_touchpoint, form_closed, invalid_answer)."),
  issues: z.array(itemIssueOut).optional().describe("invalid_answer: what is wrong, per field."),
});

export const dropOut = z.object({
  touchpointId: z.string(),
  reason: z.enum(dropReasons),
  count: z.number().int(),
});
