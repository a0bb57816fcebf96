// What leaves the server about a touchpoint's form and its versions, field by field.
import { z } from "zod";
import { checkBrandColour, formVariants, type FormConfig } from "../../../core/forms/index.js";
import { languages } from "../../../core/i18n/languages.js";
import type { FormTarget } from "../../../db/queries/forms.js";
import type { FormVersionRow } from "../../../db/queries/form-versions.js";
import { formLink } from "./share.js";

const iso = (ms: number) => new Date(ms).toISOString();

const perLanguage = <T extends z.ZodType>(schema: T) => z.object({ es: schema.optional(), en: schema.optional(), pt: schema.optional() });

/** A configuration as stored: the output of formConfigSchema, so it can be sent back to PUT unchanged. */
export const formConfigOut = z
  .object({
    variant: z.enum(formVariants),
    wording: perLanguage(z.record(z.string(), z.string())).describe("Rewordings per language, by question id; a question not listed uses the default text."),
    brandName: z.string(),
    logoUrl: z.string().nullable(),
    brandColour: z.string(),
    experienceName: perLanguage(z.string()),
    thankYou: perLanguage(z.string()),
    redirectUrl: z.string().nullable(),
    open: z.boolean(),
  })
  .describe("The form's configuration (METHOD.md §1): wording, brand and behaviour; never a question's type, scale or order.");

export const formOut = z.object({
  id: z.string(),
  touchpointId: z.string(),
  touchpointName: z.string(),
  journeyId: z.string(),
  stageId: z.string(),
  code: z.string().describe("The public code of the form's link, /f/<code>."),
  link: z.string().describe("The public link, from BASE_URL."),
  version: z.number().int().describe("The current version; each change of what a respondent reads makes a new one."),
  open: z.boolean(),
  accepting: z.boolean().describe("False when the form is closed or the touchpoint is paused or removed."),
  config: formConfigOut,
  colour: z
    .object({
      contrast: z.number().describe("Contrast ratio of white text on the brand colour (WCAG)."),
      meetsAa: z.boolean(),
      shownAs: z.string().describe("The colour the form page uses: the brand colour, or a darker shade of it when it fails AA."),
    })
    .describe("Whether the brand colour is readable as a button colour."),
  updatedAt: z.string(),
});

function presentColour(config: FormConfig) {
  const check = checkBrandColour(config.brandColour);
  if (check.ok) return { contrast: round(check.ratio), meetsAa: true, shownAs: check.colour };
  if (check.reason === "low_contrast") return { contrast: round(check.ratio), meetsAa: false, shownAs: check.suggestion };
  return { contrast: 1, meetsAa: false, shownAs: config.brandColour };
}
const round = (ratio: number) => Math.round(ratio * 100) / 100;

export function presentFormConfig(config: FormConfig): z.infer<typeof formConfigOut> {
  const clean = <T>(record: Partial<Record<(typeof languages)[number], T | undefined>>) =>
    Object.fromEntries(languages.flatMap((language) => (record[language] === undefined ? [] : [[language, record[language]]]))) as Partial<Record<(typeof languages)[number], T>>;
  return {
    variant: config.variant,
    wording: clean(config.wording as Partial<Record<(typeof languages)[number], Record<string, string>>>),
    brandName: config.brandName,
    logoUrl: config.logoUrl,
    brandColour: config.brandColour,
    experienceName: clean(config.experienceName),
    thankYou: clean(config.thankYou),
    redirectUrl: config.redirectUrl,
    open: config.open,
  };
}

export function presentForm(target: FormTarget, baseUrl: URL): z.infer<typeof formOut> {
  return {
    id: target.form.id,
    touchpointId: target.touchpointId,
    touchpointName: target.touchpointName,
    journeyId: target.journeyId,
    stageId: target.stageId,
    code: target.form.public_code,
    link: formLink(baseUrl, target.form.public_code),
    version: target.form.version,
    open: target.form.is_open === 1,
    accepting: target.accepting,
    config: presentFormConfig(target.config),
    colour: presentColour(target.config),
    updatedAt: iso(target.form.updated_at),
  };
}

export const formVersionOut = z.object({
  version: z.number().int(),
  contentHash: z.string().describe("SHA-256 of what a respondent reads in this version (formVersionHash)."),
  createdAt: z.string(),
  createdBy: z.object({ userId: z.string(), name: z.string().nullable() }).nullable().describe("Null for the version created with the form."),
  config: formConfigOut,
});

export function presentFormVersion(row: FormVersionRow, parse: (raw: string) => FormConfig): z.infer<typeof formVersionOut> {
  return {
    version: row.version,
    contentHash: row.content_hash,
    createdAt: iso(row.created_at),
    createdBy: row.created_by ? { userId: row.created_by, name: row.created_by_name } : null,
    config: presentFormConfig(parse(row.config)),
  };
}
