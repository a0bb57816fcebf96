// Every text a person reads in the dashboard (and later the server-rendered form), in each language
// of languages.ts. Spanish (messages.es.ts) defines the keys; English and Portuguese are typed as
// `Messages`, so a key missing or misspelt in any language is a compile error.
import { defaultLanguage, type Language } from "./languages.js";
import type { ProblemCode } from "../problems.js";
import { es } from "./messages.es.js";
import { en } from "./messages.en.js";
import { pt } from "./messages.pt.js";

export type MessageKey = keyof typeof es;
export type Messages = { readonly [K in MessageKey]: string };
export type MessageParams = Record<string, string | number>;

export const messages: Record<Language, Messages> = { es, en, pt };

/** The Intl locale each language formats dates and numbers with. */
export const intlLocales: Record<Language, string> = { es: "es", en: "en", pt: "pt-BR" };

/** Keys that come in plural forms: "members.count" has "members.count.one" and "members.count.other". */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/** Every problem code the server answers with has a message, so the dashboard never shows a raw code. */
type MissingProblemMessages = Exclude<`problem.${ProblemCode}`, MessageKey>;
export const everyProblemHasAMessage: [MissingProblemMessages] extends [never] ? true : MissingProblemMessages = true;

/** Replaces {name} placeholders with their values; unknown placeholders stay visible. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The text of `key` in `language`, with its placeholders filled in. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  return formatMessage((messages[language] ?? messages[defaultLanguage])[key], params);
}

/**
 * The plural form of `key` that `count` needs in `language` ({count} is filled in too). A key may
 * also have a ".zero" form ("No active keys"), used for 0 whatever the language's rules say.
 */
export function translatePlural(language: Language, key: PluralKey, count: number, params?: MessageParams): string {
  const category = new Intl.PluralRules(intlLocales[language]).select(count);
  const dictionary = messages[language] as Record<string, string>;
  const template = (count === 0 ? dictionary[`${key}.zero`] : undefined) ?? dictionary[`${key}.${category}`] ?? dictionary[`${key}.other`] ?? key;
  return formatMessage(template, { count: new Intl.NumberFormat(intlLocales[language]).format(count), ...params });
}

/** True when `key` names a message (for codes that come from outside, like a server's problem code). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages[defaultLanguage], key);
}
