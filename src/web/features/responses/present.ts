// How one response reads on screen, worked out once: which rating slots its variant uses, whether it
// is partial and the last question it reached, the NPS group, durations and language names.
import { questionsOf, ratingScales, type QuestionId } from "../../../core/forms/questions.js";
import type { Language } from "../../../core/i18n/languages.js";
import { intlLocales } from "../../../core/i18n/messages.js";
import type { RecentResponse } from "./responses-api.js";

/** The stored answer of a question, or null when it was not answered. */
export function answerOf(response: RecentResponse, id: QuestionId): unknown {
  const answers = response.answers;
  switch (id) {
    case "emotion":
      return answers.emotion;
    case "csat":
      return answers.csat;
    case "brand_love":
      return answers.brandLove;
    case "ces":
      return answers.ces;
    case "usefulness":
      return answers.usefulness;
    case "nps":
      return answers.nps;
    case "comment":
      return answers.comment === null || answers.comment === "" ? null : answers.comment;
  }
}

/** The furthest question of the response's form that has an answer (the form asks them in order); null if none. */
export function lastAnswered(response: RecentResponse): QuestionId | null {
  let last: QuestionId | null = null;
  for (const question of questionsOf(response.variant)) if (answerOf(response, question.id) !== null) last = question.id;
  return last;
}

export interface Rating {
  /** The slot the response's variant answers here (csat or brand_love; ces or usefulness). */
  id: "csat" | "brand_love" | "ces" | "usefulness" | "nps";
  value: number | null;
  max: number;
}

/** Slot 2 (satisfaction: csat, or brand love on a relationship form) and slot 3 (effort: ces, or usefulness on a content form). */
export function ratingsOf(response: RecentResponse): { satisfaction: Rating; effort: Rating; nps: Rating } {
  const love = response.variant === "relationship";
  const content = response.variant === "content";
  const rating = (id: Rating["id"]): Rating => ({ id, value: answerOf(response, id) as number | null, max: ratingScales[id].max });
  return { satisfaction: rating(love ? "brand_love" : "csat"), effort: rating(content ? "usefulness" : "ces"), nps: rating("nps") };
}

export type NpsGroup = "promoter" | "passive" | "detractor";
export const npsGroup = (score: number): NpsGroup => (score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor");

/** "42 s", "3 min 5 s", "1 h 4 min", in the language's own units. */
export function formatDuration(ms: number, language: Language): string {
  const locale = intlLocales[language];
  const unit = (value: number, name: "second" | "minute" | "hour") => new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return unit(seconds, "second");
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? unit(minutes, "minute") : `${unit(minutes, "minute")} ${unit(seconds % 60, "second")}`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? unit(hours, "hour") : `${unit(hours, "hour")} ${unit(minutes % 60, "minute")}`;
}

/** "Español", "Inglés" — the name of a response's language in the reader's language. */
export function languageName(code: Language, reader: Language): string {
  try {
    const name = new Intl.DisplayNames([intlLocales[reader]], { type: "language" }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(intlLocales[reader]) + name.slice(1);
  } catch {
    return code;
  }
}
