// The dashboard's language: chosen from the browser at first, switchable, remembered in
// localStorage (and on the account, see session.tsx). Texts come from core/i18n/messages; dates
// and numbers are formatted by Intl for the chosen language.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { isLanguage, negotiateLanguage, type Language } from "../core/i18n/languages.js";
import { intlLocales, translate, translatePlural, type MessageKey, type MessageParams, type PluralKey } from "../core/i18n/messages.js";

const storageKey = "momentos.language";

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: MessageParams): string;
  /** A message that depends on a count ("1 member", "3 members"), by Intl plural rules. */
  tn(key: PluralKey, count: number, params?: MessageParams): string;
  formatDate(iso: string): string;
  formatDateTime(iso: string): string;
  /** "3 minutes ago", "in 6 days". */
  formatRelative(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The remembered choice, else the browser's preferred languages. */
export function initialLanguage(): Language {
  return readStoredLanguage() ?? negotiateLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const chosen = initialLanguage();
    document.documentElement.lang = chosen;
    return chosen;
  });

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    document.documentElement.lang = next;
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const locale = intlLocales[language];
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    return {
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
      tn: (key, count, params) => translatePlural(language, key, count, params),
      formatDate: (iso) => dateFormat.format(new Date(iso)),
      formatDateTime: (iso) => dateTimeFormat.format(new Date(iso)),
      formatRelative: (iso) => {
        const delta = new Date(iso).getTime() - Date.now();
        return Math.abs(delta) < 60_000 ? translate(language, "common.justNow") : formatRelative(relativeFormat, delta);
      },
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600 * 1000],
  ["month", 30 * 24 * 3600 * 1000],
  ["week", 7 * 24 * 3600 * 1000],
  ["day", 24 * 3600 * 1000],
  ["hour", 3600 * 1000],
  ["minute", 60 * 1000],
];

function formatRelative(format: Intl.RelativeTimeFormat, deltaMs: number): string {
  for (const [unit, size] of units) {
    if (Math.abs(deltaMs) >= size) return format.format(Math.round(deltaMs / size), unit);
  }
  return format.format(Math.round(deltaMs / 60_000), "minute");
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
