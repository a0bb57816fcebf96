// The rule-based pass: walks the tokens once, applying hand-written lexicons with negation scope,
// intensifiers, diminishers, "pero"/"but" clauses, emoji and emoticons. Pure and deterministic.

import type { EmotionCode, MatchedTerm, TextLanguage, TopicCode } from "./types.js";
import { emotionValence } from "./types.js";
import type { CompiledLexicon, Entry } from "./lexicon.js";
import { compileLexicon, lookupPhrase, lookupWord } from "./lexicon.js";
import { lexiconEs } from "./lexicon-es.js";
import { lexiconEn } from "./lexicon-en.js";
import { lexiconPt } from "./lexicon-pt.js";
import { emojiLexicon } from "./lexicon-emoji.js";
import type { Token } from "./tokenise.js";
import { languageVotes } from "./detect-language.js";

/** Tunable constants of the rule pass; defaults chosen on the *_train/*_dev files (see docs/text-analysis.md). */
export const lexiconSettings = {
  negationScope: 3,
  /** A negated positive turns into this share of its opposite ("no es bueno"). */
  negatePositive: -0.75,
  /** A negated negative softens into a mild positive ("no está mal"). */
  negateNegative: -0.45,
  /** Negated "arrived", "works", "answered": a complaint. */
  negatedExpectation: -1.5,
  intensifier: 1.5,
  diminisher: 0.6,
  shout: 1.3,
  emphatic: 1.15,
  /** Before and after "pero"/"but", in the same sentence. */
  beforeContrast: 0.5,
  afterContrast: 1.4,
  concessive: 0.6,
  /** Negative words weigh a bit more: people soften complaints. */
  negativityBias: 1.25,
  /** Positive words in a question ("is it any good?") count this much. */
  questionPraise: 0.5,
  /** Votes for Spanish or Portuguese an English text needs before words are looked up in their lists. */
  borrowEvidence: 1,
  /** Damping of score = (P − N) / (P + N + damping). */
  damping: 1,
};

export interface Contribution {
  value: number;
  tokenIndex: number;
  sentence: number;
  clause: number;
}

export interface TopicHit {
  code: TopicCode;
  start: number;
  end: number;
  tokenIndex: number;
  clause: number;
}

export interface LexiconPass {
  positive: number;
  negative: number;
  /** −1…+1 */
  score: number;
  contributions: Contribution[];
  emotionMass: Map<EmotionCode, number>;
  topicHits: TopicHit[];
  terms: MatchedTerm[];
  /** Word tokens inside a negation scope, for the learned model's features. */
  negatedTokens: Set<number>;
  wordCount: number;
}

const lexicons: Record<TextLanguage, CompiledLexicon> = {
  es: compileLexicon(lexiconEs),
  en: compileLexicon(lexiconEn),
  pt: compileLexicon(lexiconPt),
};
const fallbackOrder: Record<TextLanguage, TextLanguage[]> = { es: ["pt", "en"], en: ["es", "pt"], pt: ["es", "en"] };

/**
 * Weight of opinion words inside a camel-case hashtag ("#NotHappy"). In the Spanish and Portuguese tweets we
 * measured, such hashtags were mostly names of shows ("#DomingoLegal") and counting them hurt.
 */
const hashtagWeight: Record<TextLanguage, number> = { es: 0.5, en: 1, pt: 0 };

const dualIntensifiers = new Set(["bien", "pretty", "real", "bem", "super"]);

export function getLexicon(language: TextLanguage): CompiledLexicon {
  return lexicons[language];
}

function isSentenceEnd(norm: string): boolean {
  return norm.includes(".") || norm.includes("!") || norm.includes("?") || norm.includes("…");
}

/**
 * Runs the lexicon pass over tokens in one language (words missing there are tried in the other two).
 * `votes`: languageVotes(tokens), when the caller already has them.
 */
