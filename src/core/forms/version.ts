// When a configuration change makes a new form version, and the stable hash that names a version.
// Every response records its version, so answers are only compared with answers to the same words.
import { emotionLabel } from "../emotions.js";
import { languages, type Language } from "../i18n/languages.js";
import { rewordingOf, type FormConfig } from "./config.js";
import { questionsOf } from "./questions.js";
import { sha256Hex } from "./sha256.js";
import { defaultQuestionTexts, emotionOptions, genericExperience, intensityPoints, scalePoints } from "./wording.js";

/**
 * Bumped only if the shape of the version content changes. Changing a default text or label in code
 * needs no bump: the content holds the texts themselves, so the hash follows.
 */
export const formVersionFormat = 1;

/**
 * What a respondent reads while answering, and so what a version is made of: the variant, each
 * question's text before filling (a rewording or the default), what fills {experience} and {brand},
 * and every fixed label (emotions, intensity, scale points), in every language.
 * Not part of it: open/closed, colour, logo, thank-you text and redirect. They change how the form
 * looks or what happens after the last answer, not what an answer means.
 */
export function formVersionContent(config: FormConfig): Record<string, unknown> {
  const perLanguage = (language: Language) => ({
    questions: questionsOf(config.variant).map((q) => ({
      id: q.id,
      text: rewordingOf(config, q.id, language) ?? defaultQuestionTexts[q.id][language],
    })),
    experience: config.experienceName[language] ?? genericExperience[language],
    emotions: emotionOptions(language),
    angerInSpain: language === "es" ? emotionLabel("anger", "es-ES") : null,
    intensities: intensityPoints(language),
    scales: { csat: scalePoints("csat", language), agree: scalePoints("agree", language), nps: scalePoints("nps", language) },
  });
  return {
    format: formVersionFormat,
    variant: config.variant,
    brand: config.brandName,
    languages: Object.fromEntries(languages.map((language) => [language, perLanguage(language)])),
  };
}

/** JSON with object keys sorted at every depth and undefined members left out: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The stable content hash of a form version: 64 hex digits of SHA-256 over its canonical content. */
export function formVersionHash(config: FormConfig): string {
  return sha256Hex(canonicalJson(formVersionContent(config)));
}

/** The fields of a configuration, as named in change descriptions and the audit log. */
export const formConfigFields = [
  "variant",
  "wording",
  "brandName",
  "experienceName",
  "logoUrl",
  "brandColour",
  "thankYou",
  "redirectUrl",
  "open",
] as const;
export type FormConfigField = (typeof formConfigFields)[number];

export interface FormChange {
  /** True when the change needs a new version: what a respondent reads while answering changed. */
  newVersion: boolean;
  /** The configuration fields whose values differ (after cleaning), in schema order. */
  changed: FormConfigField[];
}

/**
 * Compares two configurations. A first configuration (previous null) always makes a version. A
 * change makes a new version exactly when formVersionHash differs: rewording any question in any
 * language, the variant, the brand name or an experience name. Rewording a question to exactly its
 * default text, or only in its spacing, makes none.
 */
export function describeFormChange(previous: FormConfig | null, next: FormConfig): FormChange {
  if (previous === null) return { newVersion: true, changed: [...formConfigFields] };
  const changed = formConfigFields.filter(
    (field) => canonicalJson((previous as Record<string, unknown>)[field]) !== canonicalJson((next as Record<string, unknown>)[field]),
  );
  return { newVersion: formVersionHash(previous) !== formVersionHash(next), changed };
}

/** True when saving `next` over `previous` must create a new form version. */
export function needsNewFormVersion(previous: FormConfig | null, next: FormConfig): boolean {
  return describeFormChange(previous, next).newVersion;
}
