// What arrives at the edge: one submission from the form page or widget, or one API item. Routes parse
// these schemas once; the answers stay unchecked until the pipeline knows the form's variant.
import { z } from "zod";
import { languages, negotiateLanguage, type Language } from "../i18n/languages.js";
import { formLimits, maximumTimeOnPageMs } from "../forms/limits.js";
import type { TouchpointStatus } from "../journeys/model.js";
import type { FormConfig } from "../forms/config.js";
import { hiddenFieldsSchema, parseUrlParameters, type HiddenFields } from "./hidden-fields.js";
import type { ResponseSource } from "./sources.js";

/** The name of the honeypot field: hidden from people, filled by form-filling bots. */
export const honeypotField = "website";

/**
 * A visit token, chosen by the form page (e.g. 16 random bytes in base64url): every answer of one
 * visit carries it, so answering again updates the same response and a double submit stores nothing new.
 */
export const visitTokenSchema = z
  .string()
  .regex(new RegExp(`^[A-Za-z0-9_-]{${formLimits.visitTokenMin},${formLimits.visitTokenMax}}$`), "must be 16–64 letters, digits, - or _");

/** An API idempotency key: printable ASCII, so that it reads the same in logs, headers and JSON. */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(formLimits.idempotencyKeyMax)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

/** The body the form page and the widget post for each answer given. */
export const pageSubmissionSchema = z.strictObject({
  visitToken: visitTokenSchema,
  answers: z.unknown().describe("The answers so far; checked against the form's variant."),
  language: z.enum(languages).optional(),
  /** Milliseconds since the form was shown (measured by the page, or from the rendered time without JavaScript). */
  timeOnPageMs: z.number().int().min(0).max(maximumTimeOnPageMs).nullable().default(null),
  /** The query string the page was opened with, read by parseUrlParameters. */
  parameters: z.string().max(formLimits.urlMax).default(""),
  [honeypotField]: z.string().max(1000).optional(),
});
export type PageSubmissionInput = z.infer<typeof pageSubmissionSchema>;

const pageSubmissionKeys: ReadonlySet<string> = new Set(["visitToken", "answers", "language", "timeOnPageMs", "parameters", honeypotField]);
const visitTokenPattern = new RegExp(`^[A-Za-z0-9_-]{${formLimits.visitTokenMin},${formLimits.visitTokenMax}}$`);

/**
 * pageSubmissionSchema's result for the common well-formed body, without the schema (the ingestion
 * hot path); null for anything else, which then goes through the schema so that its errors read the
 * same. Exported for the route and for the test that holds it to the schema.
 */
export function parsePageSubmissionQuickly(input: unknown): PageSubmissionInput | null {
  if (typeof input !== "object" || input === null || Object.getPrototypeOf(input) !== Object.prototype) return null;
  for (const key in input) {
    if (!pageSubmissionKeys.has(key)) return null;
  }
  const body = input as Record<string, unknown>;
  const { visitToken, answers, language, timeOnPageMs, parameters } = body;
  const honeypot = body[honeypotField];
  if (typeof visitToken !== "string" || !visitTokenPattern.test(visitToken)) return null;
  if (!Object.prototype.hasOwnProperty.call(body, "answers")) return null;
  if (!(language === undefined || (languages as readonly unknown[]).includes(language))) return null;
  const time = timeOnPageMs ?? null;
  if (!(time === null || (typeof time === "number" && Number.isInteger(time) && time >= 0 && time <= maximumTimeOnPageMs))) return null;
  if (!(parameters === undefined || (typeof parameters === "string" && parameters.length <= formLimits.urlMax))) return null;
  if (!(honeypot === undefined || (typeof honeypot === "string" && honeypot.length <= 1000))) return null;
  const parsed: PageSubmissionInput = { visitToken, answers, timeOnPageMs: time, parameters: (parameters as string | undefined) ?? "" };
  if (language !== undefined) parsed.language = language as PageSubmissionInput["language"];
  if (honeypot !== undefined) parsed[honeypotField] = honeypot as string;
  return parsed;
}

