// analyseText: language, sentiment, inferred emotions, CX topics and key phrases of one comment
// (METHOD.md §7). Offline, pure and deterministic; optionally blended with a learned model.

import type { EmotionCode, SentimentLabel, TextAnalysis, TextLanguage, TopicCode, TopicResult } from "./types.js";
import { emotionCodes } from "./types.js";
import { tokenise } from "./tokenise.js";
import type { Token } from "./tokenise.js";
import { languageFromVotes, languageVotes } from "./detect-language.js";
import type { LexiconPass } from "./score-lexicon.js";
import { getLexicon, scoreLexicon } from "./score-lexicon.js";
import type { TextModel } from "./text-model.js";
import { predictWithModel } from "./text-model.js";

export interface AnalyseOptions {
  /** Skip detection when the language is known (e.g. the form's language). */
  language?: TextLanguage;
  /** A model from trainTextModel, blended with the lexicon. */
  model?: TextModel;
  /** Texts longer than this (UTF-16 units) are analysed up to it. Default 200,000. */
  maxLength?: number;
}

/** Neutral band of the lexicon score per language: below `negative` → negative, above `positive` → positive. */
export const sentimentThresholds: Record<TextLanguage, { negative: number; positive: number }> = {
  es: { negative: -0.1, positive: 0.6 },
  en: { negative: -0.05, positive: 0.55 },
  pt: { negative: -0.05, positive: 0.1 },
};

/** Emotions weaker than this are not reported. */
export const emotionFloor = 0.3;

export function labelFromScore(score: number, language: TextLanguage | null): SentimentLabel {
  const t = sentimentThresholds[language ?? "es"];
  return score <= t.negative ? "negative" : score >= t.positive ? "positive" : "neutral";
}

/**
 * Analyses one text. Empty or symbol-only text comes out neutral, with no language, emotions or topics.
 */
export function analyseText(text: string, options: AnalyseOptions = {}): TextAnalysis {
  const limit = options.maxLength ?? 200_000;
  const input = text.length > limit ? text.slice(0, limit) : text;
  const tokens = tokenise(input);
  const votes = languageVotes(tokens);
  const language = options.language ?? languageFromVotes(votes);
  const pass = scoreLexicon(tokens, language, votes);

  let score = pass.score;
  let label = labelFromScore(score, language);
  let emotions = scoreEmotions(pass);
  let mode: TextAnalysis["mode"] = "lexicon";
  if (options.model && pass.wordCount > 0) {
    const prediction = predictWithModel(options.model, tokens, pass, language);
    score = prediction.score;
    label = prediction.label;
    if (prediction.emotions) emotions = blendEmotions(emotions, prediction.emotions);
    mode = "blended";
  }

  return {
    language,
    sentiment: { label, score: round(score) },
    emotions,
    topics: findTopics(pass),
    keyPhrases: findKeyPhrases(input, tokens, pass, language),
    terms: pass.terms,
    mode,
  };
}

function scoreEmotions(pass: LexiconPass): Array<{ code: EmotionCode; score: number }> {
  const out: Array<{ code: EmotionCode; score: number }> = [];
  for (const [code, mass] of pass.emotionMass) {
    const score = 1 - Math.exp(-mass / 3);
    if (score >= emotionFloor) out.push({ code, score: round(score) });
  }
  return out.sort((a, b) => b.score - a.score || emotionCodes.indexOf(a.code) - emotionCodes.indexOf(b.code)).slice(0, 3);
}

function blendEmotions(
  lexicon: Array<{ code: EmotionCode; score: number }>,
  model: ReadonlyMap<EmotionCode, number>,
): Array<{ code: EmotionCode; score: number }> {
  const merged = new Map<EmotionCode, number>();
  for (const [code, p] of model) merged.set(code, 0.6 * p);
  for (const e of lexicon) merged.set(e.code, (merged.get(e.code) ?? 0) + 0.4 * e.score);
  return [...merged]
    .filter(([, s]) => s >= emotionFloor)
    .map(([code, s]) => ({ code, score: round(s) }))
    .sort((a, b) => b.score - a.score || emotionCodes.indexOf(a.code) - emotionCodes.indexOf(b.code))
    .slice(0, 3);
}

