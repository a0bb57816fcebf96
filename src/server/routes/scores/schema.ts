// The filters every score route shares (the dashboard keeps them in its URL), and the period they name.
import { z } from "zod";
import { channels } from "../../../core/journeys/model.js";
import { languages } from "../../../core/i18n/languages.js";
import { responseSources } from "../../../core/responses/sources.js";
import { problem } from "../../errors.js";
import { orgParams } from "../openapi.js";

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

/** Longest period a score view covers: two years of days. */
export const maxPeriodDays = 731;
/** Default period: the last 30 days, today included. */
export const defaultPeriodDays = 30;

export const filterQuery = z.object({
  from: day.optional().describe("First day (UTC), YYYY-MM-DD. Default: 29 days before `to`."),
  to: day.optional().describe("Last day (UTC), included. Default: today."),
  source: z.enum(responseSources).optional(),
  language: z.enum(languages).optional().describe("The language the customer answered in."),
  channel: z.enum(channels).optional().describe("The touchpoint's channel on the journey map."),
});
export const overviewQuery = filterQuery.extend({ journeyId: id.optional() });
export const trendIntervals = ["day", "week", "month"] as const;
export const touchpointQuery = filterQuery.omit({ channel: true }).extend({
  interval: z.enum(trendIntervals).default("day").describe("The trend's buckets: UTC days, ISO weeks (from Monday) or calendar months."),
});
export const prioritiesQuery = filterQuery.extend({
  journeyId: id.optional().describe("The journey whose touchpoints are placed; every live touchpoint of the organisation when absent."),
  score: z.enum(["nps", "csat", "ces"]).default("nps").describe("The performance axis: this score against the touchpoint's target."),
});

export const journeyParams = orgParams.extend({ journeyId: id });
export const touchpointParams = orgParams.extend({ touchpointId: id });

export interface Period {
  fromDay: number;
  toDay: number;
}

const msPerDay = 86_400_000;
export const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / msPerDay);
export const dayString = (dayNumber: number) => new Date(dayNumber * msPerDay).toISOString().slice(0, 10);

/** The period the query names, and the previous period of equal length just before it; validation_failed when it is not a period. */
export function periodsOf(query: { from?: string | undefined; to?: string | undefined }, now: number): { current: Period; previous: Period } {
  const toDay = query.to !== undefined ? dayNumber(query.to) : Math.floor(now / msPerDay);
  const fromDay = query.from !== undefined ? dayNumber(query.from) : toDay - defaultPeriodDays + 1;
  const errors: Array<{ field: string; message: string }> = [];
  if (Number.isNaN(fromDay)) errors.push({ field: "querystring.from", message: "is not a date" });
  if (Number.isNaN(toDay)) errors.push({ field: "querystring.to", message: "is not a date" });
  if (errors.length === 0 && fromDay > toDay) errors.push({ field: "querystring.from", message: "must not be after to" });
  if (errors.length === 0 && toDay - fromDay + 1 > maxPeriodDays) errors.push({ field: "querystring.from", message: `a period covers at most ${maxPeriodDays} days` });
  if (errors.length > 0) throw problem("validation_failed", undefined, { errors });
  const length = toDay - fromDay + 1;
  return { current: { fromDay, toDay }, previous: { fromDay: fromDay - length, toDay: fromDay - 1 } };
}

export const periodOut = z.object({ from: z.string(), to: z.string() }).describe("UTC days, both included.");
export const presentPeriod = (p: Period) => ({ from: dayString(p.fromDay), to: dayString(p.toDay) });

/** The first day of the trend bucket a day falls in. */
export function bucketStart(dayNumber: number, interval: (typeof trendIntervals)[number]): number {
  if (interval === "day") return dayNumber;
  if (interval === "week") return dayNumber - ((dayNumber + 3) % 7); // day 0 (1970-01-01) was a Thursday
  const date = new Date(dayNumber * msPerDay);
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / msPerDay);
}

/** The first day of the next bucket. */
export function nextBucket(start: number, interval: (typeof trendIntervals)[number]): number {
  if (interval === "day") return start + 1;
  if (interval === "week") return start + 7;
  const date = new Date(start * msPerDay);
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / msPerDay);
}
