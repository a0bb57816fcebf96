// A small learned model for a brand's own language: softmax regression on hashed words, word pairs,
// word prefixes and the lexicon's own scores, trained on comments labelled by the customers themselves.
// Deterministic (seeded shuffle, fixed epochs) and serialisable to a compact string.

import type { EmotionCode, SentimentLabel, TextLanguage } from "./types.js";
import { emotionCodes, sentimentLabels } from "./types.js";
import type { Token } from "./tokenise.js";
import { tokenise } from "./tokenise.js";
import { detectLanguageFromTokens } from "./detect-language.js";
import type { LexiconPass } from "./score-lexicon.js";
import { scoreLexicon } from "./score-lexicon.js";
import { scoreClassification } from "./metrics.js";
import type { ClassificationScores } from "./metrics.js";

export interface TextExample {
  text: string;
  /** The sentiment label; or give `score` (−1…+1) and it is derived with labelFromSentimentScore. */
  label?: SentimentLabel;
  score?: number;
  /** The customer's own emotion(s), METHOD.md §2 codes. */
  emotion?: EmotionCode | readonly EmotionCode[];
}

export interface TrainOptions {
  seed: number;
  epochs?: number;
  /** log2 of the hashed feature space. Default 18 (262,144 buckets). */
  bits?: number;
  learningRate?: number;
  /** Weigh classes inversely to their frequency so a rare class is not ignored. Default true. */
  balanceClasses?: boolean;
}

interface Head {
  classes: string[];
  weights: Float32Array; // bucket * classes.length + class
  bias: Float32Array;
  /** Weights are whole multiples of this (16-bit quantisation). */
  scale: number;
}

export interface TextModel {
  kind: "momentos-text-model";
  version: 1;
  bits: number;
  examples: number;
  sentiment: Head | null;
  emotions: Head | null;
}

export interface ModelPrediction {
  label: SentimentLabel;
  /** p(positive) − p(negative), −1…+1. */
  score: number;
  probabilities: Record<SentimentLabel, number>;
  emotions: Map<EmotionCode, number> | null;
}

/** Form answers to a label: a score ≤ −0.2 is negative, ≥ 0.2 positive, else neutral. */
export function labelFromSentimentScore(score: number): SentimentLabel {
  return score <= -0.2 ? "negative" : score >= 0.2 ? "positive" : "neutral";
}

// --- features -------------------------------------------------------------------------------------

function hash(s: string): number {
  // FNV-1a, 32 bit.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Features {
  index: Int32Array;
  value: Float32Array;
}

/** Hashed features of one text: words (marked when negated), word pairs, 5-letter prefixes, emoji, lexicon scores. */
function extractFeatures(tokens: readonly Token[], pass: LexiconPass, bits: number): Features {
  const mask = (1 << bits) - 1;
  const idx: number[] = [];
  const val: number[] = [];
  let prev = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "break") {
      prev = "";
      continue;
    }
    if (t.kind === "emoji" || t.kind === "emoticon") {
      idx.push(hash("e:" + t.norm) & mask);
      val.push(1);
      continue;
    }
    if (t.kind !== "word") continue;
    const w = pass.negatedTokens.has(i) ? "!" + t.norm : t.norm;
    idx.push(hash("w:" + w) & mask);
    val.push(1);
    if (t.norm.length > 5) {
      idx.push(hash("p:" + (w.length > t.norm.length ? "!" : "") + t.norm.slice(0, 5)) & mask);
      val.push(1);
    }
    if (prev) {
      idx.push(hash("b:" + prev + " " + t.norm) & mask);
      val.push(1);
    }
    prev = t.norm;
  }
  const n = idx.length;
  const norm = n > 0 ? 1 / Math.sqrt(n) : 1;
  for (let k = 0; k < n; k++) val[k] = val[k]! * norm;
  // The lexicon's view, so the model learns how far to trust it in this brand's language.
  idx.push(hash("lex:pos") & mask, hash("lex:neg") & mask, hash("lex:score") & mask, hash("lex:b" + Math.round(pass.score * 4)) & mask);
  val.push(Math.log1p(pass.positive) / 2, Math.log1p(pass.negative) / 2, pass.score, 1);
  return { index: Int32Array.from(idx), value: Float32Array.from(val) };
}

