// The named steps of ingestion (STYLE.md, example 8). Each step reads the visit, adds what it learnt,
// and returns nothing to go on or a drop with its reason. The decisions come from core; the steps
// only bring the I/O (form lookup, rate limits, the group-committed write) to them.
import type { FormTarget } from "../../db/queries/forms.js";
import type { ResponseWrite } from "../../db/queries/responses.js";
import type { Language } from "../../core/i18n/languages.js";
import { minimumTimeOnPageMs } from "../../core/forms/limits.js";
import { validateAnswers, type Answers } from "../../core/responses/answers.js";
import { classifyDevice } from "../../core/responses/device.js";
import type { HiddenFields } from "../../core/responses/hidden-fields.js";
import { drop, type Drop } from "../../core/responses/pipeline.js";
import type { ResponseSource } from "../../core/responses/sources.js";
import { apiItemSchema } from "./api-item.js";

/** Where the form is looked up: by the public code of a link, or by an organisation's touchpoint id. */
export type FormLookup = { by: "code"; code: string } | { by: "touchpoint"; organisationId: string; touchpointId: string };

/**
 * One submission on its way through the steps. The edge fills the first block; each step fills the
 * part it is named after. Never stored as such: `store` turns it into a ResponseWrite.
 */
export interface Visit {
  channel: "page" | "api";
  /** API: the organisation of the key or member that sent the item. */
  organisationId: string | null;
  lookup: FormLookup;
  /** Page: `v:` + visit token (the touchpoint is added once known). API: `k:` + idempotency key. */
  dedupeToken: string;
  answersInput: unknown;
  source: ResponseSource;
  language: Language | null;
  hidden: HiddenFields;
  userAgent: string | null;
  /** Rate limits only; never stored. */
  clientAddress: string | null;
  honeypot: string | null;
  timeOnPageMs: number | null;
  receivedAt: number;
  /** API: when the customer started and answered, if the program says. */
  startedAt: number | null;
  answeredAt: number | null;
  /** API: the raw item, parsed by parseItem. */
  item?: unknown;

  target?: FormTarget;
  answers?: Answers;
  responseId?: string;
}

export type StepResult = Drop | undefined;
export type Step = (visit: Visit) => StepResult | Promise<StepResult>;

/** What the steps need from the running ingestor. */
export interface StepIo {
  /** A cached form at once, else a promise of it. */
  findForm(lookup: FormLookup): FormTarget | null | Promise<FormTarget | null>;
  allowRate(clientAddress: string | null, touchpointId: string): boolean;
  write(row: ResponseWrite): Promise<string>;
  notify(visit: Visit): void;
}

/** API only: the item's fields, strictly; a bad field is reported as invalid_answer with its path. */
export function parseItem(visit: Visit): StepResult {
  const parsed = apiItemSchema.safeParse(visit.item);
  if (!parsed.success) {
    return drop("invalid_answer", { issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) });
  }
  const item = parsed.data;
  const now = visit.receivedAt;
  const answeredAt = item.completedAt !== undefined && item.completedAt <= now ? item.completedAt : now;
  visit.lookup = { by: "touchpoint", organisationId: visit.organisationId ?? "", touchpointId: item.touchpointId };
  visit.dedupeToken = `k:${item.idempotencyKey}`;
  visit.answersInput = item.answers;
  visit.language = item.language ?? null;
  visit.hidden = item.customerReference !== undefined ? { ...item.hidden, customerReference: item.customerReference.trim() || null } : item.hidden;
  visit.answeredAt = answeredAt;
  visit.startedAt = item.startedAt !== undefined ? Math.min(item.startedAt, answeredAt) : answeredAt;
  return undefined;
}

/** unknown_touchpoint when no form answers to the code (or the organisation has no such touchpoint). */
export function findForm(io: StepIo): Step {
  const found = (visit: Visit, target: FormTarget | null): StepResult => {
    if (!target) return drop("unknown_touchpoint");
    visit.target = target;
    return undefined;
  };
  return (visit) => {
    const target = io.findForm(visit.lookup);
    return target instanceof Promise ? target.then((t) => found(visit, t)) : found(visit, target);
  };
}

