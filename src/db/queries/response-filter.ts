// The filters every analytics view shares (docs/analytics.md), as one value and one `where` over raw
// responses. Score views read rollups when the filter fits the rollup key (touchpoints, day, source,
// language) and scan responses through this `where` otherwise; verbatims and exports always use it.
import type { ExpressionBuilder, SelectQueryBuilder } from "kysely";
import type { DialectName } from "../connect.js";
import { jsonTextField } from "../dialect.js";
import type { Tables } from "../tables.js";

const msPerDay = 86_400_000;

/** A brand's own hidden field (`m_<key>` in links, stored under `<key>`) and the value it must have. */
export interface FieldFilter {
  key: string;
  value: string;
}

/** Which responses an analytics view covers. */
export interface ResponseFilter {
  organisationId: string;
  /** UTC days (since 1970-01-01) of `started_at`, both included. */
  fromDay: number;
  toDay: number;
  /** null: every touchpoint of the organisation; a list (maybe empty): only those. */
  touchpointIds: readonly string[] | null;
  source?: string | undefined;
  /** "" for responses whose language is unknown. */
  language?: string | undefined;
  /** Filters outside the rollup key: a view with any of them scans raw responses. */
  placement?: string | undefined;
  store?: string | undefined;
  /** The channel the customer declared (hidden field `channel`), not the touchpoint's channel on the map. */
  customerChannel?: string | undefined;
  fields?: readonly FieldFilter[] | undefined;
}

/** True when the filter names something the rollup key does not hold (placement, store, customer channel, own fields). */
export function needsRawResponses(filter: ResponseFilter): boolean {
  return filter.placement !== undefined || filter.store !== undefined || filter.customerChannel !== undefined || (filter.fields?.length ?? 0) > 0;
}

type ResponsesQuery<O> = SelectQueryBuilder<Tables, "responses", O>;

/** The conditions of `filter` on the `responses` table (qualified column names, so joins may follow). */
export function whereResponses<O>(query: ResponsesQuery<O>, filter: ResponseFilter, dialect: DialectName): ResponsesQuery<O> {
  let q = query
    .where("responses.organisation_id", "=", filter.organisationId)
    .where("responses.started_at", ">=", filter.fromDay * msPerDay)
    .where("responses.started_at", "<", (filter.toDay + 1) * msPerDay);
  if (filter.touchpointIds !== null) q = q.where("responses.touchpoint_id", "in", filter.touchpointIds.length > 0 ? [...filter.touchpointIds] : [""]);
  if (filter.source !== undefined) q = q.where("responses.source", "=", filter.source);
  if (filter.language !== undefined) {
    const language = filter.language;
    q = language === "" ? q.where("responses.language", "is", null) : q.where("responses.language", "=", language);
  }
  if (filter.placement !== undefined) q = q.where("responses.placement", "=", filter.placement);
  if (filter.store !== undefined) q = q.where("responses.store", "=", filter.store);
  if (filter.customerChannel !== undefined) q = q.where("responses.channel", "=", filter.customerChannel);
  for (const field of filter.fields ?? []) {
    q = q.where((eb: ExpressionBuilder<Tables, "responses">) => eb(jsonTextField("responses.hidden_fields", field.key, dialect), "=", field.value));
  }
  return q;
}

/** The value of one of a response's own fields (for segments), as SQL. */
export function fieldValue(key: string, dialect: DialectName) {
  return jsonTextField("responses.hidden_fields", key, dialect);
}

/** `responses.hidden_fields` as an object of strings, whichever way the driver returns it (text on SQLite, parsed jsonb on PostgreSQL). */
export function hiddenFieldsOf(value: unknown): Record<string, string> {
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(parsed)) if (typeof v === "string") out[key] = v;
  return out;
}