// --- training -------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const l of logits) if (l > max) max = l;
  let sum = 0;
  const out = new Float64Array(logits.length);
  for (let c = 0; c < logits.length; c++) {
    out[c] = Math.exp(logits[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < logits.length; c++) out[c] = out[c]! / sum;
  return out;
}

function logitsOf(head: Head, f: Features): Float64Array {
  const k = head.classes.length;
  const logits = new Float64Array(k);
  for (let c = 0; c < k; c++) logits[c] = head.bias[c]!;
  for (let j = 0; j < f.index.length; j++) {
    const base = f.index[j]! * k;
    const x = f.value[j]!;
    for (let c = 0; c < k; c++) logits[c] = logits[c]! + head.weights[base + c]! * x;
  }
  return logits;
}

interface Sample {
  features: Features;
  target: number;
  weight: number;
}

function trainHead(classes: string[], samples: Sample[], bits: number, options: Required<Omit<TrainOptions, "seed">>, random: () => number): Head {
  const k = classes.length;
  const head: Head = { classes, weights: new Float32Array((1 << bits) * k), bias: new Float32Array(k), scale: 1 };
  const accum = new Float32Array((1 << bits) * k);
  const biasAccum = new Float32Array(k);
  const counts = new Array<number>(k).fill(0);
  for (const s of samples) counts[s.target]! += s.weight;
  const total = counts.reduce((a, b) => a + b, 0);
  const classWeight = counts.map((n) => (options.balanceClasses && n > 0 ? total / (k * n) : 1));
  const order = samples.map((_, i) => i);
  const lr = options.learningRate;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    for (const si of order) {
      const s = samples[si]!;
      const p = softmax(logitsOf(head, s.features));
      const w = s.weight * classWeight[s.target]!;
      for (let c = 0; c < k; c++) {
        const g = (p[c]! - (c === s.target ? 1 : 0)) * w;
        if (g === 0) continue;
        biasAccum[c] = biasAccum[c]! + g * g;
        head.bias[c] = head.bias[c]! - (lr * g) / Math.sqrt(biasAccum[c]! + 1e-8);
        for (let j = 0; j < s.features.index.length; j++) {
          const at = s.features.index[j]! * k + c;
          const gj = g * s.features.value[j]!;
          accum[at] = accum[at]! + gj * gj;
          head.weights[at] = head.weights[at]! - (lr * gj) / Math.sqrt(accum[at]! + 1e-8);
        }
      }
    }
  }
  head.scale = quantise(head);
  return head;
}

const quantLevels = 32767;

/** Rounds weights to 16-bit steps, so the trained model and its parsed copy predict identically. */
function quantise(head: Head): number {
  let max = 0;
  for (const w of head.weights) if (Math.abs(w) > max) max = Math.abs(w);
  const scale = max > 0 ? max / quantLevels : 1;
  for (let i = 0; i < head.weights.length; i++) head.weights[i] = Math.round(head.weights[i]! / scale) * scale;
  return scale;
}

/**
 * Trains a model on labelled comments. Same examples and seed → the same model, byte for byte.
 * Examples without a usable label for a head are skipped for that head.
 */
export function trainTextModel(examples: readonly TextExample[], options: TrainOptions): TextModel {
  const bits = options.bits ?? 18;
  const settings = {
    epochs: options.epochs ?? 6,
    bits,
    learningRate: options.learningRate ?? 0.3,
    balanceClasses: options.balanceClasses ?? true,
  };
  const random = mulberry32(options.seed);
  const sentimentSamples: Sample[] = [];
  const emotionSamples: Sample[] = [];
  const emotionClassList: EmotionCode[] = [];
  for (const ex of examples) {
    if (ex.emotion === undefined) continue;
    for (const code of typeof ex.emotion === "string" ? [ex.emotion] : ex.emotion) {
      if ((emotionCodes as readonly string[]).includes(code) && !emotionClassList.includes(code)) emotionClassList.push(code);
    }
  }
  emotionClassList.sort((a, b) => emotionCodes.indexOf(a) - emotionCodes.indexOf(b));
  for (const ex of examples) {
    const tokens = tokenise(ex.text);
    const pass = scoreLexicon(tokens, detectLanguageFromTokens(tokens));
    const features = extractFeatures(tokens, pass, bits);
    const label = ex.label ?? (ex.score !== undefined ? labelFromSentimentScore(ex.score) : undefined);
    if (label) sentimentSamples.push({ features, target: sentimentLabels.indexOf(label), weight: 1 });
    if (ex.emotion !== undefined) {
      const codes = (typeof ex.emotion === "string" ? [ex.emotion] : [...ex.emotion]).filter((c) => emotionClassList.includes(c));
      for (const code of codes) emotionSamples.push({ features, target: emotionClassList.indexOf(code), weight: 1 / codes.length });
    }
  }
  return {
    kind: "momentos-text-model",
    version: 1,
    bits,
    examples: examples.length,
    sentiment: sentimentSamples.length > 0 ? trainHead([...sentimentLabels], sentimentSamples, bits, settings, random) : null,
    emotions: emotionClassList.length > 1 ? trainHead(emotionClassList, emotionSamples, bits, settings, random) : null,
  };
}