export function scoreLexicon(tokens: readonly Token[], language: TextLanguage | null, votes?: readonly number[]): LexiconPass {
  const s = lexiconSettings;
  const lang = language ?? "es";
  const primary = lexicons[lang];
  // English text borrows from the Spanish and Portuguese lists only when it shows some of that language:
  // otherwise names and English words that look Spanish ("Victor", "real", "top") would count.
  let fallbackLanguages = fallbackOrder[lang];
  if (lang === "en") {
    const evidence = votes ?? languageVotes(tokens);
    fallbackLanguages = fallbackLanguages.filter((l) => evidence[l === "es" ? 0 : 2]! >= s.borrowEvidence);
  }
  const fallbacks = fallbackLanguages.map((l) => lexicons[l]);
  // "The Food Was Great": in a text written in title case, capitals do not mark names.
  let titleCased = false;
  if (lang === "en") {
    let words = 0;
    let capitals = 0;
    for (const t of tokens) {
      if (t.kind !== "word") continue;
      words++;
      if (t.capital || t.shout) capitals++;
    }
    titleCased = words >= 3 && capitals > words * 0.6;
  }
  const norms = tokens.map((t) => t.norm);

  const contributions: Contribution[] = [];
  const contrastMarks: Array<{ sentence: number; at: number }> = [];
  const emotionMass = new Map<EmotionCode, number>();
  const topicHits: TopicHit[] = [];
  const terms: MatchedTerm[] = [];
  const negatedTokens = new Set<number>();
  /** Sentences that end in a question mark (and no "!"). */
  const questions = new Set<number>();
  let negLeft = 0;
  let intensity = 1;
  let intensityLeft = 0;
  let sentence = 0;
  let clause = 0;
  let concessive = false;
  let wordCount = 0;

  const nextIsOpinion = (i: number): boolean => {
    const next = tokens[i + 1];
    if (!next || next.kind !== "word") return false;
    const e = lookupWord(primary, next.norm);
    return e !== null && e.valence !== undefined && e.role === undefined;
  };
  const addEmotion = (code: EmotionCode, mass: number): void => {
    emotionMass.set(code, (emotionMass.get(code) ?? 0) + mass);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "break") {
      if (t.norm.includes("?") && !t.norm.includes("!")) questions.add(sentence);
      if (isSentenceEnd(t.norm)) sentence++;
      clause++;
      negLeft = 0;
      intensityLeft = 0;
      concessive = false;
      continue;
    }
    if (t.kind === "emoji" || t.kind === "emoticon") {
      const e = emojiLexicon.get(t.norm) ?? (t.kind === "emoji" ? emojiLexicon.get(String.fromCodePoint(t.norm.codePointAt(0)!)) : undefined);
      if (!e) continue;
      if (e.valence !== 0) {
        contributions.push({ value: e.valence, tokenIndex: i, sentence, clause });
        terms.push({ start: t.start, end: t.end, kind: e.valence > 0 ? "positive" : "negative", weight: e.valence });
      }
      if (e.emotion) addEmotion(e.emotion, Math.max(1, Math.abs(e.valence)));
      continue;
    }
    if (t.kind !== "word") continue;
    wordCount++;

    let entry: Entry | null = null;
    let length = 1;
    const phrase = lookupPhrase(primary, norms, i);
    if (phrase) {
      entry = phrase.entry;
      length = phrase.length;
    } else {
      entry = lookupWord(primary, t.norm);
      if (!entry && t.alt) entry = lookupWord(primary, t.alt);
      if (!entry && !primary.stopwords.has(t.norm) && t.norm.length > 2) {
        for (const fb of fallbacks) {
          const p = lookupPhrase(fb, norms, i);
          if (p) {
            entry = p.entry;
            length = p.length;
            break;
          }
          entry = lookupWord(fb, t.norm);
          if (entry) break;
        }
      }
    }
    const last = tokens[i + length - 1]!;
    const start = t.start;
    const end = last.end;
    const inNegation = negLeft > 0;
    if (inNegation) negatedTokens.add(i);
    if (length > 1) {
      wordCount += length - 1;
      i += length - 1;
    }
    // "think", "seem", "say" (negation raising) let a negation reach past them.
    const transparent = primary.transparent.has(t.norm) && (!entry || (entry.valence === undefined && entry.role === undefined));
    if (!entry) {
      if (!transparent) negLeft--;
      intensityLeft--;
      continue;
    }
    if (entry.role === "negator") {
      terms.push({ start, end, kind: "negator" });
      negLeft = s.negationScope;
      continue;
    }
    // "bien chafa", "pretty bad": an opinion word that intensifies the opinion word right after it.
    const asIntensifier = entry.valence !== undefined && length === 1 && dualIntensifiers.has(t.norm) && nextIsOpinion(i);
    if (entry.role === "intensifier" || entry.role === "diminisher" || asIntensifier) {
      const up = entry.role !== "diminisher";
      terms.push({ start, end, kind: up ? "intensifier" : "diminisher" });
      intensity = up ? s.intensifier * (t.shout ? 1.2 : 1) : s.diminisher;
      intensityLeft = 2;
      negLeft--;
      continue;
    }
    if (entry.role === "contrast") {
      terms.push({ start, end, kind: "contrast" });
      contrastMarks.push({ sentence, at: contributions.length });
      negLeft = 0;
      intensityLeft = 0;
      concessive = false;
      clause++;
      continue;
    }
    if (entry.role === "concessive") {
      terms.push({ start, end, kind: "contrast" });
      concessive = true;
      negLeft = 0;
      clause++;
      continue;
    }
    if (entry.topics) {
      for (const code of entry.topics) {
        topicHits.push({ code, start, end, tokenIndex: i, clause });
        terms.push({ start, end, kind: "topic", code });
      }
    }
    let v = entry.valence ?? 0;
    if (v !== 0 && lang === "en" && t.capital && !titleCased && inName(tokens, i, length)) v = 0;
    if (entry.expectation && v === 0 && inNegation) v = s.negatedExpectation / s.negatePositive;
    if (v !== 0) {
      let mult = intensityLeft > 0 ? intensity : 1;
      if (t.shout) mult *= s.shout;
      if (last.emphatic || t.emphatic) mult *= s.emphatic;
      v *= mult;
      if (t.hashtag) v *= hashtagWeight[lang];
      if (inNegation) v = v > 0 ? v * s.negatePositive : v * s.negateNegative;
      if (concessive) v *= s.concessive;
      contributions.push({ value: v, tokenIndex: i - length + 1, sentence, clause });
      terms.push({ start, end, kind: v > 0 ? "positive" : "negative", weight: round(v), ...(inNegation ? { negated: true } : {}) });
    }
    if (entry.emotions) {
      const mass = Math.abs(entry.valence ?? 1.5) * (intensityLeft > 0 ? intensity : 1) * (t.hashtag ? hashtagWeight[lang] : 1);
      for (const code of entry.emotions) {
        if (inNegation) {
          // "no estoy contento": not joy but a letdown; "no tengo miedo": no emotion.
          if (emotionValence[code] > 0) addEmotion("disappointment", mass * 0.5);
          continue;
        }
        addEmotion(code, mass);
        terms.push({ start, end, kind: "emotion", code });
      }
    }
    if (!transparent) negLeft--;
    intensityLeft--;
  }

  // "X pero Y": within the sentence, what precedes weighs less and what follows more.
  for (const mark of contrastMarks) {
    for (let k = 0; k < contributions.length; k++) {
      const c = contributions[k]!;
      if (c.sentence !== mark.sentence) continue;
      c.value *= k < mark.at ? s.beforeContrast : s.afterContrast;
    }
  }

  // "Is the room clean?": praise asked about is not praise given.
  if (questions.size > 0) {
    for (const c of contributions) if (c.value > 0 && questions.has(c.sentence)) c.value *= s.questionPraise;
  }
  let positive = 0;
  let negative = 0;
  for (const c of contributions) {
    if (c.value > 0) positive += c.value;
    else negative -= c.value * s.negativityBias;
  }
  const score = (positive - negative) / (positive + negative + s.damping);
  return { positive, negative, score, contributions, emotionMass, topicHits, terms, negatedTokens, wordCount };
}

/**
 * In English, capitalised words next to each other mid-sentence are names ("Foo Fighters", "Bad Blood",
 * "Grateful Dead"), not opinions. The first word of a sentence does not count as capitalised.
 */
function inName(tokens: readonly Token[], i: number, length: number): boolean {
  const capitalised = (k: number): boolean => {
    const t = tokens[k];
    if (!t || t.kind !== "word" || !t.capital) return false;
    const before = tokens[k - 1];
    return before !== undefined && before.kind !== "mention" && !(before.kind === "break" && isSentenceEnd(before.norm));
  };
  if (!capitalised(i)) return false;
  return capitalised(i - 1) || capitalised(i + length);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
