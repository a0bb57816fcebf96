// The emotion set of METHOD.md §2: stable codes with valence, arousal and labels in every language.
// The form, the metrics (emotional valence, NES, bond segments) and the text analyser all read it,
// so an emotion means the same thing on every screen and in every formula.
import type { Language } from "./i18n/languages.js";

/** Stable codes, in the order the form shows them: positive, neutral, negative. */
export const emotionCodes = [
  "joy",
  "calm",
  "pleasant_surprise",
  "excitement",
  "affection",
  "indifference",
  "frustration",
  "anger",
  "disappointment",
  "worry",
  "distrust",
] as const;
export type EmotionCode = (typeof emotionCodes)[number];

export type Valence = -1 | 0 | 1;
export type Arousal = "low" | "mid" | "high";

export interface EmotionDefinition {
  code: EmotionCode;
  valence: Valence;
  arousal: Arousal;
  /** Nouns, so that Spanish stays gender-neutral. Spanish `anger` is the es-419 form; see emotionLabel. */
  labels: Readonly<Record<Language, string>>;
}

function define(code: EmotionCode, valence: Valence, arousal: Arousal, es: string, en: string, pt: string): EmotionDefinition {
  return { code, valence, arousal, labels: { es, en, pt } };
}

/** Every emotion of METHOD.md §2, by code. */
export const emotions: Readonly<Record<EmotionCode, EmotionDefinition>> = {
  joy: define("joy", 1, "high", "Alegría", "Joy", "Alegria"),
  calm: define("calm", 1, "low", "Tranquilidad", "Calm", "Tranquilidade"),
  pleasant_surprise: define("pleasant_surprise", 1, "high", "Sorpresa agradable", "Pleasant surprise", "Surpresa agradável"),
  excitement: define("excitement", 1, "high", "Ilusión", "Excitement", "Entusiasmo"),
  affection: define("affection", 1, "mid", "Cariño", "Affection", "Carinho"),
  indifference: define("indifference", 0, "low", "Indiferencia", "Indifference", "Indiferença"),
  frustration: define("frustration", -1, "high", "Frustración", "Frustration", "Frustração"),
  anger: define("anger", -1, "high", "Enojo", "Anger", "Raiva"),
  disappointment: define("disappointment", -1, "low", "Decepción", "Disappointment", "Decepção"),
  worry: define("worry", -1, "mid", "Preocupación", "Worry", "Preocupação"),
  distrust: define("distrust", -1, "low", "Desconfianza", "Distrust", "Desconfiança"),
};

/** Intensity of the emotion answer: 1 a little, 2 quite, 3 very (METHOD.md §1). */
export const intensities = [1, 2, 3] as const;
export type Intensity = (typeof intensities)[number];

/** Weight w of each intensity in the emotional valence EV = v · w (METHOD.md §3). */
export const intensityWeights: Readonly<Record<Intensity, number>> = { 1: 1 / 3, 2: 2 / 3, 3: 1 };

/** How the form names each intensity. */
export const intensityLabels: Readonly<Record<Language, Readonly<Record<Intensity, string>>>> = {
  es: { 1: "Un poco", 2: "Bastante", 3: "Mucho" },
  en: { 1: "A little", 2: "Quite", 3: "Very" },
  pt: { 1: "Um pouco", 2: "Bastante", 3: "Muito" },
};

/** True for one of the codes of METHOD.md §2. */
export function isEmotionCode(value: unknown): value is EmotionCode {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(emotions, value);
}

/** True for 1, 2 or 3. */
export function isIntensity(value: unknown): value is Intensity {
  return value === 1 || value === 2 || value === 3;
}

/** True when the emotion has positive valence (v = +1). */
export function isPositive(code: EmotionCode): boolean {
  return emotions[code].valence === 1;
}

/** True when the emotion has negative valence (v = −1). */
export function isNegative(code: EmotionCode): boolean {
  return emotions[code].valence === -1;
}

/** Valence v of an emotion: +1, 0 or −1. */
export function valenceOf(code: EmotionCode): Valence {
  return emotions[code].valence;
}

// Spanish regions that say "Enfado" (Spain, Ceuta and Melilla, the Canary Islands). Every other
// Spanish, including bare "es" and "es-419", says "Enojo": most Spanish speakers live in the Americas.
const spainRegions = new Set(["es", "ea", "ic"]);

/**
 * The label of an emotion for a language or BCP 47 locale: "es-ES" → "Enfado", "es-419" or "es-MX"
 * → "Enojo", "pt-BR" → "Raiva". Unknown languages fall back to Spanish, like the rest of the product.
 */
export function emotionLabel(code: EmotionCode, locale: Language | string): string {
  const [language = "", region = ""] = locale.toLowerCase().split(/[-_]/);
  if (code === "anger" && language === "es" && spainRegions.has(region)) return "Enfado";
  const labels = emotions[code].labels;
  return language === "en" || language === "pt" || language === "es" ? labels[language] : labels.es;
}
