// Compiles the hand-written word lists (lexicon-es/en/pt/emoji) into lookup tables.
// Lists are plain text so linguists can edit them: "2: bueno buen* vale_la_pena" means the exact
// word "bueno", any word starting with "buen" and the phrase "vale la pena" have valence +2.

import type { EmotionCode, TextLanguage, TopicCode } from "./types.js";
import { emotionCodes, topicCodes } from "./types.js";
import { foldText } from "./tokenise.js";

export type Role = "negator" | "intensifier" | "diminisher" | "contrast" | "concessive";

export interface Entry {
  valence?: number;
  emotions?: EmotionCode[];
  topics?: TopicCode[];
  role?: Role;
  /** An action the customer expects ("arrive", "work", "answer"): negated it is a complaint. */
  expectation?: boolean;
}

/** The hand-written source of one language: whitespace-separated terms, `*` for a prefix, `_` joins a phrase. */
export interface LexiconSource {
  /** Lines "valence: terms". */
  sentiment: string;
  /** Lines "emotion_code: terms". */
  emotions: string;
  /** Lines "topic_code: terms". */
  topics: string;
  negators: string;
  intensifiers: string;
  diminishers: string;
  /** "pero", "but": what comes after outweighs what came before. */
  contrast: string;
  /** "aunque", "although": the clause they open weighs less. */
  concessive: string;
  expectations: string;
  /** Function words, for key phrases. */
  stopwords: string;
  /**
   * Inflections tried when a word is not listed, as "ending>replacement" ("iest>y": "happiest" → "happy";
   * "est>": "cutest"… "ing>e": "hating" → "hate"). Only exact entries match a stripped form.
   */
  suffixes?: string;
  /**
   * Verbs a negation passes through to the opinion it denies ("I don't think it's good", "can't say I was
   * impressed"): they do not use up the negation's scope.
   */
  negationRaising?: string;
}

interface Phrase {
  rest: string[];
  entry: Entry;
}

export interface CompiledLexicon {
  exact: Map<string, Entry>;
  prefix: Map<string, Entry>;
  maxPrefix: number;
  phrases: Map<string, Phrase[]>;
  stopwords: Set<string>;
  /** Words that do not use up a negation's scope (see LexiconSource.negationRaising). */
  transparent: Set<string>;
  /** Inflections to strip, longest ending first: [ending, replacement]. */
  suffixes: Array<[string, string]>;
  /** Memo of lookups: vocabulary repeats, so this makes analysis several times faster. */
  memo: Map<string, Entry | null>;
}

const defaultEmotionValence: Record<EmotionCode, number> = {
  joy: 2,
  calm: 1.5,
  pleasant_surprise: 1.5,
  excitement: 2,
  affection: 2,
  indifference: -0.5,
  frustration: -2,
  anger: -2.5,
  disappointment: -2,
  worry: -1.5,
  distrust: -2,
};

/** Whitespace-separated terms; "// …" to the end of a line is a comment. */
function terms(list: string): string[] {
  return list
    .replace(/(^|\s)\/\/[^\n]*/g, " ")
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

function merge(into: Entry, from: Entry): void {
  if (from.valence !== undefined && into.valence === undefined) into.valence = from.valence;
  if (from.role !== undefined && into.role === undefined) into.role = from.role;
  if (from.expectation) into.expectation = true;
  if (from.emotions) into.emotions = [...new Set([...(into.emotions ?? []), ...from.emotions])];
  if (from.topics) into.topics = [...new Set([...(into.topics ?? []), ...from.topics])];
}

/** Parses "key: terms" lines; lines without a key are continuations of the previous one. */
function keyedLines(block: string): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  for (const line of block.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("//")) continue;
    const m = /^([a-z_0-9.+-]+):\s*(.*)$/.exec(trimmed);
    if (m) out.push([m[1]!, terms(m[2]!)]);
    else if (out.length > 0) out[out.length - 1]![1].push(...terms(trimmed));
    else throw new Error(`lexicon line without a key: ${trimmed}`);
  }
  return out;
}

