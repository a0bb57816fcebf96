// A form's configuration as an admin edits it: variant, wording per language, brand, colour, texts
// around the questions and whether it is open. Its schema has no field for a question's type, scale
// or order, so no configuration can change them (METHOD.md §1).
import { z } from "zod";
import type { Language } from "../i18n/languages.js";
import { defaultBrandColour, parseHexColour } from "./colour.js";
import { formLimits } from "./limits.js";
import { listPlaceholders } from "./placeholders.js";
import type { FormVariant, QuestionId } from "./questions.js";
import { countCodePoints, normaliseMultilineText, normaliseSingleLineText } from "./text.js";

function codePointsAtMost(max: number) {
  return (text: string) => countCodePoints(text) <= max;
}

/** A required single line of text, cleaned and counted in code points. */
function requiredLine(max: number) {
  return z
    .string()
    .transform(normaliseSingleLineText)
    .refine((s) => s.length > 0, "must not be empty")
    .refine(codePointsAtMost(max), `must be at most ${max} characters`);
}

/** An optional text: cleaned; empty after cleaning means "not set" and is dropped. */
function optionalText(max: number, multiline: boolean) {
  return z
    .string()
    .transform(multiline ? normaliseMultilineText : normaliseSingleLineText)
    .refine(codePointsAtMost(max), `must be at most ${max} characters`)
    .transform((s) => (s === "" ? undefined : s))
    .optional();
}

/** A reworded question text: one line, only known placeholders, and no {emotion} in question 1 itself. */
function questionTextSchema(id: QuestionId) {
  return optionalText(formLimits.questionTextMax, false).superRefine((text, ctx) => {
    if (text === undefined) return;
    for (const placeholder of listPlaceholders(text)) {
      if (placeholder.kind === null) {
        ctx.addIssue({ code: "custom", message: `unknown placeholder ${placeholder.written}; use {experience}, {brand} or {emotion} (or their es/pt names)` });
      } else if (placeholder.kind === "emotion" && id === "emotion") {
        ctx.addIssue({ code: "custom", message: "the emotion question cannot pipe the emotion it asks for" });
      }
    }
  });
}

function perLanguage<T extends z.ZodType>(schema: T) {
  return z.strictObject({ es: schema, en: schema, pt: schema }).default({} as never);
}

function wordingOf<const Ids extends readonly QuestionId[]>(ids: Ids) {
  const shape = Object.fromEntries(ids.map((id) => [id, questionTextSchema(id)])) as {
    [K in Ids[number]]: ReturnType<typeof questionTextSchema>;
  };
  return perLanguage(z.strictObject(shape).optional());
}

function urlSchema(protocols: readonly string[], description: string) {
  return z
    .string()
    .trim()
    .max(formLimits.urlMax)
    .transform((text, ctx) => {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        ctx.addIssue({ code: "custom", message: "must be an absolute URL" });
        return z.NEVER;
      }
      if (!protocols.includes(url.protocol)) {
        ctx.addIssue({ code: "custom", message: `must start with ${protocols.map((p) => `${p}//`).join(" or ")}` });
        return z.NEVER;
      }
      if (url.username || url.password) {
        ctx.addIssue({ code: "custom", message: "must not contain a user name or password" });
        return z.NEVER;
      }
      return url.href;
    })
    .describe(description);
}

/** The brand's logo: https only, so the form page never loads mixed content. */
export const logoUrlSchema = urlSchema(["https:"], "The brand's logo, https only.");
/** Where the thank-you page sends the customer: http or https only (no javascript:, data: …). */
export const redirectUrlSchema = urlSchema(["https:", "http:"], "Where to send the customer after the last answer.");

/** A hex colour, "#abc" or "#aabbcc", stored as "#aabbcc". */
export const hexColourSchema = z.string().transform((value, ctx) => {
  const colour = parseHexColour(value);
  if (!colour) {
    ctx.addIssue({ code: "custom", message: "must be a hex colour such as #1d4ed8" });
    return z.NEVER;
  }
  return colour;
});

const commonFields = {
  brandName: requiredLine(formLimits.brandNameMax).describe("Fills {marca} / {brand}."),
  logoUrl: logoUrlSchema.nullable().default(null),
  brandColour: hexColourSchema
    .default(defaultBrandColour)
    .describe("Buttons and selected answers; shown through its accessible shade when it fails WCAG AA against white."),
  experienceName: perLanguage(optionalText(formLimits.experienceNameMax, false)).describe(
    "Fills {experiencia} / {experience} / {experiência}, per language, e.g. “la entrega de tu pedido”.",
  ),
  thankYou: perLanguage(optionalText(formLimits.thankYouMax, true)).describe("Shown after the last answer, per language."),
  redirectUrl: redirectUrlSchema.nullable().default(null),
  open: z.boolean().default(true).describe("A closed form answers 410 and stores nothing."),
};

const universalConfig = z.strictObject({
  variant: z.literal("universal").default("universal"),
  wording: wordingOf(["emotion", "csat", "ces", "nps", "comment"] as const),
  ...commonFields,
});
const contentConfig = z.strictObject({
  variant: z.literal("content"),
  wording: wordingOf(["emotion", "csat", "usefulness", "nps", "comment"] as const),
  ...commonFields,
});
const relationshipConfig = z.strictObject({
  variant: z.literal("relationship"),
  wording: wordingOf(["emotion", "brand_love", "ces", "nps", "comment"] as const),
  ...commonFields,
});

/**
 * A form's configuration. `wording` holds rewordings of question texts only, per language, keyed by
 * the variant's question ids: rewording `csat` on a relationship form, or adding a type, a scale or
 * an order, is an unknown key and refused.
 */
export const formConfigSchema = z.discriminatedUnion("variant", [universalConfig, contentConfig, relationshipConfig]);
export type FormConfig = z.output<typeof formConfigSchema>;
export type FormConfigInput = z.input<typeof formConfigSchema>;

/** The rewordings of one language: question id → text. */
export type QuestionWording = Partial<Record<QuestionId, string>>;

/** A form's rewording of one question in one language; undefined when it uses the default. */
export function rewordingOf(config: FormConfig, id: QuestionId, language: Language): string | undefined {
  const wording = config.wording[language] as QuestionWording | undefined;
  return wording?.[id];
}

/** The configuration of a new form: the default wording, open, Momentos' colour. */
export function defaultFormConfig(brandName: string, variant: FormVariant = "universal"): FormConfig {
  return formConfigSchema.parse({ variant, brandName });
}
