// Hidden fields: what the link, QR code, widget or API says about a response without asking the
// customer (customer and order references, channel, store, placement and the brand's own `m_*` keys).
import { z } from "zod";
import { isEmotionCode, type EmotionCode } from "../emotions.js";
import { isLanguage, type Language } from "../i18n/languages.js";
import { formLimits } from "../forms/limits.js";
import { countCodePoints, normaliseSingleLineText } from "../forms/text.js";
import { urlSources, type UrlSource } from "./sources.js";

export interface HiddenFields {
  customerReference: string | null;
  orderReference: string | null;
  channel: string | null;
  store: string | null;
  placement: string | null;
  /** The brand's own fields, from `m_<key>` parameters, stored under `<key>`. */
  meta: Record<string, string>;
}

export const noHiddenFields: HiddenFields = {
  customerReference: null,
  orderReference: null,
  channel: null,
  store: null,
  placement: null,
  meta: {},
};

type NamedField = Exclude<keyof HiddenFields, "meta">;

/**
 * URL parameter → hidden field. Names are read case-insensitively; the first one present wins when
 * a field has two names (`cr` before `customer`, `store` before `location`).
 */
export const hiddenFieldParameters: Readonly<Record<string, NamedField>> = {
  cr: "customerReference",
  customer: "customerReference",
  order: "orderReference",
  channel: "channel",
  store: "store",
  location: "store",
  placement: "placement",
};

/** The length limit of each named hidden field, in code points. */
export const hiddenFieldMax: Readonly<Record<NamedField, number>> = {
  customerReference: formLimits.customerReferenceMax,
  orderReference: formLimits.orderReferenceMax,
  channel: formLimits.channelMax,
  store: formLimits.storeMax,
  placement: formLimits.placementMax,
};

/** Other parameters the form page reads: `lang` (es/en/pt), `source` (link/qr/widget/email), `emotion` (an e-mail click). */
export const pageParameters = ["lang", "source", "emotion"] as const;

/** The prefix of the brand's own parameters: `m_plan=gold` is stored as meta `plan: "gold"`. */
export const metaPrefix = "m_";
/** A meta key after its prefix: lower-case letters, digits and `_`, starting with a letter or digit. */
export const metaKeyPattern = new RegExp(`^[a-z0-9][a-z0-9_]{0,${formLimits.metaKeyMax - 1}}$`);

export type IgnoredReason = "unknown_parameter" | "repeated" | "invalid_key" | "invalid_value" | "too_long" | "too_many";

export interface UrlParameters {
  hidden: HiddenFields;
  language: Language | null;
  source: UrlSource | null;
  /** The emotion an e-mail click answered; the page shows it chosen. */
  emotion: EmotionCode | null;
  /** Parameters not used, with why (keys cut to 64 characters), for debugging a brand's links. */
  ignored: Array<{ key: string; reason: IgnoredReason }>;
}

/** At most this many parameters are read from one URL; the rest are ignored as too_many. */
export const parametersReadMax = 100;

type ParameterInput = URLSearchParams | Iterable<readonly [string, string]> | Readonly<Record<string, string | readonly string[] | undefined>>;

function entriesOf(input: ParameterInput): Array<[string, string]> {
  if (input instanceof URLSearchParams) return [...input.entries()];
  if (Symbol.iterator in input) return [...(input as Iterable<readonly [string, string]>)].map(([k, v]) => [k, v]);
  const entries: Array<[string, string]> = [];
  for (const key of Object.keys(input)) {
    const value = (input as Record<string, string | readonly string[] | undefined>)[key];
    if (value === undefined) continue;
    for (const v of typeof value === "string" ? [value] : value) entries.push([key, v]);
  }
  return entries;
}

/** A hidden field value as stored: one line, NFC, no control characters; null when empty or too long. */
function cleanValue(value: string, max: number): { value: string } | { reason: "too_long" | "invalid_value" } {
  if (value.length > max * 4) return { reason: "too_long" };
  const clean = normaliseSingleLineText(value);
  if (clean === "") return { reason: "invalid_value" };
  if (countCodePoints(clean) > max) return { reason: "too_long" };
  return { value: clean };
}

/**
 * Reads a form link's query parameters (a URLSearchParams, entries, or a parsed query object).
 * Lenient, because links live in the wild: an unusable parameter is ignored and reported, never a
 * reason to lose the response. Values are cleaned (one line, NFC, no control characters); a value
 * over its limit is dropped, not cut, since a cut customer reference would be a wrong one.
 * Hostile keys (`__proto__`, `m___proto__`, `constructor`) are never used as keys.
 */
