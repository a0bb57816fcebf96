// The filters every score route shares (the dashboard keeps them in its URL), and the period they name.
import { z } from "zod";
import { channels } from "../../../core/journeys/model.js";
import { languages } from "../../../core/i18n/languages.js";
import { responseSources } from "../../../core/responses/sources.js";
import type { FieldFilter, ResponseFilter } from "../../../db/queries/response-filter.js";
import { problem } from "../../errors.js";
import { orgParams } from "../openapi.js";

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

/** Longest period a score view covers: two years of days. */
export const maxPeriodDays = 731;
/** Default period: the last 30 days, today included. */
export const defaultPeriodDays = 30;

/** A brand's own field in a filter: `m_<key>:<value>` (the key as in the link's `m_<key>` parameter). */
const fieldFilterParam = z
  .string()
  .max(250)
  .regex(/^m_[a-z0-9][a-z0-9_]{0,39}:.+$/, "must be m_<key>:<value>, e.g. m_plan:gold");
/** At most this many own-field filters at once (they are ANDed). */
export const maxFieldFilters = 5;
const filterText = z.string().min(1).max(200);

/**
 * The filters every analytics view shares; the dashboard keeps them in its URL as they are. `channel`
 * is the touchpoint's channel on the map; `customerChannel`, `store`, `placement` and `field` are what
 * the link, QR code or API said about the response (reading them scans raw responses, docs/analytics.md).
 */
export const filterQuery = z.object({
  from: day.optional().describe("First day (UTC), YYYY-MM-DD. Default: 29 days before `to`."),
  to: day.optional().describe("Last day (UTC), included. Default: today."),
  source: z.enum(responseSources).optional(),
  language: z.enum(languages).optional().describe("The language the customer answered in."),
  channel: z.enum(channels).optional().describe("The touchpoint's channel on the journey map."),
  placement: filterText.optional().describe("Where the QR code was placed (hidden field `placement`), exact value."),
  store: filterText.optional().describe("The store (hidden field `store`), exact value."),
  customerChannel: filterText.optional().describe("The channel the link or API declared (hidden field `channel`), exact value."),
  field: z
    .union([fieldFilterParam, z.array(fieldFilterParam).max(maxFieldFilters)])
    .optional()
    .describe(`The brand's own fields: \`field=m_plan:gold\`, repeatable (up to ${maxFieldFilters}, all must hold).`),
});
export type FilterQuery = z.infer<typeof filterQuery>;

/** Narrowing to a journey, a stage or a touchpoint (their current place on the map). */
export const placeQuery = z.object({
  journeyId: id.optional().describe("Only this journey's touchpoints."),
  stageId: id.optional().describe("Only this stage's touchpoints."),
  touchpointId: id.optional().describe("Only this touchpoint."),
});

/** Compare with any period instead of the previous one of equal length. */
export const compareQuery = z.object({
  compareFrom: day.optional().describe("First day (UTC) of the period to compare with. Default: the period of equal length just before."),
  compareTo: day.optional().describe("Last day (UTC) of the period to compare with; needs compareFrom."),
});

export const overviewQuery = filterQuery.extend({ ...placeQuery.shape, ...compareQuery.shape });
export const trendIntervals = ["day", "week", "month"] as const;
export type TrendInterval = (typeof trendIntervals)[number];
const intervalQuery = z.enum(trendIntervals).default("day").describe("The trend's buckets: UTC days, ISO weeks (from Monday) or calendar months.");
export const touchpointQuery = filterQuery.omit({ channel: true }).extend({
  interval: intervalQuery,
  ...compareQuery.shape,
});
export const trendQuery = filterQuery.extend({ ...placeQuery.shape, interval: intervalQuery });
export const prioritiesQuery = filterQuery.extend({
  journeyId: id.optional().describe("The journey whose touchpoints are placed; every live touchpoint of the organisation when absent."),
  score: z.enum(["nps", "csat", "ces"]).default("nps").describe("The performance axis: this score against the touchpoint's target."),
});

