// The vocabulary of text analysis (METHOD.md §7): what analyseText returns and the codes it uses.
// Shared by the analyser, the learned model and, later, the server and dashboards.

export const textLanguages = ["es", "en", "pt"] as const;
export type TextLanguage = (typeof textLanguages)[number];

export const sentimentLabels = ["negative", "neutral", "positive"] as const;
export type SentimentLabel = (typeof sentimentLabels)[number];

// The emotion codes and their valence are METHOD.md §2's, defined once in core/emotions.ts.
import { emotionCodes, valenceOf, type EmotionCode } from "../emotions.js";
export { emotionCodes, type EmotionCode };

/** Valence of each emotion code (METHOD.md §2). */
export const emotionValence: Record<EmotionCode, -1 | 0 | 1> = Object.fromEntries(
  emotionCodes.map((code) => [code, valenceOf(code)]),
) as Record<EmotionCode, -1 | 0 | 1>;

/** CX aspects (METHOD.md §7). `other` marks a comment with content but no known aspect. */
export const topicCodes = [
  "price",
  "delivery",
  "staff",
  "product_quality",
  "website_app",
  "waiting_time",
  "returns",
  "billing",
  "packaging",
  "communication",
  "cleanliness",
  "other",
] as const;
export type TopicCode = (typeof topicCodes)[number];

/** A half-open range of UTF-16 offsets into the analysed text: text.slice(start, end). */
export interface Span {
  start: number;
  end: number;
}

export type TermKind = "positive" | "negative" | "negator" | "intensifier" | "diminisher" | "contrast" | "emotion" | "topic";

/** A matched word or phrase, for highlighting. */
export interface MatchedTerm extends Span {
  kind: TermKind;
  /** Topic code for `topic`, emotion code for `emotion`. */
  code?: TopicCode | EmotionCode;
  /** Contribution to the sentiment after negation and intensity, for `positive`/`negative`. */
  weight?: number;
  /** True when a negator in scope flipped this term. */
  negated?: boolean;
}

export interface TopicResult {
  code: TopicCode;
  /** Relevance 0…1 (more and earlier mentions score higher). */
  score: number;
  /** Sentiment −1…+1 of the clauses that mention the topic (aspect sentiment). */
  sentiment: number;
  matches: Span[];
}

export interface TextAnalysis {
  language: TextLanguage | null;
  sentiment: { label: SentimentLabel; score: number };
  emotions: Array<{ code: EmotionCode; score: number }>;
  topics: TopicResult[];
  keyPhrases: string[];
  terms: MatchedTerm[];
  /** `lexicon` alone, or `blended` with a learned model. */
  mode: "lexicon" | "blended";
}
