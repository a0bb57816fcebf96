// One response per visit: each answer is saved as it is given, and answering again updates the same
// response. This is the pure rule for folding a submission's answers into the stored response.
import type { Language } from "../i18n/languages.js";
import { closedQuestionIdsOf, type FormVariant, type QuestionId } from "../forms/questions.js";
import type { Answers, EmotionAnswer } from "./answers.js";
import { classifyDevice, type DeviceClass } from "./device.js";
import { mergeHiddenFields, type HiddenFields } from "./hidden-fields.js";
import { isPageSource, type ResponseSource } from "./sources.js";
import type { Submission, TouchpointForm } from "./submission.js";

/** A response as stored: answers, per-answer times, and what is known about its visit. */
export interface ResponseRecord {
  id: string;
  visitToken: string | null;
  idempotencyKey: string | null;
  organisationId: string;
  journeyId: string;
  stageId: string;
  touchpointId: string;
  /** The form version the response started on. */
  formVersion: string;
  variant: FormVariant;
  /** The language of the latest answer (the one the comment is most likely written in). */
  language: Language;
  source: ResponseSource;
  deviceClass: DeviceClass;
  hidden: HiddenFields;
  answers: Answers;
  /** When each question was last answered (server time, or the API's occurredAt). */
  answeredAt: Partial<Record<QuestionId, Date>>;
  /** When the form was shown (page: first answer minus time on page), else the first answer. */
  startedAt: Date;
  updatedAt: Date;
  /** When all four closed questions were first answered; never moves once set. */
  completedAt: Date | null;
  /** completedAt − startedAt in milliseconds, for page sources; null for api and import. */
  completionMs: number | null;
}

export type MergeChange = "created" | "updated" | "unchanged";

export interface MergeResult {
  response: ResponseRecord;
  change: MergeChange;
  /** Questions whose answer this submission set or changed. */
  changedQuestions: QuestionId[];
}

function sameAnswer(a: Answers[QuestionId], b: Answers[QuestionId]): boolean {
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null) {
    const x = a as EmotionAnswer;
    const y = b as EmotionAnswer;
    return x.code === y.code && x.second === y.second && x.intensity === y.intensity;
  }
  return a === b;
}

/** True when the question counts as answered: question 1 needs its intensity too. */
export function isAnswered(answers: Answers, id: QuestionId): boolean {
  if (id === "emotion") return answers.emotion !== undefined && answers.emotion.intensity !== null;
  return answers[id] !== undefined;
}

/** True when all four closed questions of the variant are answered (the comment is optional). */
export function isComplete(answers: Answers, variant: FormVariant): boolean {
  return closedQuestionIdsOf(variant).every((id) => isAnswered(answers, id));
}

/** When the submission's answers were given: the server's clock, or an API item's occurredAt if not in the future. */
export function answerTime(submission: Submission): Date {
  const occurred = submission.occurredAt;
  if (occurred && !isPageSource(submission.source) && occurred.getTime() <= submission.receivedAt.getTime()) return occurred;
  return submission.receivedAt;
}

/**
 * Folds a submission's validated answers into the response of its visit (`existing`, or a new one).
 * Later answers overwrite earlier ones question by question (question 1's emotion, second emotion and
 * intensity as one answer); an answer older than the stored one, arriving late, does not overwrite
 * it. Each question keeps the time it was last answered. The response completes when its four closed
 * questions are answered; completion time is completed − started. Hidden fields already set keep
 * their value; source, device and form version are those of the first answer.
 */
export function mergeResponse(existing: ResponseRecord | null, submission: Submission, touchpoint: TouchpointForm, answers: Answers): MergeResult {
  const at = answerTime(submission);
  const base: ResponseRecord = existing ?? {
    id: submission.newResponseId,
    visitToken: submission.visitToken,
    idempotencyKey: submission.idempotencyKey,
    organisationId: touchpoint.organisationId,
    journeyId: touchpoint.journeyId,
    stageId: touchpoint.stageId,
    touchpointId: touchpoint.touchpointId,
    formVersion: touchpoint.formVersion,
    variant: touchpoint.form.variant,
    language: submission.language,
    source: submission.source,
    deviceClass: classifyDevice(submission.userAgent),
    hidden: submission.hidden,
    answers: {},
    answeredAt: {},
    startedAt:
      isPageSource(submission.source) && submission.timeOnPageMs !== null ? new Date(at.getTime() - submission.timeOnPageMs) : at,
    updatedAt: at,
    completedAt: null,
    completionMs: null,
  };

  const merged: Answers = { ...base.answers };
  const answeredAt: Partial<Record<QuestionId, Date>> = { ...base.answeredAt };
  const changedQuestions: QuestionId[] = [];
  for (const id of Object.keys(answers) as QuestionId[]) {
    const value = answers[id];
    if (value === undefined) continue;
    const previousAt = answeredAt[id];
    if (previousAt && previousAt.getTime() > at.getTime()) continue;
    if (!sameAnswer(merged[id], value)) {
      (merged as Record<string, unknown>)[id] = value;
      changedQuestions.push(id);
    }
    if (!previousAt || !sameAnswer(base.answers[id], value)) answeredAt[id] = at;
  }

  const hidden = existing ? mergeHiddenFields(existing.hidden, submission.hidden) : base.hidden;
  const hiddenChanged = existing !== null && JSON.stringify(hidden) !== JSON.stringify(existing.hidden);
  const languageChanged = existing !== null && changedQuestions.length > 0 && existing.language !== submission.language;
  if (existing && changedQuestions.length === 0 && !hiddenChanged) {
    return { response: existing, change: "unchanged", changedQuestions };
  }

  let completedAt = base.completedAt;
  let completionMs = base.completionMs;
  if (completedAt === null && isComplete(merged, base.variant)) {
    completedAt = at;
    completionMs = isPageSource(base.source) ? Math.max(0, at.getTime() - base.startedAt.getTime()) : null;
  }
  return {
    response: {
      ...base,
      language: languageChanged || !existing ? submission.language : base.language,
      hidden,
      answers: merged,
      answeredAt,
      updatedAt: existing && existing.updatedAt.getTime() > at.getTime() ? existing.updatedAt : at,
      completedAt,
      completionMs,
    },
    change: existing ? "updated" : "created",
    changedQuestions,
  };
}
