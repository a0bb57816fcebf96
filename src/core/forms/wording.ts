// The default wording of the universal form in es, en and pt, exactly as METHOD.md §1, and the label
// of every scale point. Brands may reword question texts; scale, intensity and emotion labels are fixed.
import { emotionCodes, emotionLabel, intensityLabels, type EmotionCode, type Intensity } from "../emotions.js";
import type { Language } from "../i18n/languages.js";
import type { QuestionId, ScaleLabelSet } from "./questions.js";

export { emotionLabel, intensityLabels };

/**
 * Default question texts. Placeholders, filled by renderQuestionText: {experiencia} / {experience} /
 * {experiência} (the experience name), {marca} / {brand} (the brand; capitalised as {Marca} / {Brand}
 * at the start of a sentence), {emoción} / {emotion} / {emoção} (the emotion chosen in question 1).
 */
export const defaultQuestionTexts: Readonly<Record<QuestionId, Readonly<Record<Language, string>>>> = {
  emotion: {
    es: "¿Qué sentiste con {experiencia}?",
    en: "What did you feel about {experience}?",
    pt: "O que você sentiu com {experiência}?",
  },
  csat: {
    es: "En general, ¿qué tan satisfecho/a quedaste con {experiencia}?",
    en: "Overall, how satisfied were you with {experience}?",
    pt: "No geral, quão satisfeito(a) você ficou com {experiência}?",
  },
  brand_love: {
    es: "Me encanta {marca}.",
    en: "I love {brand}.",
    pt: "Eu amo {marca}.",
  },
  ces: {
    es: "{Marca} me lo puso fácil.",
    en: "{Brand} made it easy for me.",
    pt: "A {marca} facilitou para mim.",
  },
  usefulness: {
    es: "Este contenido me resultó útil.",
    en: "This content was useful to me.",
    pt: "Este conteúdo foi útil para mim.",
  },
  nps: {
    es: "¿Qué probabilidad hay de que recomiendes {marca} a un amigo o colega?",
    en: "How likely are you to recommend {brand} to a friend or colleague?",
    pt: "Qual a probabilidade de você recomendar {marca} a um amigo ou colega?",
  },
  comment: {
    es: "¿Qué hizo que sintieras {emoción}? Cuéntanoslo con tus palabras.",
    en: "What made you feel {emotion}? Tell us in your own words.",
    pt: "O que fez você sentir {emoção}? Conte com suas palavras.",
  },
};

/** Question 5 when no emotion is known (question 1 skipped): it cannot pipe one, so it does not try. */
export const commentTextWithoutEmotion: Readonly<Record<Language, string>> = {
  es: "¿Qué te hizo sentir así? Cuéntanoslo con tus palabras.",
  en: "What made you feel that way? Tell us in your own words.",
  pt: "O que fez você se sentir assim? Conte com suas palavras.",
};

/** What fills {experiencia} when the form has no experience name in that language. */
export const genericExperience: Readonly<Record<Language, string>> = {
  es: "tu experiencia",
  en: "your experience",
  pt: "a sua experiência",
};

/** The default thank-you text, shown after the last answer when the form has none in that language. */
export const defaultThankYou: Readonly<Record<Language, string>> = {
  es: "¡Gracias! Tu respuesta nos ayuda a mejorar.",
  en: "Thank you! Your answer helps us improve.",
  pt: "Obrigado! Sua resposta nos ajuda a melhorar.",
};

/** How two piped emotions are joined: "alegría y tranquilidad". */
export const conjunction: Readonly<Record<Language, string>> = { es: "y", en: "and", pt: "e" };

/** CSAT 1–5, every point labelled. */
const csatLabels: Readonly<Record<Language, readonly string[]>> = {
  es: ["Muy insatisfecho/a", "Insatisfecho/a", "Ni satisfecho/a ni insatisfecho/a", "Satisfecho/a", "Muy satisfecho/a"],
  en: ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"],
  pt: ["Muito insatisfeito(a)", "Insatisfeito(a)", "Nem satisfeito(a) nem insatisfeito(a)", "Satisfeito(a)", "Muito satisfeito(a)"],
};

/** The 7-point agree scale of CES 2.0, also used by usefulness and brand love. */
const agreeLabels: Readonly<Record<Language, readonly string[]>> = {
  es: [
    "Totalmente en desacuerdo",
    "En desacuerdo",
    "Algo en desacuerdo",
    "Ni de acuerdo ni en desacuerdo",
    "Algo de acuerdo",
    "De acuerdo",
    "Totalmente de acuerdo",
  ],
  en: ["Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Agree", "Strongly agree"],
  pt: [
    "Discordo totalmente",
    "Discordo",
    "Discordo parcialmente",
    "Não concordo nem discordo",
    "Concordo parcialmente",
    "Concordo",
    "Concordo totalmente",
  ],
};

/** NPS 0–10: only the ends are labelled, as is customary; the points are numbers. */
export const npsEndLabels: Readonly<Record<Language, { readonly low: string; readonly high: string }>> = {
  es: { low: "Nada probable", high: "Extremadamente probable" },
  en: { low: "Not at all likely", high: "Extremely likely" },
  pt: { low: "Nada provável", high: "Extremamente provável" },
};

export interface ScalePoint {
  value: number;
  /** The point's label; for NPS only 0 and 10 carry one, the others are null (shown as the number). */
  label: string | null;
}

/** Every point of a scale with its label, lowest first. */
export function scalePoints(labels: ScaleLabelSet, language: Language): ScalePoint[] {
  if (labels === "nps") {
    return Array.from({ length: 11 }, (_, value) => ({
      value,
      label: value === 0 ? npsEndLabels[language].low : value === 10 ? npsEndLabels[language].high : null,
    }));
  }
  const texts = labels === "csat" ? csatLabels[language] : agreeLabels[language];
  return texts.map((label, index) => ({ value: index + 1, label }));
}

/** The three intensity points of question 1: 1 a little, 2 quite, 3 very. */
export function intensityPoints(language: Language): Array<{ value: Intensity; label: string }> {
  return ([1, 2, 3] as const).map((value) => ({ value, label: intensityLabels[language][value] }));
}

/**
 * The emotions question 1 offers, in the order of METHOD.md §2 (positive, neutral, negative), with
 * labels for a language or locale ("es-ES" says Enfado, "es-419" Enojo).
 */
export function emotionOptions(locale: Language | string): Array<{ code: EmotionCode; label: string }> {
  return emotionCodes.map((code) => ({ code, label: emotionLabel(code, locale) }));
}
