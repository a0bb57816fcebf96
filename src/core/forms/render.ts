// Turns a form's configuration into the texts a respondent reads: the question in their language,
// with the experience, the brand and the chosen emotion filled in, and safe fallbacks when one is missing.
import { isEmotionCode, type EmotionCode } from "../emotions.js";
import { negotiateLanguage, type Language } from "../i18n/languages.js";
import { rewordingOf, type FormConfig } from "./config.js";
import { placeholderPattern, readPlaceholder, type PlaceholderKind } from "./placeholders.js";
import { hasQuestion, questionsOf, type QuestionDefinition, type QuestionId } from "./questions.js";
import {
  commentTextWithoutEmotion,
  conjunction,
  defaultQuestionTexts,
  defaultThankYou,
  emotionLabel,
  emotionOptions,
  genericExperience,
  intensityPoints,
  scalePoints,
  type ScalePoint,
} from "./wording.js";

export interface RenderOptions {
  /** The emotion(s) chosen in question 1, piped into question 5. Unknown codes are ignored. */
  emotion?: EmotionCode | readonly EmotionCode[] | null;
}

/** "es-ES" → "es", "pt-BR" → "pt", anything unsupported → Spanish, like the rest of the product. */
export function formLanguage(locale: Language | string): Language {
  return negotiateLanguage(locale);
}

function chosenEmotions(emotion: RenderOptions["emotion"]): EmotionCode[] {
  const list: readonly unknown[] = emotion == null ? [] : typeof emotion === "string" ? [emotion] : emotion;
  return [...new Set(list.filter(isEmotionCode))].slice(0, 2);
}

function capitalise(text: string, language: Language): string {
  const first = text.charAt(0);
  return first.toLocaleUpperCase(language) + text.slice(1);
}

/**
 * The text of one question for a respondent. `language` may be a locale ("es-ES" pipes "enfado",
 * "es-MX" "enojo"). Uses the form's rewording in that language, else the default of METHOD.md §1.
 * Fallbacks: no experience name in that language → "tu experiencia / your experience / a sua
 * experiência"; a text that pipes {emotion} when no emotion is known → the default text of that
 * question, and for question 5 a version that does not name an emotion. Values are inserted once,
 * never re-expanded, and the result is plain text: the page escapes it like any other text.
 * Throws when the form's variant does not ask the question (a programming error, not a user's).
 */
export function renderQuestionText(form: FormConfig, questionId: QuestionId, locale: Language | string, options: RenderOptions = {}): string {
  if (!hasQuestion(form.variant, questionId)) throw new Error(`the ${form.variant} form has no ${questionId} question`);
  const language = formLanguage(locale);
  const emotions = chosenEmotions(options.emotion);
  let template = rewordingOf(form, questionId, language) ?? defaultQuestionTexts[questionId][language];
  if (emotions.length === 0 && pipes(template, "emotion")) {
    template = questionId === "comment" ? commentTextWithoutEmotion[language] : defaultQuestionTexts[questionId][language];
    if (pipes(template, "emotion")) template = commentTextWithoutEmotion[language];
  }
  const values: Record<PlaceholderKind, string> = {
    experience: form.experienceName[language] ?? genericExperience[language],
    brand: form.brandName,
    emotion: emotions
      .map((code) => emotionLabel(code, locale).toLocaleLowerCase(language))
      .join(` ${conjunction[language]} `),
  };
  return template.replace(placeholderPattern, (written, name: string) => {
    const placeholder = readPlaceholder(name);
    if (!placeholder) return written;
    const value = values[placeholder.kind];
    return placeholder.capitalise ? capitalise(value, language) : value;
  });
}

function pipes(template: string, kind: PlaceholderKind): boolean {
  return [...template.matchAll(placeholderPattern)].some((m) => readPlaceholder(m[1] ?? "")?.kind === kind);
}

/** The thank-you text in a language: the form's own, else the default. */
export function renderThankYou(form: FormConfig, locale: Language | string): string {
  const language = formLanguage(locale);
  return form.thankYou[language] ?? defaultThankYou[language];
}

export interface RenderedQuestion {
  question: QuestionDefinition;
  text: string;
  /** The points to choose from: emotions and intensities for question 1, the scale for 2–4, none for 5. */
  points: ScalePoint[];
}

/** Every question of the form as the page shows it, in order: text and labelled points. */
export function renderForm(
  form: FormConfig,
  locale: Language | string,
  options: RenderOptions = {},
): { language: Language; questions: RenderedQuestion[]; emotions: Array<{ code: EmotionCode; label: string }>; intensities: ScalePoint[]; thankYou: string } {
  const language = formLanguage(locale);
  return {
    language,
    questions: questionsOf(form.variant).map((question) => ({
      question,
      text: renderQuestionText(form, question.id, locale, options),
      points: question.kind === "rating" ? scalePoints(question.scale.labels, language) : [],
    })),
    emotions: emotionOptions(locale),
    intensities: intensityPoints(language),
    thankYou: renderThankYou(form, locale),
  };
}
