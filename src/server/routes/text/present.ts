// What leaves the server about text analytics, field by field. Shares carry Wilson intervals, the net
// sentiment an adjusted-Wald interval (like NES) and the mean score a t interval (METHOD.md §4); below
// 5 texts the values, intervals and counts are dropped (hidden), below 30 they are marked few_answers.
// Inferred emotions are always marked inferred.
import { emotionCodes, type EmotionCode } from "../../../core/emotions.js";
import { scoreMeanSummary, scoreNet, scoreShare, visibilityOf } from "../../../core/metrics/index.js";
import type { TextItemOut } from "../../../core/voice/schema.js";
import type { SentimentCounts } from "../../../db/queries/text-analytics.js";
import type { TextModelSummary } from "../../../db/queries/text-models.js";

const round = (v: number | null, digits = 1) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export function presentShare(count: number, n: number) {
  const share = scoreShare(count, n);
  if (share.visibility === "hidden") return { count: null, value: null, interval: null };
  return { count, value: round(share.value), interval: share.interval && { lower: round(share.interval.lower)!, upper: round(share.interval.upper)! } };
}

export function presentSentiment(c: SentimentCounts) {
  const n = c.negative + c.neutral + c.positive;
  const visibility = visibilityOf(n);
  const net = scoreNet(c.positive, c.negative, n);
  const mean = n > 0 ? c.scoreSum / n : 0;
  const variance = n > 1 ? Math.max(0, (c.scoreSquares - n * mean * mean) / (n - 1)) : 0;
  const meanScore = scoreMeanSummary({ n, mean, variance });
  const hidden = visibility === "hidden";
  return {
    n,
    visibility,
    negative: presentShare(c.negative, n),
    neutral: presentShare(c.neutral, n),
    positive: presentShare(c.positive, n),
    net: hidden ? { value: null, interval: null } : { value: round(net.value), interval: net.interval && { lower: round(net.interval.lower)!, upper: round(net.interval.upper)! } },
    meanScore: hidden
      ? { value: null, interval: null }
      : { value: round(meanScore.value, 3), interval: meanScore.interval && { lower: round(meanScore.interval.lower, 3)!, upper: round(meanScore.interval.upper, 3)! } },
  };
}

/** Inferred emotions among n texts, most frequent first (codes with no text left out). */
export function presentEmotions(counts: Map<string, number>, n: number) {
  return emotionCodes
    .filter((code) => (counts.get(code) ?? 0) > 0)
    .map((code) => ({ code, count: counts.get(code) ?? 0 }))
    .sort((a, b) => b.count - a.count || emotionCodes.indexOf(a.code) - emotionCodes.indexOf(b.code))
    .map(({ code, count }) => {
      const share = presentShare(count, n);
      return { code: code as EmotionCode, inferred: true as const, count: share.count, share };
    });
}

const parse = <T>(json: string, fallback: T): T => {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

export interface TextRow {
  id: string;
  kind: string;
  response_id: string | null;
  at: number;
  source: string;
  touchpoint_id: string | null;
  journey_id: string | null;
  language: string | null;
  sentiment: string;
  sentiment_score: number;
  emotions: string;
  topics: string;
  key_phrases: string;
  highlights: string;
  model: string;
  comment: string | null;
  text: string | null;
  rating: number | null;
  rating_max: number | null;
  url: string | null;
}

export function presentText(row: TextRow): TextItemOut {
  const emotions = parse<Array<{ code: EmotionCode; score: number }>>(row.emotions, []);
  const topics = parse<Array<{ code: TextItemOut["topics"][number]["code"]; sentiment: number }>>(row.topics, []);
  return {
    id: row.id,
    kind: row.kind === "voice" ? "voice" : "response",
    responseId: row.response_id,
    text: row.comment ?? row.text ?? "",
    at: new Date(row.at).toISOString(),
    source: row.source,
    touchpointId: row.touchpoint_id,
    journeyId: row.journey_id,
    language: row.language,
    sentiment: { label: row.sentiment as TextItemOut["sentiment"]["label"], score: row.sentiment_score },
    emotions: emotions.map((e) => ({ code: e.code, score: e.score, inferred: true as const })),
    topics: topics.map((t) => ({ code: t.code, sentiment: t.sentiment })),
    keyPhrases: parse<string[]>(row.key_phrases, []),
    highlights: parse<TextItemOut["highlights"]>(row.highlights, []),
    rating: row.rating,
    ratingMax: row.rating_max,
    url: row.url,
    model: row.model,
  };
}

/** A ready model is the one in use for its scope (training a new one supersedes the old). */
export function presentModel(row: TextModelSummary) {
  const quality = row.quality ? (JSON.parse(row.quality) as { accuracy: number; macroF1: number; lexiconAccuracy?: number; lexiconMacroF1?: number }) : null;
  return {
    id: row.id,
    scope: row.scope,
    scopeId: row.scope_id,
    status: row.status,
    progress: row.progress,
    trainedOn: row.trained_on,
    heldBack: row.held_back,
    quality: quality && {
      accuracy: quality.accuracy,
      macroF1: quality.macroF1,
      ...(quality.lexiconAccuracy !== undefined ? { lexiconAccuracy: quality.lexiconAccuracy } : {}),
      ...(quality.lexiconMacroF1 !== undefined ? { lexiconMacroF1: quality.lexiconMacroF1 } : {}),
    },
    inUse: row.status === "ready",
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
  };
}