function findTopics(pass: LexiconPass): TopicResult[] {
  const byCode = new Map<TopicCode, { count: number; clauses: Set<number>; matches: Array<{ start: number; end: number }> }>();
  for (const hit of pass.topicHits) {
    const t = byCode.get(hit.code) ?? { count: 0, clauses: new Set<number>(), matches: [] };
    t.count++;
    t.clauses.add(hit.clause);
    t.matches.push({ start: hit.start, end: hit.end });
    byCode.set(hit.code, t);
  }
  const topics: TopicResult[] = [];
  for (const [code, t] of byCode) {
    let sum = 0;
    for (const c of pass.contributions) if (t.clauses.has(c.clause)) sum += c.value;
    topics.push({
      code,
      score: round(1 - Math.exp(-0.8 * t.count)),
      sentiment: round(sum / (Math.abs(sum) + 2)),
      matches: t.matches,
    });
  }
  if (topics.length === 0 && pass.wordCount >= 3) {
    topics.push({ code: "other", score: 1, sentiment: round(pass.score), matches: [] });
  }
  return topics.sort((a, b) => b.score - a.score || (a.matches[0]?.start ?? 0) - (b.matches[0]?.start ?? 0));
}

const maxKeyPhrases = 5;

/** Short phrases pairing a topic word with the opinion next to it ("personal muy amable"), else strong opinions. */
function findKeyPhrases(text: string, tokens: readonly Token[], pass: LexiconPass, language: TextLanguage | null): string[] {
  const stop = getLexicon(language ?? "es").stopwords;
  const candidates: Array<{ from: number; to: number; weight: number }> = [];
  const used = new Set<number>();
  const byClause = new Map<number, LexiconPass["contributions"]>();
  for (const c of pass.contributions) {
    const list = byClause.get(c.clause);
    if (list) list.push(c);
    else byClause.set(c.clause, [c]);
  }
  const termStarts = new Set(pass.terms.map((t) => t.start));
  const negatorStarts = new Set(pass.terms.filter((t) => t.kind === "negator").map((t) => t.start));
  for (const hit of pass.topicHits) {
    let best: { tokenIndex: number; value: number } | null = null;
    for (const c of byClause.get(hit.clause) ?? []) {
      if (Math.abs(c.tokenIndex - hit.tokenIndex) > 3 || c.tokenIndex === hit.tokenIndex) continue;
      if (!best || Math.abs(c.value) > Math.abs(best.value)) best = c;
    }
    if (best) {
      used.add(best.tokenIndex);
      candidates.push({ from: Math.min(hit.tokenIndex, best.tokenIndex), to: Math.max(hit.tokenIndex, best.tokenIndex), weight: Math.abs(best.value) + 1 });
    } else {
      candidates.push({ from: hit.tokenIndex, to: hit.tokenIndex, weight: 0.5 });
    }
  }
  for (const c of pass.contributions) {
    if (used.has(c.tokenIndex) || Math.abs(c.value) < 2 || tokens[c.tokenIndex]?.kind !== "word") continue;
    candidates.push({ from: c.tokenIndex, to: c.tokenIndex, weight: Math.abs(c.value) * 0.5 });
  }
  candidates.sort((a, b) => b.weight - a.weight || a.from - b.from);
  const phrases: string[] = [];
  const seen = new Set<string>();
  const taken: Array<[number, number]> = [];
  for (const c of candidates) {
    let from = c.from;
    // Take in the negator whose scope reaches the opinion ("no estaba limpio").
    for (let k = 1; k <= 3; k++) {
      const prev = tokens[from - k];
      if (!prev || prev.kind !== "word") break;
      if (negatorStarts.has(prev.start)) {
        from -= k;
        break;
      }
    }
    // Take in the negator or intensifier just before ("no limpio", "muy amable").
    for (let k = 1; k <= 2; k++) {
      const prev = tokens[from - 1];
      if (!prev || prev.kind !== "word" || !termStarts.has(prev.start)) break;
      from--;
    }
    let to = c.to;
    while (to > from && tokens[to]?.kind === "word" && stop.has(tokens[to]!.norm)) to--;
    const first = tokens[from];
    const lastToken = tokens[to];
    if (!first || !lastToken) continue;
    const phrase = text.slice(first.start, lastToken.end).replace(/\s+/g, " ").trim().toLowerCase();
    if (phrase.length < 3 || phrase.length > 60 || seen.has(phrase)) continue;
    if (taken.some(([a, b]) => from <= b && to >= a)) continue;
    taken.push([from, to]);
    seen.add(phrase);
    phrases.push(phrase);
    if (phrases.length >= maxKeyPhrases) break;
  }
  return phrases;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