/** One response posted by a program to /api/v1/responses (alone or in a batch of up to 1,000). */
export const apiResponseItemSchema = z.strictObject({
  touchpointId: z.string().min(1).max(64),
  idempotencyKey: idempotencyKeySchema.optional().describe("Posting the same key again stores nothing and answers with the first response."),
  answers: z.unknown().describe("The answers; checked against the touchpoint form's variant."),
  hidden: hiddenFieldsSchema,
  language: z.enum(languages).optional(),
  source: z.enum(["api", "import"]).default("api"),
  occurredAt: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .optional()
    .describe("When the customer answered, if not now; a time in the future counts as now."),
});
export type ApiResponseItem = z.infer<typeof apiResponseItemSchema>;

/** Everything the ingestion pipeline needs about one submission, whatever its channel. */
export interface Submission {
  touchpointId: string;
  /** The id the response gets if this submission creates it (generated by the server). */
  newResponseId: string;
  /** Form page and widget: the visit token. Null for the API. */
  visitToken: string | null;
  /** API: the idempotency key, if sent. */
  idempotencyKey: string | null;
  /** Unchecked: validated by normaliseAnswers against the form's variant. */
  answers: unknown;
  hidden: HiddenFields;
  language: Language;
  source: ResponseSource;
  userAgent: string | null;
  /** For rate limits only; never stored. */
  clientAddress: string | null;
  /** The honeypot field's value; null or "" for people. */
  honeypot: string | null;
  timeOnPageMs: number | null;
  /** API and import: when the customer answered. */
  occurredAt: Date | null;
  /** The server's clock when the submission arrived. */
  receivedAt: Date;
}

/** A touchpoint and its current form, as the pipeline's first step loads them. */
export interface TouchpointForm {
  organisationId: string;
  journeyId: string;
  stageId: string;
  touchpointId: string;
  status: TouchpointStatus;
  archived: boolean;
  momentOfTruth: boolean;
  form: FormConfig;
  /** The id of the form's current version (see formVersionHash). */
  formVersion: string;
}

/** What the server knows about a request besides its body. */
export interface RequestContext {
  touchpointId: string;
  newResponseId: string;
  userAgent: string | null;
  clientAddress: string | null;
  /** The Accept-Language header, used when neither the body nor the link names a language. */
  acceptLanguage?: string | null;
  receivedAt: Date;
}

/**
 * A submission from the form page or the widget: hidden fields, source and language come from the
 * link's parameters (`?cr=…&source=qr&lang=pt`); the body's language, if any, wins over the link's.
 */
export function submissionFromPage(body: PageSubmissionInput, context: RequestContext): Submission {
  const link = parseUrlParameters(new URLSearchParams(body.parameters));
  return {
    touchpointId: context.touchpointId,
    newResponseId: context.newResponseId,
    visitToken: body.visitToken,
    idempotencyKey: null,
    answers: body.answers,
    hidden: link.hidden,
    language: body.language ?? link.language ?? negotiateLanguage(context.acceptLanguage),
    source: link.source ?? "link",
    userAgent: context.userAgent,
    clientAddress: context.clientAddress,
    honeypot: body[honeypotField] ?? null,
    timeOnPageMs: body.timeOnPageMs,
    occurredAt: null,
    receivedAt: context.receivedAt,
  };
}

/** A submission from one API item (alone or in a batch); the touchpoint is the item's own. */
export function submissionFromApi(item: ApiResponseItem, context: Omit<RequestContext, "touchpointId">): Submission {
  return {
    touchpointId: item.touchpointId,
    newResponseId: context.newResponseId,
    visitToken: null,
    idempotencyKey: item.idempotencyKey ?? null,
    answers: item.answers,
    hidden: item.hidden,
    language: item.language ?? negotiateLanguage(context.acceptLanguage),
    source: item.source,
    userAgent: context.userAgent,
    clientAddress: context.clientAddress,
    honeypot: null,
    timeOnPageMs: null,
    occurredAt: item.occurredAt ?? null,
    receivedAt: context.receivedAt,
  };
}
