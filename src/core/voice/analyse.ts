// From core/text's analysis to what is stored for one text: the fields of a text_analyses row, its
// topics and inferred emotions, and the highlight spans. Also the analyser's version, so that stale
// analyses are found after the analyser changes, and the training examples a form response gives.
import { sha256Hex } from "../forms/sha256.js";
import { analyseText, labelFromSentimentScore, type TextAnalysis, type TextExample, type TextModel } from "../text/index.js";
import { emotionCodes, valenceOf, type EmotionCode } from "../emotions.js";

/**
 * Bumped by hand when the analyser changes in a way the probes below might not show. The stored
 * version is this plus a fingerprint of the analyser's output on the probes, so that any change to the
 * lexicons or scoring that changes a probe's result makes every stored analysis stale on its own.
 */
export const analyserRevision = 1;

const probes = [
  "no estaba limpio pero el personal fue excelente",
  "El envío llegó tarde y el paquete venía roto, qué decepción",
  "Precio justo, atención rápida y muy amable 😊",
  "Nunca llegó el pedido y nadie responde. Estafa.",
  "La web no funciona, imposible pagar con tarjeta",
  "The staff was great but the room was dirty",
  "Waited 40 minutes for a refund, never again!!!",
  "Love the packaging, fast delivery, thanks :)",
  "O atendimento foi ótimo, mas a entrega demorou demais",
  "Produto de qualidade, recomendo muito",
  "no está mal, aunque un poco caro",
  "ok",
  "",
];

let cachedVersion: string | null = null;

/** The analyser's version: `r<revision>-<fingerprint>`. */
export function analyserVersion(): string {
  if (cachedVersion) return cachedVersion;
  const outputs = probes.map((probe) => {
    const a = analyseText(probe);
    return [a.language, a.sentiment, a.emotions, a.topics.map((t) => [t.code, t.score, t.sentiment]), a.keyPhrases];
  });
  cachedVersion = `r${analyserRevision}-${sha256Hex(JSON.stringify(outputs)).slice(0, 10)}`;
  return cachedVersion;
}

export interface Highlight {
  start: number;
  end: number;
  kind: TextAnalysis["terms"][number]["kind"];
  code?: string;
}

/** The most highlight spans kept per text. */
export const maxHighlights = 200;

export interface StoredAnalysis {
  language: string | null;
  sentiment: string;
  sentimentScore: number;
  emotions: Array<{ code: EmotionCode; score: number }>;
  topics: Array<{ code: string; score: number; sentiment: number; matches: Array<{ start: number; end: number }> }>;
  keyPhrases: string[];
  highlights: Highlight[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Analyses a text (with the organisation's learned model when given) and shapes it for storage. */
export function analyseForStorage(text: string, options: { model?: TextModel | undefined; language?: "es" | "en" | "pt" | undefined } = {}): StoredAnalysis {
  const a = analyseText(text, { ...(options.model ? { model: options.model } : {}), ...(options.language ? { language: options.language } : {}) });
  return {
    language: a.language,
    sentiment: a.sentiment.label,
    sentimentScore: round(a.sentiment.score),
    emotions: a.emotions.map((e) => ({ code: e.code, score: round(e.score) })),
    topics: a.topics.map((t) => ({ code: t.code, score: round(t.score), sentiment: round(t.sentiment), matches: t.matches.map((m) => ({ start: m.start, end: m.end })) })),
    keyPhrases: a.keyPhrases,
    highlights: a.terms.slice(0, maxHighlights).map((term) => ({ start: term.start, end: term.end, kind: term.kind, ...(term.code ? { code: term.code } : {}) })),
  };
}

/** The label of an aspect's sentiment score (the same cut as the learned model's training labels). */
export function topicSentimentLabel(score: number): "negative" | "neutral" | "positive" {
  return labelFromSentimentScore(score);
}

export interface AnsweredResponse {
  comment: string | null;
  emotion: string | null;
  emotion_2: string | null;
  intensity: number | null;
  csat: number | null;
  nps: number | null;
}

const isEmotion = (code: string | null): code is EmotionCode => code !== null && (emotionCodes as readonly string[]).includes(code);

/**
 * The training example a form response gives, or null when it carries no label of the customer's own.
 * Sentiment score, first found: the emotional valence of the chosen emotion(s) (METHOD.md §3, EV = v·w,
 * w = intensity/3, 2/3 when the intensity is missing); else CSAT ((csat − 3)/2); else NPS (promoters 9–10
 * +1, passives 7–8 0, detractors 0–6 from −1 to −0.5). Emotions: the customer's own codes.
 */
export function trainingExampleOf(response: AnsweredResponse): TextExample | null {
  const text = response.comment?.trim();
  if (!text) return null;
  const codes = [response.emotion, response.emotion_2].filter(isEmotion);
  let score: number | null = null;
  if (codes.length > 0) {
    const w = response.intensity !== null && response.intensity >= 1 && response.intensity <= 3 ? response.intensity / 3 : 2 / 3;
    score = codes.reduce((sum, code) => sum + valenceOf(code) * w, 0) / codes.length;
  } else if (response.csat !== null) {
    score = (response.csat - 3) / 2;
  } else if (response.nps !== null) {
    score = response.nps >= 9 ? 1 : response.nps >= 7 ? 0 : -1 + response.nps / 12;
  }
  if (score === null) return null;
  return { text, score, ...(codes.length > 0 ? { emotion: codes } : {}) };
}
