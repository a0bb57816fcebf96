// What leaves the server about a verbatim, field by field. The comment is plain text exactly as the
// customer wrote it (every screen renders it as text, never as markup); inferred sentiment, emotions
// and topics are labelled as inferred and kept apart from the customer's own answers (METHOD.md §2, §7).
import { z } from "zod";
import { emotionCodes } from "../../../core/emotions.js";
import { languages } from "../../../core/i18n/languages.js";
import { deviceClasses } from "../../../core/responses/device.js";
import { responseSources } from "../../../core/responses/sources.js";
import { sentimentLabels, topicCodes } from "../../../core/text/types.js";
import { npsGroups, type NpsGroup, type VerbatimRow } from "../../../db/queries/verbatims.js";

const iso = (ms: number) => new Date(Number(ms)).toISOString();

function oneOf<const T extends readonly string[]>(values: T, value: unknown): T[number] | null {
  return typeof value === "string" && (values as readonly string[]).includes(value) ? (value as T[number]) : null;
}

function parsedList(text: unknown): unknown[] {
  if (typeof text !== "string") return Array.isArray(text) ? text : [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

const record = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {});
const finite = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

export const highlightKinds = ["positive", "negative", "negator", "intensifier", "diminisher", "contrast", "emotion", "topic"] as const;

export const verbatimOut = z.object({
  id: z.string().describe("The response's id."),
  comment: z.string().describe("Plain text exactly as the customer wrote it; render it as text."),
  touchpoint: z.object({ id: z.string(), name: z.string().nullable() }),
  stage: z.object({ id: z.string(), name: z.string().nullable() }).describe("The touchpoint's current stage on the map."),
  journey: z.object({ id: z.string(), name: z.string().nullable() }),
  emotions: z.array(z.enum(emotionCodes)).describe("The customer's own emotion(s), first then second."),
  intensity: z.number().int().nullable().describe("1–3 (a little, quite, very)."),
  scores: z.object({
    csat: z.number().int().nullable(),
    ces: z.number().int().nullable(),
    nps: z.number().int().nullable(),
    usefulness: z.number().int().nullable(),
    brandLove: z.number().int().nullable(),
  }),
  npsGroup: z.enum(npsGroups).nullable(),
  source: z.enum(responseSources).nullable(),
  language: z.enum(languages).nullable(),
  placement: z.string().nullable(),
  store: z.string().nullable(),
  customerChannel: z.string().nullable().describe("The channel the link or API declared (hidden field `channel`)."),
  deviceClass: z.enum(deviceClasses).nullable(),
  startedAt: z.string(),
  commentedAt: z.string().nullable(),
  analysis: z
    .object({
      inferred: z.literal(true).describe("Always true: these come from the text analyser, not from the customer."),
      sentiment: z.object({ label: z.enum(sentimentLabels), score: z.number().describe("−1…+1") }),
      emotions: z.array(z.object({ code: z.enum(emotionCodes), score: z.number() })),
      topics: z.array(z.object({ code: z.enum(topicCodes), score: z.number(), sentiment: z.number().nullable() })),
      highlights: z
        .array(z.object({ start: z.number().int(), end: z.number().int(), kind: z.enum(highlightKinds), code: z.string().nullable() }))
        .describe("UTF-16 offsets into `comment` (comment.slice(start, end)) of the words behind the sentiment, emotions and topics."),
      stale: z.boolean().describe("The response changed after its comment was analysed (the analysis may be about an earlier text)."),
    })
    .nullable()
    .describe("The text analyser's reading of the comment; null until it has run."),
});
export type VerbatimOut = z.infer<typeof verbatimOut>;

function npsGroupOf(nps: number | null): NpsGroup | null {
  if (nps === null) return null;
  return nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor";
}

export function presentVerbatim(row: VerbatimRow): VerbatimOut {
  const comment = row.comment ?? "";
  const emotions = [oneOf(emotionCodes, row.emotion), oneOf(emotionCodes, row.emotion_2)].filter((e): e is NonNullable<typeof e> => e !== null);
  const sentiment = oneOf(sentimentLabels, row.analysis_sentiment);
  return {
    id: row.id,
    comment,
    touchpoint: { id: row.touchpoint_id, name: row.touchpoint_name },
    stage: { id: row.place_stage_id ?? row.stage_id, name: row.stage_name },
    journey: { id: row.place_journey_id ?? row.journey_id, name: row.journey_name },
    emotions,
    intensity: emotions.length > 0 ? row.intensity : null,
    scores: { csat: row.csat, ces: row.ces, nps: row.nps, usefulness: row.usefulness, brandLove: row.brand_love },
    npsGroup: npsGroupOf(row.nps),
    source: oneOf(responseSources, row.source),
    language: oneOf(languages, row.language),
    placement: row.placement,
    store: row.store,
    customerChannel: row.channel,
    deviceClass: oneOf(deviceClasses, row.device_class),
    startedAt: iso(row.started_at),
    commentedAt: row.comment_at === null ? null : iso(row.comment_at),
    analysis:
      sentiment === null
        ? null
        : {
            inferred: true,
            sentiment: { label: sentiment, score: finite(row.analysis_sentiment_score) ?? 0 },
            emotions: parsedList(row.analysis_emotions).flatMap((e) => {
              const code = oneOf(emotionCodes, record(e).code);
              const score = finite(record(e).score);
              return code !== null && score !== null ? [{ code, score }] : [];
            }),
            topics: parsedList(row.analysis_topics).flatMap((t) => {
              const code = oneOf(topicCodes, record(t).code);
              const score = finite(record(t).score);
              return code !== null && score !== null ? [{ code, score, sentiment: finite(record(t).sentiment) }] : [];
            }),
            highlights: parsedList(row.analysis_highlights).flatMap((h) => {
              const { start, end, kind, code } = record(h);
              const k = oneOf(highlightKinds, kind);
              const valid = Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) < (end as number) && (end as number) <= comment.length;
              return valid && k !== null ? [{ start: start as number, end: end as number, kind: k, code: typeof code === "string" ? code : null }] : [];
            }),
            stale: row.analysis_source_updated_at !== null && Number(row.analysis_source_updated_at) < Number(row.updated_at),
          },
  };
}