export function parseUrlParameters(input: ParameterInput): UrlParameters {
  const result: UrlParameters = { hidden: { ...noHiddenFields, meta: {} }, language: null, source: null, emotion: null, ignored: [] };
  const seen = new Set<string>();
  const meta: Array<[string, string]> = [];
  const ignore = (key: string, reason: IgnoredReason) => result.ignored.push({ key: key.slice(0, 64), reason });

  entriesOf(input).forEach(([rawKey, rawValue], index) => {
    if (index >= parametersReadMax) return ignore(rawKey, "too_many");
    const key = rawKey.trim().toLowerCase();
    const field = Object.prototype.hasOwnProperty.call(hiddenFieldParameters, key) ? hiddenFieldParameters[key] : undefined;
    if (field) {
      if (seen.has(field)) return ignore(rawKey, "repeated");
      const clean = cleanValue(rawValue, hiddenFieldMax[field]);
      if ("reason" in clean) return ignore(rawKey, clean.reason);
      seen.add(field);
      result.hidden[field] = clean.value;
      return;
    }
    if (key === "lang" || key === "source" || key === "emotion") {
      if (seen.has(key)) return ignore(rawKey, "repeated");
      const value = rawValue.trim().toLowerCase();
      if (key === "lang") {
        const language = value.split(/[-_]/)[0];
        if (!isLanguage(language)) return ignore(rawKey, "invalid_value");
        result.language = language;
      } else if (key === "source") {
        if (!(urlSources as readonly string[]).includes(value)) return ignore(rawKey, "invalid_value");
        result.source = value as UrlSource;
      } else {
        if (!isEmotionCode(value)) return ignore(rawKey, "invalid_value");
        result.emotion = value;
      }
      seen.add(key);
      return;
    }
    if (key.startsWith(metaPrefix)) {
      const metaKey = key.slice(metaPrefix.length);
      if (!metaKeyPattern.test(metaKey)) return ignore(rawKey, "invalid_key");
      if (seen.has(key)) return ignore(rawKey, "repeated");
      if (meta.length >= formLimits.metaFieldsMax) return ignore(rawKey, "too_many");
      const clean = cleanValue(rawValue, formLimits.hiddenValueMax);
      if ("reason" in clean) return ignore(rawKey, clean.reason);
      seen.add(key);
      meta.push([metaKey, clean.value]);
      return;
    }
    ignore(rawKey, "unknown_parameter");
  });
  result.hidden.meta = Object.fromEntries(meta);
  return result;
}

function hiddenValueSchema(max: number) {
  return z
    .string()
    .max(max * 4)
    .transform(normaliseSingleLineText)
    .refine((s) => countCodePoints(s) <= max, `must be at most ${max} characters`)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .default(null);
}

/** The brand's own fields in the API: `{ "plan": "gold" }` — keys as after `m_`, values strings. */
export const metaSchema = z
  .unknown()
  .transform((input, ctx): Record<string, string> => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      ctx.addIssue({ code: "custom", message: "must be an object of strings" });
      return z.NEVER;
    }
    const keys = Object.keys(input);
    if (keys.length > formLimits.metaFieldsMax) {
      ctx.addIssue({ code: "custom", message: `must have at most ${formLimits.metaFieldsMax} keys` });
      return z.NEVER;
    }
    const entries: Array<[string, string]> = [];
    for (const key of keys) {
      const value: unknown = (input as Record<string, unknown>)[key];
      if (!metaKeyPattern.test(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: "keys are lower-case letters, digits and _, starting with a letter or digit" });
      } else if (typeof value !== "string") {
        ctx.addIssue({ code: "custom", path: [key], message: "must be a string" });
      } else {
        const clean = cleanValue(value, formLimits.hiddenValueMax);
        if ("value" in clean) entries.push([key, clean.value]);
        else if (clean.reason === "too_long") ctx.addIssue({ code: "custom", path: [key], message: `must be at most ${formLimits.hiddenValueMax} characters` });
      }
    }
    return Object.fromEntries(entries);
  });

/** Hidden fields as the API takes them: strict, unlike links: a bad value is a validation error. */
export const hiddenFieldsSchema = z
  .strictObject({
    customerReference: hiddenValueSchema(formLimits.customerReferenceMax),
    orderReference: hiddenValueSchema(formLimits.orderReferenceMax),
    channel: hiddenValueSchema(formLimits.channelMax),
    store: hiddenValueSchema(formLimits.storeMax),
    placement: hiddenValueSchema(formLimits.placementMax),
    meta: metaSchema.default({}),
  })
  .default({ ...noHiddenFields, meta: {} } as never);

/**
 * Hidden fields of a later answer of the same visit join the response's: a field already set keeps
 * its value, an unset one is filled, meta keys are added up to the limit.
 */
export function mergeHiddenFields(current: HiddenFields, incoming: HiddenFields): HiddenFields {
  const meta = { ...current.meta };
  for (const [key, value] of Object.entries(incoming.meta)) {
    if (Object.prototype.hasOwnProperty.call(meta, key)) continue;
    if (Object.keys(meta).length >= formLimits.metaFieldsMax) break;
    Object.defineProperty(meta, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return {
    customerReference: current.customerReference ?? incoming.customerReference,
    orderReference: current.orderReference ?? incoming.orderReference,
    channel: current.channel ?? incoming.channel,
    store: current.store ?? incoming.store,
    placement: current.placement ?? incoming.placement,
    meta,
  };
}
