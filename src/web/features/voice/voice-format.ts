// Numbers of the voice screens in the reader's language: shares, net scores, sentiment scores,
// counts, byte sizes; and the names of topics, sources and sentiments.
import { emotionLabel, type EmotionCode } from "../../../core/emotions.js";
import type { Language } from "../../../core/i18n/languages.js";
import { intlLocales, type MessageKey } from "../../../core/i18n/messages.js";
import type { SentimentLabel, TopicCode } from "../../../core/text/types.js";
import type { I18n } from "../../i18n.js";
import type { TextSource } from "./voice-filters.js";

export interface VoiceFormat {
  count(value: number): string;
  /** A share 0…1 as "42 %". */
  percent(value: number, digits?: number): string;
  /** A share as the server sends it, 0…100, as "42 %". */
  share(value: number): string;
  /** −100…100 with its sign: "+12", "−8". */
  net(value: number): string;
  /** A sentiment score −1…1 with its sign and two decimals. */
  score(value: number): string;
  /** 0…1 as "0.72" (quality figures). */
  decimal(value: number): string;
  bytes(value: number): string;
  topic(code: TopicCode): string;
  source(source: TextSource): string;
  sentiment(label: SentimentLabel): string;
  emotion(code: EmotionCode): string;
}

export function voiceFormat(language: Language, t: I18n["t"]): VoiceFormat {
  const locale = intlLocales[language];
  const count = new Intl.NumberFormat(locale);
  const percent0 = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const percent1 = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const net = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" });
  const score = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const emotionLocale = preferredLocale(language);
  return {
    count: (value) => count.format(value),
    percent: (value, digits = 0) => (digits === 0 ? percent0 : percent1).format(value),
    share: (value) => percent0.format(value / 100),
    net: (value) => net.format(Math.round(value)),
    score: (value) => score.format(value),
    decimal: (value) => decimal.format(value),
    bytes: (value) => {
      const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
      let unit = 0;
      let size = value;
      while (size >= 1024 && unit < units.length - 1) {
        size /= 1024;
        unit += 1;
      }
      return new Intl.NumberFormat(locale, { style: "unit", unit: units[unit], unitDisplay: "short", maximumFractionDigits: unit === 0 ? 0 : 1 }).format(size);
    },
    topic: (code) => t(`voice.topic.${code}` as MessageKey),
    source: (source) => t(`voice.source.${source}` as MessageKey),
    sentiment: (label) => t(`voice.sentiment.${label}` as MessageKey),
    emotion: (code) => emotionLabel(code, emotionLocale),
  };
}

/**
 * The locale emotion labels follow: the browser's, when it is a variant of the chosen language (so
 * es-ES reads "Enfado" and es-MX "Enojo"), else the language itself.
 */
function preferredLocale(language: string): string {
  const preferred = typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  return preferred.find((locale) => locale.toLowerCase().split("-")[0] === language) ?? language;
}
