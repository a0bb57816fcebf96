// Ingestion as a readable list of named steps (STYLE.md, example 8). Each step returns the next value
// or a drop with a named reason; the I/O steps (load, rate limit, find, store, analyse, notify) are
// built from functions the server injects, so every decision here stays pure and testable.
import { closeTheLoopReasons, type CloseTheLoopReason, type ResponseAnswers } from "../metrics/response-scores.js";
import { formLimits, minimumTimeOnPageMs } from "../forms/limits.js";
import { validateAnswers, type AnswerIssue, type Answers } from "./answers.js";
import { mergeResponse, type MergeResult, type ResponseRecord } from "./merge.js";
import { isPageSource, type DropReason } from "./sources.js";
import type { Submission, TouchpointForm } from "./submission.js";

/** An expected failure: the submission is not stored (again), and the reason is counted. */
export interface Drop {
  readonly ok: false;
  readonly reason: DropReason;
  /** invalid_answer: what was wrong, per question. */
  readonly issues?: readonly AnswerIssue[];
  /** duplicate_response: the response already stored under the idempotency key. */
  readonly responseId?: string;
}

export function drop(reason: DropReason, details: Omit<Drop, "ok" | "reason"> = {}): Drop {
  return { ok: false, reason, ...details };
}

/** True for a drop; step values are records without an `ok` field, so they never look like one. */
export function isDrop(value: unknown): value is Drop {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

/** A step: the next value, or a drop; sync (pure decisions) or async (injected I/O). */
export type Step<In, Out> = (input: In) => Out | Drop | Promise<Out | Drop>;
export type PipelineOutcome<T> = { ok: true; value: T } | Drop;

/** Runs steps in order; the first drop ends the run and is returned. */
export function pipeline<A, B>(s1: Step<A, B>): (input: A) => Promise<PipelineOutcome<B>>;
export function pipeline<A, B, C>(s1: Step<A, B>, s2: Step<B, C>): (input: A) => Promise<PipelineOutcome<C>>;
export function pipeline<A, B, C, D>(s1: Step<A, B>, s2: Step<B, C>, s3: Step<C, D>): (input: A) => Promise<PipelineOutcome<D>>;
export function pipeline<A, B, C, D, E>(s1: Step<A, B>, s2: Step<B, C>, s3: Step<C, D>, s4: Step<D, E>): (input: A) => Promise<PipelineOutcome<E>>;
export function pipeline<A, B, C, D, E, F>(
  s1: Step<A, B>, s2: Step<B, C>, s3: Step<C, D>, s4: Step<D, E>, s5: Step<E, F>,
): (input: A) => Promise<PipelineOutcome<F>>;
export function pipeline<A, B, C, D, E, F, G>(
  s1: Step<A, B>, s2: Step<B, C>, s3: Step<C, D>, s4: Step<D, E>, s5: Step<E, F>, s6: Step<F, G>,
): (input: A) => Promise<PipelineOutcome<G>>;
export function pipeline<A, B, C, D, E, F, G, H>(
  s1: Step<A, B>, s2: Step<B, C>, s3: Step<C, D>, s4: Step<D, E>, s5: Step<E, F>, s6: Step<F, G>, s7: Step<G, H>,
): (input: A) => Promise<PipelineOutcome<H>>;
export function pipeline<A, B, C, D, E, F, G, H, I>(
  s1: Step<A, B>, s2: Step<B, C>, s3: Step<C, D>, s4: Step<D, E>, s5: Step<E, F>, s6: Step<F, G>, s7: Step<G, H>, s8: Step<H, I>,
): (input: A) => Promise<PipelineOutcome<I>>;
export function pipeline<A, B, C, D, E, F, G, H, I, J>(
  s1: Step<A, B>, s2: Step<B, C>, s3: Step<C, D>, s4: Step<D, E>, s5: Step<E, F>, s6: Step<F, G>, s7: Step<G, H>, s8: Step<H, I>,
  s9: Step<I, J>,
): (input: A) => Promise<PipelineOutcome<J>>;
export function pipeline<A, B, C, D, E, F, G, H, I, J, K>(
  s1: Step<A, B>, s2: Step<B, C>, s3: Step<C, D>, s4: Step<D, E>, s5: Step<E, F>, s6: Step<F, G>, s7: Step<G, H>, s8: Step<H, I>,
  s9: Step<I, J>, s10: Step<J, K>,
): (input: A) => Promise<PipelineOutcome<K>>;
export function pipeline<A, B, C, D, E, F, G, H, I, J, K, L>(
  s1: Step<A, B>, s2: Step<B, C>, s3: Step<C, D>, s4: Step<D, E>, s5: Step<E, F>, s6: Step<F, G>, s7: Step<G, H>, s8: Step<H, I>,
  s9: Step<I, J>, s10: Step<J, K>, s11: Step<K, L>,
): (input: A) => Promise<PipelineOutcome<L>>;
export function pipeline(...steps: Array<Step<unknown, unknown>>): (input: unknown) => Promise<PipelineOutcome<unknown>> {
  return async (input) => {
    let value = input;
    for (const step of steps) {
      const next = await step(value);
      if (isDrop(next)) return next;
      value = next;
    }
    return { ok: true, value };
  };
}

// ---- What flows between the steps ---------------------------------------------------------------

/** After loading: the touchpoint and its form, or null when there is no such touchpoint. */
export interface Loaded {
  submission: Submission;
  touchpoint: TouchpointForm | null;
}
/** After checkForm: a known touchpoint with an open form. */
export interface Accepted {
  submission: Submission;
  touchpoint: TouchpointForm;
}
/** After normaliseAnswers: answers valid for the form's variant. */
export interface Normalised extends Accepted {
  answers: Answers;
}
/** After findResponse: the response of the same visit or idempotency key, if any. */
export interface Found extends Normalised {
  existing: ResponseRecord | null;
}
/** After mergeIntoResponse: the response as it is to be stored. */
export interface Merged extends Found, MergeResult {}

// ---- Pure steps ---------------------------------------------------------------------------------

/** unknown_touchpoint when there is none; form_closed when the form is closed or the touchpoint paused or archived. */
export function checkForm(input: Loaded): Accepted | Drop {
  const { touchpoint } = input;
  if (!touchpoint) return drop("unknown_touchpoint");
  if (!touchpoint.form.open || touchpoint.status !== "active" || touchpoint.archived) return drop("form_closed");
  return { submission: input.submission, touchpoint };
}

/**
 * spam_suspected when the honeypot is filled, or, for the form page and widget, when the answer
 * comes less than minimumTimeOnPageMs after the form was shown, or without that time at all. An
 * e-mail click may come without it (the first answer is given in the e-mail). API and import skip
 * these checks: they are authenticated by key.
 */
export function checkSpam(input: Accepted): Accepted | Drop {
  const { source, honeypot, timeOnPageMs } = input.submission;
  if (!isPageSource(source)) return input;
  if (honeypot !== null && honeypot.trim() !== "") return drop("spam_suspected");
  if (timeOnPageMs === null) return source === "email" ? input : drop("spam_suspected");
  if (timeOnPageMs < minimumTimeOnPageMs) return drop("spam_suspected");
  return input;
}

/** invalid_answer, with the issues, unless every answer is valid for the form's variant. */
export function normaliseAnswers(input: Accepted): Normalised | Drop {
  const result = validateAnswers(input.submission.answers, input.touchpoint.form.variant);
  if (!result.ok) return drop("invalid_answer", { issues: result.issues });
  return { ...input, answers: result.answers };
}

/**
 * Folds the answers into the visit's response (see mergeResponse). duplicate_response when the
 * idempotency key was already used (answered with the first response's id), or when a visit token
 * already belongs to another touchpoint; invalid_answer when the form's variant changed mid-visit.
 */
export function mergeIntoResponse(input: Found): Merged | Drop {
  const { existing, submission, touchpoint } = input;
  if (existing) {
    if (submission.idempotencyKey !== null && existing.idempotencyKey === submission.idempotencyKey) {
      return drop("duplicate_response", { responseId: existing.id });
    }
    if (existing.touchpointId !== touchpoint.touchpointId) return drop("duplicate_response", { responseId: existing.id });
    if (existing.variant !== touchpoint.form.variant) {
      return drop("invalid_answer", { issues: [{ path: "", message: "the form changed variant during this visit" }] });
    }
  }
  const merged = mergeResponse(existing, submission, touchpoint, input.answers);
  return { ...input, ...merged };
}

/** batch_too_large when a batch holds more than formLimits.batchMax items; null when it may proceed. */
export function checkBatch(items: readonly unknown[]): Drop | null {
  return items.length > formLimits.batchMax ? drop("batch_too_large") : null;
}

/** body_too_large when a body exceeds its limit (a batch has its own, larger one); null otherwise. */
export function checkBodySize(bytes: number, kind: "single" | "batch"): Drop | null {
  return bytes > (kind === "batch" ? formLimits.batchBodyMaxBytes : formLimits.bodyMaxBytes) ? drop("body_too_large") : null;
}

// ---- Close the loop -------------------------------------------------------------------------------

/** A response's answers in the shape the metrics read; an emotion without intensity is not scored yet. */
export function scoredAnswers(answers: Answers): ResponseAnswers {
  const { emotion } = answers;
  return {
    emotion: emotion && emotion.intensity !== null ? { codes: emotion.second ? [emotion.code, emotion.second] : [emotion.code], intensity: emotion.intensity } : null,
    csat: answers.csat ?? null,
    ces: answers.ces ?? null,
    nps: answers.nps ?? null,
    usefulness: answers.usefulness ?? null,
    brandLove: answers.brand_love ?? null,
  };
}

/**
 * The close-the-loop reasons (METHOD.md §3, default rule, from core/metrics) that this merge newly
 * met: partial saves of one visit raise each reason once, not at every answer.
 */
export function newCloseTheLoopReasons(merged: Merged): CloseTheLoopReason[] {
  const context = { momentOfTruth: merged.touchpoint.momentOfTruth };
  const before = new Set(merged.existing ? closeTheLoopReasons(scoredAnswers(merged.existing.answers), context) : []);
  return closeTheLoopReasons(scoredAnswers(merged.response.answers), context).filter((reason) => !before.has(reason));
}

// ---- Steps around injected I/O ------------------------------------------------------------------

/** Loads the touchpoint and its current form; `find` returns null when there is none. */
export function loadTouchpoint(find: (touchpointId: string) => Promise<TouchpointForm | null>): Step<Submission, Loaded> {
  return async (submission) => ({ submission, touchpoint: await find(submission.touchpointId) });
}

/** rate_limited when `allow` says no (per-IP and per-touchpoint limits live in the server). */
export function checkRate(allow: (input: Accepted) => Promise<boolean>): Step<Accepted, Accepted> {
  return async (input) => ((await allow(input)) ? input : drop("rate_limited"));
}

/** Finds the response of the same visit token, or of the same idempotency key, on this touchpoint. */
export function findResponse(find: (input: Normalised) => Promise<ResponseRecord | null>): Step<Normalised, Found> {
  return async (input) => ({ ...input, existing: await find(input) });
}

/**
 * Stores the merged response and resolves once it is committed; skipped when nothing changed (a
 * double submit). `save` may itself drop, e.g. duplicate_response when a concurrent first answer of
 * the same visit won the insert.
 */
export function store(save: (merged: Merged) => Promise<void | Drop>): Step<Merged, Merged> {
  return async (merged) => {
    if (merged.change === "unchanged") return merged;
    const outcome = await save(merged);
    return isDrop(outcome) ? outcome : merged;
  };
}

/** Hands a new or changed comment to text analysis (language, sentiment, emotions, topics). Should enqueue, not wait. */
export function analyse(analyseComment: (merged: Merged) => Promise<void>): Step<Merged, Merged> {
  return async (merged) => {
    if (merged.changedQuestions.includes("comment")) await analyseComment(merged);
    return merged;
  };
}

/** Raises alerts for close-the-loop reasons this answer newly met. Should enqueue, not wait. */
export function notify(send: (merged: Merged, reasons: CloseTheLoopReason[]) => Promise<void>): Step<Merged, Merged> {
  return async (merged) => {
    const reasons = newCloseTheLoopReasons(merged);
    if (reasons.length > 0) await send(merged, reasons);
    return merged;
  };
}

// ---- The canonical pipeline ---------------------------------------------------------------------

/** The I/O the server provides to the ingestion pipeline. */
export interface IngestionIo {
  findTouchpoint: (touchpointId: string) => Promise<TouchpointForm | null>;
  allowRate: (input: Accepted) => Promise<boolean>;
  findResponse: (input: Normalised) => Promise<ResponseRecord | null>;
  saveResponse: (merged: Merged) => Promise<void | Drop>;
  analyseComment: (merged: Merged) => Promise<void>;
  notify: (merged: Merged, reasons: CloseTheLoopReason[]) => Promise<void>;
}

/**
 * Recording one submission, in order: load the touchpoint, check the form is open, check for spam,
 * check the rate, validate the answers, find the visit's response, merge, store, analyse, notify.
 * Cheap pure checks come before the rate limiter's I/O; nothing is stored before every check passed.
 */
export function recordResponsePipeline(io: IngestionIo): (submission: Submission) => Promise<PipelineOutcome<Merged>> {
  return pipeline(
    loadTouchpoint(io.findTouchpoint),
    checkForm,
    checkSpam,
    checkRate(io.allowRate),
    normaliseAnswers,
    findResponse(io.findResponse),
    mergeIntoResponse,
    store(io.saveResponse),
    analyse(io.analyseComment),
    notify(io.notify),
  );
}
