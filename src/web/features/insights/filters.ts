// The filters every score view shares. They live in the URL's query string, so a view can be shared
// with a colleague and the browser's back button undoes a change; each view reads them with
// useFilters() and the filter bar writes them.
import { useMemo } from "react";
import { channels, type Channel } from "../../../core/journeys/model.js";
import { languages, type Language } from "../../../core/i18n/languages.js";
import { responseSources, type ResponseSource } from "../../../core/responses/sources.js";
import { navigate, useLocation } from "../../router.js";

export interface Filters {
  /** First and last UTC day, YYYY-MM-DD; absent means the preset (or the server's default, the last 30 days). */
  from?: string;
  to?: string;
  /** Days back from today when no explicit dates: 7, 30, 90, 365. */
  preset?: number;
  journeyId?: string;
  stageId?: string;
  touchpointId?: string;
  channel?: Channel;
  source?: ResponseSource;
  language?: Language;
  placement?: string;
  store?: string;
  /** The brand's own hidden fields, "m_<key>:<value>" (at most 5, all must hold). */
  fields?: string[];
}

export const datePresets = [7, 30, 90, 365] as const;
export const defaultPreset = 30;

const day = /^\d{4}-\d{2}-\d{2}$/;
const idLike = /^[A-Za-z0-9_-]{1,64}$/;
/** An own-field filter as the API takes it: m_<key>:<value>. */
export const fieldPattern = /^m_[a-z0-9][a-z0-9_]{0,39}:.+$/;
const textLike = (value: string | null) => (value !== null && value.length > 0 && value.length <= 200 ? value : undefined);

/** The filters a URL query names; anything malformed is ignored rather than sent on. */
export function parseFilters(search: URLSearchParams): Filters {
  const filters: Filters = {};
  const from = search.get("from");
  const to = search.get("to");
  if (from && day.test(from) && to && day.test(to) && from <= to) {
    filters.from = from;
    filters.to = to;
  }
  const preset = Number(search.get("days"));
  if ((datePresets as readonly number[]).includes(preset)) filters.preset = preset;
  for (const key of ["journeyId", "stageId", "touchpointId"] as const) {
    const value = search.get(key === "journeyId" ? "journey" : key === "stageId" ? "stage" : "touchpoint");
    if (value && idLike.test(value)) filters[key] = value;
  }
  const channel = search.get("channel");
  if (channel && (channels as readonly string[]).includes(channel)) filters.channel = channel as Channel;
  const source = search.get("source");
  if (source && (responseSources as readonly string[]).includes(source)) filters.source = source as ResponseSource;
  const language = search.get("language");
  if (language && (languages as readonly string[]).includes(language)) filters.language = language as Language;
  const placement = textLike(search.get("placement"));
  if (placement) filters.placement = placement;
  const store = textLike(search.get("store"));
  if (store) filters.store = store;
  const fields = search.getAll("field").filter((f) => fieldPattern.test(f) && f.length <= 250).slice(0, 5);
  if (fields.length > 0) filters.fields = fields;
  return filters;
}

/** The URL query of a set of filters (the dashboard's own names, short and readable). */
export function filtersToSearch(filters: Filters, base = new URLSearchParams()): URLSearchParams {
  const search = new URLSearchParams(base);
  for (const key of ["from", "to", "days", "journey", "stage", "touchpoint", "channel", "source", "language", "placement", "store", "field"]) search.delete(key);
  if (filters.from && filters.to) {
    search.set("from", filters.from);
    search.set("to", filters.to);
  } else if (filters.preset && filters.preset !== defaultPreset) search.set("days", String(filters.preset));
  if (filters.journeyId) search.set("journey", filters.journeyId);
  if (filters.stageId) search.set("stage", filters.stageId);
  if (filters.touchpointId) search.set("touchpoint", filters.touchpointId);
  if (filters.channel) search.set("channel", filters.channel);
  if (filters.source) search.set("source", filters.source);
  if (filters.language) search.set("language", filters.language);
  if (filters.placement) search.set("placement", filters.placement);
  if (filters.store) search.set("store", filters.store);
  for (const field of filters.fields ?? []) search.append("field", field);
  return search;
}

const msPerDay = 86_400_000;
export const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The period the filters name, as the server will read it: explicit days, else the preset ending today (UTC). */
export function periodOf(filters: Filters, now = Date.now()): { from: string; to: string } {
  if (filters.from && filters.to) return { from: filters.from, to: filters.to };
  const days = filters.preset ?? defaultPreset;
  return { from: utcDay(now - (days - 1) * msPerDay), to: utcDay(now) };
}

/** The query parameters of a score request: the API's names, only those the route reads. */
export function toQuery(filters: Filters, route: "overview" | "journey" | "touchpoint" | "export" | "verbatims"): URLSearchParams {
  const query = new URLSearchParams(periodOf(filters));
  if (filters.source) query.set("source", filters.source);
  if (filters.language) query.set("language", filters.language);
  if (route !== "touchpoint" && filters.channel) query.set("channel", filters.channel);
  if ((route === "overview" || route === "export" || route === "verbatims") && filters.journeyId) query.set("journeyId", filters.journeyId);
  if (route === "overview" || route === "journey" || route === "export" || route === "verbatims") {
    if (filters.stageId) query.set("stageId", filters.stageId);
    if (filters.touchpointId) query.set("touchpointId", filters.touchpointId);
  }
  if (filters.placement) query.set("placement", filters.placement);
  if (filters.store) query.set("store", filters.store);
  for (const field of filters.fields ?? []) query.append("field", field);
  return query;
}

export function useFilters(): { filters: Filters; setFilters(next: Filters): void; search: string } {
  const { search, path } = useLocation();
  const key = search.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(key)), [key]);
  return {
    filters,
    search: key,
    setFilters: (next) => {
      const query = filtersToSearch(next, new URLSearchParams(key)).toString();
      navigate(query ? `${path}?${query}` : path);
    },
  };
}

/** A link to another view keeping the shared filters (and only them). */
export function withFilters(to: string, filters: Filters): string {
  const query = filtersToSearch(filters).toString();
  return query ? `${to}?${query}` : to;
}

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / msPerDay);
const dayString = (n: number) => new Date(n * msPerDay).toISOString().slice(0, 10);

/** The interval of a period's trend: days up to two weeks, weeks up to four months, else months (the server makes the buckets). */
export function trendIntervalOf(period: { from: string; to: string }): "day" | "week" | "month" {
  const length = dayNumber(period.to) - dayNumber(period.from) + 1;
  return length <= 14 ? "day" : length <= 120 ? "week" : "month";
}