// --- prediction -----------------------------------------------------------------------------------

/** Predicts sentiment (and emotions, if the model learned them) from an analysed text. */
export function predictWithModel(model: TextModel, tokens: readonly Token[], pass: LexiconPass, _language: TextLanguage | null): ModelPrediction {
  const features = extractFeatures(tokens, pass, model.bits);
  let probabilities: Record<SentimentLabel, number> = { negative: 0, neutral: 1, positive: 0 };
  let label: SentimentLabel = "neutral";
  if (model.sentiment) {
    const p = softmax(logitsOf(model.sentiment, features));
    probabilities = { negative: p[0]!, neutral: p[1]!, positive: p[2]! };
    label = sentimentLabels[p.indexOf(Math.max(...p))]!;
  }
  let emotions: Map<EmotionCode, number> | null = null;
  if (model.emotions) {
    const p = softmax(logitsOf(model.emotions, features));
    emotions = new Map(model.emotions.classes.map((c, i) => [c as EmotionCode, p[i]!]));
  }
  return { label, score: probabilities.positive - probabilities.negative, probabilities, emotions };
}

/** Sentiment accuracy and macro-F1 of a model on held-back examples (to show the admin). */
export function evaluateTextModel(model: TextModel, examples: readonly TextExample[]): ClassificationScores {
  const gold: string[] = [];
  const predicted: string[] = [];
  for (const ex of examples) {
    const label = ex.label ?? (ex.score !== undefined ? labelFromSentimentScore(ex.score) : undefined);
    if (!label) continue;
    const tokens = tokenise(ex.text);
    const pass = scoreLexicon(tokens, detectLanguageFromTokens(tokens));
    gold.push(label);
    predicted.push(predictWithModel(model, tokens, pass, null).label);
  }
  return scoreClassification(gold, predicted, sentimentLabels);
}

// --- serialisation --------------------------------------------------------------------------------

interface SerialisedHead {
  classes: string[];
  bias: number[];
  scale: number;
  /** Sparse: base64 of Int32 bucket*classes+class offsets and Int16 steps, only for non-zero weights. */
  at: string;
  w: string;
}

function encodeHead(head: Head): SerialisedHead {
  const scale = head.scale;
  const at: number[] = [];
  const steps: number[] = [];
  for (let i = 0; i < head.weights.length; i++) {
    const q = Math.round(head.weights[i]! / scale);
    if (q !== 0) {
      at.push(i);
      steps.push(q);
    }
  }
  return {
    classes: head.classes,
    bias: [...head.bias],
    scale,
    at: bytesToBase64(new Uint8Array(Int32Array.from(at).buffer)),
    w: bytesToBase64(new Uint8Array(Int16Array.from(steps).buffer)),
  };
}

function decodeHead(s: SerialisedHead, bits: number): Head {
  const k = s.classes.length;
  const weights = new Float32Array((1 << bits) * k);
  const at = new Int32Array(base64ToBytes(s.at).buffer);
  const steps = new Int16Array(base64ToBytes(s.w).buffer);
  for (let i = 0; i < at.length; i++) weights[at[i]!] = steps[i]! * s.scale;
  return { classes: s.classes, weights, bias: Float32Array.from(s.bias), scale: s.scale };
}

// btoa/atob exist in Node and browsers alike, so core stays free of Buffer.
function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A compact JSON string of the model (sparse 16-bit weights). */
export function serialiseTextModel(model: TextModel): string {
  return JSON.stringify({
    kind: model.kind,
    version: model.version,
    bits: model.bits,
    examples: model.examples,
    sentiment: model.sentiment ? encodeHead(model.sentiment) : null,
    emotions: model.emotions ? encodeHead(model.emotions) : null,
  });
}

/** Reads a string from serialiseTextModel; throws on anything else. */
export function parseTextModel(serialised: string): TextModel {
  const raw = JSON.parse(serialised) as { kind?: unknown; version?: unknown; bits: number; examples: number; sentiment: SerialisedHead | null; emotions: SerialisedHead | null };
  if (raw.kind !== "momentos-text-model" || raw.version !== 1) throw new Error("not a Momentos text model (version 1)");
  return {
    kind: "momentos-text-model",
    version: 1,
    bits: raw.bits,
    examples: raw.examples,
    sentiment: raw.sentiment ? decodeHead(raw.sentiment, raw.bits) : null,
    emotions: raw.emotions ? decodeHead(raw.emotions, raw.bits) : null,
  };
}
