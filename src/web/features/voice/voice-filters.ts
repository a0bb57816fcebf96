// The Voice page's filters, kept in the URL's query string so a view can be shared and the back
// button works: the period and scope (journey, touchpoint, source) for every panel, and the topic,
// sentiment, inferred emotion and words that narrow the texts list.
import { emotionCodes, type EmotionCode } from "../../../core/emotions.js";
import { sentimentLabels, topicCodes, type SentimentLabel, type TopicCode } from "../../../core/text/types.js";
import { voiceSources, type VoiceSource } from "../../../core/voice/schema.js";
import { datePresets, defaultPreset, periodOf } from "../insights/filters.js";
import type { TextFilter, TextListFilter } from "./voice-api.js";

/** The periods offered, the same as the score views'. */
export const periods = datePresets;
export type Period = (typeof periods)[number];
export const defaultPeriod: Period = defaultPreset;

/** A text's source as the dashboard groups it: form comments, or one of the imported channels. */
export const textSources = ["form", ...voiceSources] as const;
export type TextSource = (typeof textSources)[number];

export interface VoiceFilters {
  days: Period;
  journeyId: string | null;
  touchpointId: string | null;
  source: TextSource | null;
  topic: TopicCode | null;
  sentiment: SentimentLabel | null;
  emotion: EmotionCode | null;
  q: string | null;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null => (value !== null && (list as readonly string[]).includes(value) ? (value as T) : null);
const text = (value: string | null, max: number) => {
  const trimmed = value?.trim() ?? "";
  return trimmed ? trimmed.slice(0, max) : null;
};

/** The filters in a query string; anything unknown or malformed is ignored. */
export function readFilters(search: URLSearchParams): VoiceFilters {
  const days = Number(search.get("days"));
  return {
    days: (periods as readonly number[]).includes(days) ? (days as Period) : defaultPeriod,
    journeyId: text(search.get("journey"), 64),
    touchpointId: text(search.get("touchpoint"), 64),
    source: oneOf(textSources, search.get("source")),
    topic: oneOf(topicCodes, search.get("topic")),
    sentiment: oneOf(sentimentLabels, search.get("sentiment")),
    emotion: oneOf(emotionCodes, search.get("emotion")),
    q: text(search.get("q"), 200),
  };
}

/** The query string of `filters` (defaults left out), "" when there is nothing to say. */
export function writeFilters(filters: VoiceFilters): string {
  const params = new URLSearchParams();
  if (filters.days !== defaultPeriod) params.set("days", String(filters.days));
  if (filters.journeyId) params.set("journey", filters.journeyId);
  if (filters.touchpointId) params.set("touchpoint", filters.touchpointId);
  if (filters.source) params.set("source", filters.source);
  if (filters.topic) params.set("topic", filters.topic);
  if (filters.sentiment) params.set("sentiment", filters.sentiment);
  if (filters.emotion) params.set("emotion", filters.emotion);
  if (filters.q) params.set("q", filters.q);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The server's filter for the panels: the last `days` days (UTC, today included) and the scope. */
export function scopeFilter(filters: VoiceFilters, now = new Date()): TextFilter {
  const filter: TextFilter = periodOf({ preset: filters.days }, now.getTime());
  if (filters.journeyId) filter.journeyId = filters.journeyId;
  if (filters.touchpointId) filter.touchpointId = filters.touchpointId;
  if (filters.source === "form") filter.kind = "response";
  else if (filters.source) {
    filter.kind = "voice";
    filter.source = filters.source;
  }
  return filter;
}

/** The texts list's own narrowing. */
export function listFilter(filters: VoiceFilters): TextListFilter {
  return {
    ...(filters.topic ? { topic: filters.topic } : {}),
    ...(filters.sentiment ? { sentiment: filters.sentiment } : {}),
    ...(filters.emotion ? { emotion: filters.emotion } : {}),
    ...(filters.q ? { q: filters.q } : {}),
  };
}

/** The trend chart's grouping for a period: days up to a month, weeks up to a quarter, then months. */
export const intervalFor = (days: Period) => (days <= 30 ? "day" : days <= 90 ? "week" : "month");

/** Where a text came from, as the dashboard groups it. */
export function textSourceOf(item: { kind: string; source: string }): TextSource {
  if (item.kind === "response") return "form";
  return oneOf(voiceSources, item.source) ?? "other";
}

export type { VoiceSource };
