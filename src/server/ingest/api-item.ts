// One response as a program sends it to POST /api/v1/orgs/:orgId/responses. Parsed item by item (not
// by the route), so that one bad item of a batch is reported on its own while the good ones are stored.
import { z } from "zod";
import { emotionCodes } from "../../core/emotions.js";
import { formLimits } from "../../core/forms/limits.js";
import { languages } from "../../core/i18n/languages.js";
import { hiddenFieldsSchema } from "../../core/responses/hidden-fields.js";
import { idempotencyKeySchema } from "../../core/responses/submission.js";

const timestamp = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

/** One API item. The answers stay unchecked here: the touchpoint's form variant decides what is valid. */
export const apiItemSchema = z.strictObject({
  touchpointId: z.string().min(1).max(64).describe("The touchpoint the customer answered about."),
  idempotencyKey: idempotencyKeySchema.describe(
    "Your id for this response (a ticket id, an order id…). Sending the same key again updates the same response instead of creating another.",
  ),
  answers: z.unknown(),
  customerReference: z
    .string()
    .max(formLimits.customerReferenceMax)
    .optional()
    .describe("Your customer's id, to link responses with customer data; the same as hidden.customerReference."),
  hidden: hiddenFieldsSchema.describe("Hidden fields: order, channel, store, placement and your own meta keys."),
  language: z.enum(languages).optional().describe("The language the customer answered in."),
  startedAt: timestamp.optional().describe("When the customer started answering; defaults to completedAt."),
  completedAt: timestamp.optional().describe("When the customer answered; defaults to when Momentos receives it. A time in the future counts as now."),
});
export type ApiItem = z.output<typeof apiItemSchema>;

const emotionAnswerDoc = z.object({
  code: z.enum(emotionCodes),
  second: z.enum(emotionCodes).nullable().optional().describe("An optional second emotion, different from the first."),
  intensity: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable().optional().describe("1 a little, 2 quite, 3 very."),
});

/** The answers as documented in OpenAPI (validated by core/responses validateAnswers against the form's variant). */
export const answersDocSchema = z
  .object({
    emotion: emotionAnswerDoc.optional(),
    csat: z.number().int().min(1).max(5).optional().describe("universal and content forms"),
    brand_love: z.number().int().min(1).max(7).optional().describe("relationship form"),
    ces: z.number().int().min(1).max(7).optional().describe("universal and relationship forms"),
    usefulness: z.number().int().min(1).max(7).optional().describe("content form"),
    nps: z.number().int().min(0).max(10).optional(),
    comment: z.string().max(formLimits.commentMax * 2).optional().describe(`At most ${formLimits.commentMax} characters (code points); stored verbatim, shown as text.`),
  })
  .describe("Any subset of the form's questions, at least one. Questions of another variant are refused.");

/** The item as documented: the same fields, with the answers' shape spelt out. */
export const apiItemDocSchema = apiItemSchema.extend({ answers: answersDocSchema });