export function compileLexicon(source: LexiconSource): CompiledLexicon {
  const lex: CompiledLexicon = {
    exact: new Map(),
    prefix: new Map(),
    maxPrefix: 0,
    phrases: new Map(),
    stopwords: new Set(terms(foldText(source.stopwords))),
    transparent: new Set(terms(foldText(source.negationRaising ?? ""))),
    suffixes: terms(source.suffixes ?? "")
      .map((t): [string, string] => {
        const [ending, replacement] = t.split(">");
        return [ending!, replacement ?? ""];
      })
      .sort((a, b) => b[0].length - a[0].length),
    memo: new Map(),
  };
  const add = (term: string, entry: Entry): void => {
    const folded = foldText(term);
    if (folded.includes("_")) {
      const words = folded.split("_").filter(Boolean);
      const first = words[0]!;
      const list = lex.phrases.get(first) ?? [];
      const rest = words.slice(1);
      const existing = list.find((p) => p.rest.join(" ") === rest.join(" "));
      if (existing) merge(existing.entry, entry);
      else list.push({ rest, entry: { ...entry } });
      list.sort((a, b) => b.rest.length - a.rest.length);
      lex.phrases.set(first, list);
      return;
    }
    const isPrefix = folded.endsWith("*");
    const key = isPrefix ? folded.slice(0, -1) : folded;
    const map = isPrefix ? lex.prefix : lex.exact;
    if (isPrefix) lex.maxPrefix = Math.max(lex.maxPrefix, key.length);
    const current = map.get(key);
    if (current) merge(current, entry);
    else map.set(key, { ...entry });
  };
  // Roles first: a word that is a negator keeps that role even if listed elsewhere.
  for (const t of terms(source.negators)) add(t, { role: "negator" });
  for (const t of terms(source.contrast)) add(t, { role: "contrast" });
  for (const t of terms(source.concessive)) add(t, { role: "concessive" });
  for (const t of terms(source.intensifiers)) add(t, { role: "intensifier" });
  for (const t of terms(source.diminishers)) add(t, { role: "diminisher" });
  for (const t of terms(source.expectations)) add(t, { expectation: true });
  for (const [key, list] of keyedLines(source.sentiment)) {
    const valence = Number(key);
    if (!Number.isFinite(valence)) throw new Error(`bad valence ${key}`);
    for (const t of list) add(t, { valence });
  }
  for (const [key, list] of keyedLines(source.emotions)) {
    if (!(emotionCodes as readonly string[]).includes(key)) throw new Error(`unknown emotion ${key}`);
    const code = key as EmotionCode;
    for (const t of list) add(t, { emotions: [code] });
  }
  for (const [key, list] of keyedLines(source.topics)) {
    if (!(topicCodes as readonly string[]).includes(key)) throw new Error(`unknown topic ${key}`);
    for (const t of list) add(t, { topics: [key as TopicCode] });
  }
  // Emotion words not listed for sentiment take their emotion's valence.
  const fill = (e: Entry): void => {
    if (e.valence === undefined && e.emotions && e.emotions.length > 0 && e.role === undefined) {
      e.valence = defaultEmotionValence[e.emotions[0]!];
    }
  };
  for (const e of lex.exact.values()) fill(e);
  for (const e of lex.prefix.values()) fill(e);
  for (const list of lex.phrases.values()) for (const p of list) fill(p.entry);
  return lex;
}

const memoLimit = 200_000;

/** Looks a normalised word up: the exact entry merged with the longest matching prefix entry. */
export function lookupWord(lex: CompiledLexicon, word: string): Entry | null {
  const cached = lex.memo.get(word);
  if (cached !== undefined) return cached;
  const exact = lex.exact.get(word);
  let pre: Entry | undefined;
  for (let len = Math.min(word.length, lex.maxPrefix); len >= 3; len--) {
    pre = lex.prefix.get(len === word.length ? word : word.slice(0, len));
    if (pre) break;
  }
  let result: Entry | null;
  if (exact && pre) {
    result = { ...exact };
    // An exact sentiment entry overrides a prefix's; topics and emotions add up.
    merge(result, pre);
  } else result = exact ?? pre ?? null;
  if (result === null && lex.suffixes.length > 0) result = lookupInflected(lex, word);
  if (lex.memo.size >= memoLimit) lex.memo.clear();
  lex.memo.set(word, result);
  return result;
}

/** "happiest" → "happy", "cutest" → "cute": the exact entry of a stripped form, if any. */
function lookupInflected(lex: CompiledLexicon, word: string): Entry | null {
  for (const [ending, replacement] of lex.suffixes) {
    if (word.length - ending.length < 3 || !word.endsWith(ending)) continue;
    const stem = word.slice(0, word.length - ending.length);
    const entry = lex.exact.get(stem + replacement) ?? (replacement === "" && stem.at(-1) === stem.at(-2) ? lex.exact.get(stem.slice(0, -1)) : undefined);
    if (entry && entry.role === undefined) return entry;
  }
  return null;
}

/** Finds the longest phrase starting at words[i]; returns its entry and the number of words it spans. */
export function lookupPhrase(lex: CompiledLexicon, words: readonly string[], i: number): { entry: Entry; length: number } | null {
  const list = lex.phrases.get(words[i]!);
  if (!list) return null;
  outer: for (const p of list) {
    for (let k = 0; k < p.rest.length; k++) {
      const w = words[i + 1 + k];
      if (w === undefined) continue outer;
      const want = p.rest[k]!;
      if (want.endsWith("*") ? !w.startsWith(want.slice(0, -1)) : w !== want) continue outer;
    }
    return { entry: p.entry, length: p.rest.length + 1 };
  }
  return null;
}

export type LexiconSet = Record<TextLanguage, CompiledLexicon>;