/** The own-field filters of a query as key/value pairs (keys without `m_`); validation_failed when a key repeats. */
export function fieldFiltersOf(query: { field?: string | string[] | undefined }): FieldFilter[] {
  const raw = query.field === undefined ? [] : Array.isArray(query.field) ? query.field : [query.field];
  const out: FieldFilter[] = [];
  for (const item of raw) {
    const colon = item.indexOf(":");
    const key = item.slice(2, colon);
    if (out.some((f) => f.key === key)) throw problem("validation_failed", undefined, { errors: [{ field: "querystring.field", message: `m_${key} is named twice` }] });
    out.push({ key, value: item.slice(colon + 1) });
  }
  return out;
}

/** The response filter of a view: its period, its touchpoints (null: all) and the query's other filters. */
export function responseFilterOf(organisationId: string, period: Period, touchpointIds: readonly string[] | null, query: Partial<FilterQuery>): ResponseFilter {
  return {
    organisationId,
    fromDay: period.fromDay,
    toDay: period.toDay,
    touchpointIds,
    source: query.source,
    language: query.language,
    placement: query.placement,
    store: query.store,
    customerChannel: query.customerChannel,
    fields: fieldFiltersOf(query),
  };
}

export const journeyParams = orgParams.extend({ journeyId: id });
export const touchpointParams = orgParams.extend({ touchpointId: id });

export interface Period {
  fromDay: number;
  toDay: number;
}

const msPerDay = 86_400_000;
export const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / msPerDay);
export const dayString = (dayNumber: number) => new Date(dayNumber * msPerDay).toISOString().slice(0, 10);

/** The period the query names, and the period it is compared with (by default the one of equal length just before); validation_failed when they are not periods. */
export function periodsOf(
  query: { from?: string | undefined; to?: string | undefined; compareFrom?: string | undefined; compareTo?: string | undefined },
  now: number,
): { current: Period; previous: Period } {
  const toDay = query.to !== undefined ? dayNumber(query.to) : Math.floor(now / msPerDay);
  const fromDay = query.from !== undefined ? dayNumber(query.from) : toDay - defaultPeriodDays + 1;
  const errors: Array<{ field: string; message: string }> = [];
  const check = (from: number, to: number, fromField: string, toField: string) => {
    if (Number.isNaN(from)) errors.push({ field: fromField, message: "is not a date" });
    if (Number.isNaN(to)) errors.push({ field: toField, message: "is not a date" });
    if (errors.length === 0 && from > to) errors.push({ field: fromField, message: "must not be after " + toField.slice("querystring.".length) });
    if (errors.length === 0 && to - from + 1 > maxPeriodDays) errors.push({ field: fromField, message: `a period covers at most ${maxPeriodDays} days` });
  };
  check(fromDay, toDay, "querystring.from", "querystring.to");
  let previous: Period = { fromDay: fromDay - (toDay - fromDay + 1), toDay: fromDay - 1 };
  if (query.compareTo !== undefined && query.compareFrom === undefined) errors.push({ field: "querystring.compareFrom", message: "is needed with compareTo" });
  if (query.compareFrom !== undefined && errors.length === 0) {
    const compareFrom = dayNumber(query.compareFrom);
    // Without compareTo, the compared period has the current period's length.
    const compareTo = query.compareTo !== undefined ? dayNumber(query.compareTo) : compareFrom + (toDay - fromDay);
    check(compareFrom, compareTo, "querystring.compareFrom", "querystring.compareTo");
    previous = { fromDay: compareFrom, toDay: compareTo };
  }
  if (errors.length > 0) throw problem("validation_failed", undefined, { errors });
  return { current: { fromDay, toDay }, previous };
}

export const periodOut = z.object({ from: z.string(), to: z.string() }).describe("UTC days, both included.");
export const presentPeriod = (p: Period) => ({ from: dayString(p.fromDay), to: dayString(p.toDay) });

/** The first day of the trend bucket a day falls in. */
export function bucketStart(dayNumber: number, interval: TrendInterval): number {
  if (interval === "day") return dayNumber;
  if (interval === "week") return dayNumber - ((dayNumber + 3) % 7); // day 0 (1970-01-01) was a Thursday
  const date = new Date(dayNumber * msPerDay);
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / msPerDay);
}

/** The first day of the next bucket. */
export function nextBucket(start: number, interval: TrendInterval): number {
  if (interval === "day") return start + 1;
  if (interval === "week") return start + 7;
  const date = new Date(start * msPerDay);
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / msPerDay);
}