/** form_closed when the form is closed, or its touchpoint paused or archived. */
export function checkForm(visit: Visit): StepResult {
  return visit.target!.accepting ? undefined : drop("form_closed");
}

/** rate_limited when the client address or the touchpoint is over its budget (form page and widget only). */
export function checkRate(io: StepIo): Step {
  return (visit) => (io.allowRate(visit.clientAddress, visit.target!.touchpointId) ? undefined : drop("rate_limited"));
}

/**
 * spam_suspected when the honeypot is filled, or when the first answer comes sooner than a person
 * can read the first question (core's minimumTimeOnPageMs) or without a time at all. An e-mail click
 * may come without one: its first answer was given inside the e-mail.
 */
export function checkSpam(visit: Visit): StepResult {
  if (visit.honeypot !== null && visit.honeypot.trim() !== "") return drop("spam_suspected");
  if (visit.timeOnPageMs === null) return visit.source === "email" ? undefined : drop("spam_suspected");
  return visit.timeOnPageMs < minimumTimeOnPageMs ? drop("spam_suspected") : undefined;
}

/** invalid_answer, with the issue of each field, unless every answer is valid for the form's variant (core). */
export function normaliseAnswers(visit: Visit): StepResult {
  const result = validateAnswers(visit.answersInput, visit.target!.config.variant);
  if (!result.ok) return drop("invalid_answer", { issues: result.issues });
  visit.answers = result.answers;
  return undefined;
}

/** Writes the answers through the group committer; resolves once the batch holding them is committed. */
export function store(io: StepIo): Step {
  return async (visit) => {
    visit.responseId = await io.write(toResponseWrite(visit));
    return undefined;
  };
}

/** Hands the stored response to what comes after storing (text analysis, alerts): later issues. */
export function notify(io: StepIo): Step {
  return (visit) => {
    io.notify(visit);
    return undefined;
  };
}

/**
 * The row one submission writes. Answers absent from this submission are null and keep their stored
 * value (upsertResponses merges by dedupe key); who, where, source and hidden fields are those of the
 * visit's first write.
 */
export function toResponseWrite(visit: Visit): ResponseWrite {
  const target = visit.target!;
  const answers = visit.answers!;
  const at = visit.answeredAt ?? visit.receivedAt;
  const startedAt = visit.channel === "page" ? at - Math.max(0, visit.timeOnPageMs ?? 0) : (visit.startedAt ?? at);
  const when = (answered: unknown) => (answered === undefined ? null : at);
  const { hidden } = visit;
  const meta = Object.keys(hidden.meta).length > 0 ? JSON.stringify(hidden.meta) : null;
  return {
    organisation_id: target.organisationId,
    journey_id: target.journeyId,
    stage_id: target.stageId,
    touchpoint_id: target.touchpointId,
    form_version: target.form.version,
    dedupe_key: visit.channel === "page" ? `v:${target.touchpointId}:${visit.dedupeToken}` : visit.dedupeToken,
    variant: target.config.variant,
    source: visit.source,
    placement: hidden.placement,
    language: visit.language,
    device_class: visit.channel === "page" ? classifyDevice(visit.userAgent) : null,
    emotion: answers.emotion?.code ?? null,
    emotion_2: answers.emotion?.second ?? null,
    intensity: answers.emotion?.intensity ?? null,
    csat: answers.csat ?? null,
    brand_love: answers.brand_love ?? null,
    ces: answers.ces ?? null,
    usefulness: answers.usefulness ?? null,
    nps: answers.nps ?? null,
    comment: answers.comment ?? null,
    customer_ref: hidden.customerReference,
    order_ref: hidden.orderReference,
    channel: hidden.channel,
    store: hidden.store,
    hidden_fields: meta,
    started_at: startedAt,
    emotion_at: when(answers.emotion),
    csat_at: when(answers.csat ?? answers.brand_love),
    ces_at: when(answers.ces ?? answers.usefulness),
    nps_at: when(answers.nps),
    comment_at: when(answers.comment),
  };
}
