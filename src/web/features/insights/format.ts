// How the score views write numbers, dates and scores for the chosen language (Intl), and which
// scores exist: their unit, their range and how a target compares (CES: higher is easier, so better).
import { useMemo } from "react";
import { intlLocales } from "../../../core/i18n/messages.js";
import { useI18n } from "../../i18n.js";
import type { Score } from "./insights-api.js";

export type ScoreKey = "cxIndex" | "nps" | "csat" | "ces" | "nes";
export const heatmapScores = ["cxIndex", "nps", "csat", "ces"] as const satisfies readonly ScoreKey[];

export const scoreScales: Record<ScoreKey | "completionRate", { min: number; max: number; digits: number; unit: "points" | "percent" | "mean" }> = {
  cxIndex: { min: 0, max: 100, digits: 1, unit: "points" },
  nps: { min: -100, max: 100, digits: 0, unit: "points" },
  nes: { min: -100, max: 100, digits: 0, unit: "points" },
  csat: { min: 0, max: 100, digits: 1, unit: "percent" },
  ces: { min: 1, max: 7, digits: 2, unit: "mean" },
  completionRate: { min: 0, max: 100, digits: 1, unit: "percent" },
};

export interface Format {
  locale: string;
  number(value: number, digits?: number): string;
  signed(value: number, digits?: number): string;
  percent(value: number, digits?: number): string;
  /** A score's value in its unit ("42", "+12", "81,3 %", "5,42"). */
  score(key: keyof typeof scoreScales, value: number | null): string;
  /** Its 95 % interval, "38–46". */
  interval(key: keyof typeof scoreScales, score: Pick<Score, "interval">): string | null;
  /** A change in the score's unit: "+3,2" (points), "+3,2 p.p." (shares). */
  change(key: keyof typeof scoreScales, value: number): string;
  /** A UTC day (YYYY-MM-DD) as a short date. */
  day(iso: string, style?: "short" | "medium" | "month"): string;
}

export function useFormat(): Format {
  const { language } = useI18n();
  return useMemo(() => {
    const locale = intlLocales[language];
    const cache = new Map<string, Intl.NumberFormat>();
    const nf = (digits: number, signed = false) => {
      const key = `${digits}${signed}`;
      let format = cache.get(key);
      if (!format) {
        format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, ...(signed ? { signDisplay: "exceptZero" as const } : {}) });
        cache.set(key, format);
      }
      return format;
    };
    const percentFormat = (digits: number) => new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits });
    const dayFormats = {
      short: new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }),
      medium: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }),
      month: new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }),
    };
    // A true minus sign (U+2212) reads better than a hyphen next to dashes and ranges.
    const minus = (text: string) => text.replace(/^-/, "\u2212").replace(/([\s(])-/g, "$1\u2212");
    const format: Format = {
      locale,
      number: (value, digits = 0) => minus(nf(digits).format(value)),
      signed: (value, digits = 0) => minus(nf(digits, true).format(value)),
      percent: (value, digits = 0) => percentFormat(digits).format(value / 100),
      score: (key, value) => {
        if (value === null) return "—";
        const scale = scoreScales[key];
        if (scale.unit === "percent") return percentFormat(scale.digits).format(value / 100);
        if (key === "nps" || key === "nes") return minus(nf(0, true).format(Math.round(value)));
        return minus(nf(scale.digits).format(value));
      },
      interval: (key, score) => {
        if (!score.interval) return null;
        const digits = scoreScales[key].digits;
        return `${minus(nf(digits).format(score.interval.lower))} – ${minus(nf(digits).format(score.interval.upper))}`;
      },
      change: (key, value) => {
        const scale = scoreScales[key];
        const digits = scale.unit === "mean" ? 2 : 1;
        return `${minus(nf(digits, true).format(value))}${scale.unit === "percent" ? " p.p." : ""}`;
      },
      day: (iso, style = "medium") => dayFormats[style].format(new Date(`${iso}T00:00:00Z`)),
    };
    return format;
  }, [language]);
}

/** How a value stands against a target: ratio of the way from the scale's bottom to the target (≥ 1 is met). */
export function againstTarget(key: ScoreKey, value: number, target: number | null): "met" | "near" | "below" | "none" {
  if (target === null) return "none";
  const scale = scoreScales[key];
  const gap = value - target;
  const width = scale.max - scale.min;
  if (gap >= 0) return "met";
  return -gap <= width * 0.05 ? "near" : "below";
}
