// Text analytics for the dashboards (sentiment and inferred emotions by topic and touchpoint, topic
// trends, key phrases, the texts themselves), the organisation's learned models, and re-analysis.
// The filters are the score API's (period, journey, touchpoint, source, language) plus text ones.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { isLanguage, languages, negotiateLanguage } from "../../../core/i18n/languages.js";
import { translate, type MessageKey } from "../../../core/i18n/messages.js";
import { topicCodes } from "../../../core/text/types.js";
import {
  minTrainingResponses,
  reanalyseOut,
  textFilterQuery,
  textListOut,
  textListQuery,
  textModelListOut,
  textModelOut,
  textPhrasesOut,
  textSummaryOut,
  textTrendQuery,
  textTrendsOut,
  trainModelRequest,
  type TextFilter,
} from "../../../core/voice/schema.js";
import { loadAnalyser } from "../../jobs/analyser.js";
import {
  emotionsByTouchpoint,
  emptySentiment,
  listTexts,
  recentKeyPhrases,
  sentimentByTouchpoint,
  textsByDay,
  topicEmotions,
  topicSentiment,
  type SentimentCounts,
  type TextFilter as DbTextFilter,
} from "../../../db/queries/text-analytics.js";
import { countEligible, getModel, listModels } from "../../../db/queries/text-models.js";
import { countStale } from "../../../db/queries/text.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation } from "../../auth/principal.js";
import type { TextServices } from "../../jobs/index.js";
import { reanalyseAll } from "../../jobs/text-analysis.js";
import { queueModel } from "../../jobs/text-training.js";
import { inertCsvCell, type Cell } from "../exports/cells.js";
import { orgParams, problemResponses } from "../openapi.js";
import { bucketStart, dayString, nextBucket, periodsOf, presentPeriod } from "../scores/schema.js";
import { presentEmotions, presentModel, presentSentiment, presentShare, presentText, type TextRow } from "./present.js";

const readText = "read" as const;
/** Exporting takes every text out of Momentos: the responses exports' permission (analysts and above, API keys). */
const exportTexts = "export" as const;
/** The CSV writer is loaded on the first export: an idle server does not carry it. */
const loadCsvStringify = async () => (await import("csv-stringify")).stringify;
/** Texts read per page by the CSV export (keyset pages, newest first). */
const exportPage = 1000;
const exportColumnKeys = ["at", "source", "touchpoint", "language", "rating", "text", "sentiment", "sentiment_score", "emotions", "topics", "key_phrases", "url"] as const;
const textExportQuery = textListQuery.omit({ cursor: true, limit: true }).extend({
  lang: z.enum(languages).optional().describe("The header row's language. Default: the member's language, else the request's Accept-Language, else Spanish."),
});

const codesOf = (json: string): string => {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.map((item) => (typeof item === "string" ? item : String((item as { code?: unknown }).code ?? ""))).filter(Boolean).join("; ") : "";
  } catch {
    return "";
  }
};

/** One text as CSV cells, in exportColumnKeys order (emotions, topics and key phrases joined with "; "). */
function textCells(row: TextRow, touchpointName: string | null): Cell[] {
  return [
    new Date(row.at).toISOString(),
    row.source,
    touchpointName,
    row.language,
    row.rating === null ? null : row.rating_max === null ? row.rating : `${row.rating}/${row.rating_max}`,
    row.comment ?? row.text ?? "",
    row.sentiment,
    row.sentiment_score,
    codesOf(row.emotions),
    codesOf(row.topics),
    codesOf(row.key_phrases),
    row.url,
  ];
}
const configure = "configure" as const;

/** Texts read to count key phrases: the newest in the period. */
const phraseSample = 20_000;

function filterOf(orgId: string, query: TextFilter, now: number): DbTextFilter & { period: { fromDay: number; toDay: number } } {
  const { current } = periodsOf(query, now);
  return {
    organisationId: orgId,
    fromDay: current.fromDay,
    toDay: current.toDay,
    journeyId: query.journeyId,
    touchpointId: query.touchpointId,
    source: query.source,
    language: query.language,
    kind: query.kind,
    channel: query.channel,
    period: current,
  };
}

function encodeCursor(at: number, id: string): string {
  return Buffer.from(`${at}:${id}`, "utf8").toString("base64url");
}
function decodeCursor(cursor: string): { at: number; id: string } | null {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split(":");
  const at = Number(time);
  return Number.isSafeInteger(at) && id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? { at, id } : null;
}

export function textRoutes(app: App, ctx: AppContext, services: TextServices): void {
  const db = ctx.db.kysely;

  app.get(
    "/api/v1/orgs/:orgId/text/summary",
    {
      schema: {
        tags: ["text"],
        summary: "Sentiment and inferred emotions, overall, by topic and by touchpoint",
        description:
          "Counts and shares of negative, neutral and positive texts with Wilson intervals, net sentiment (%positive − %negative, adjusted-Wald interval) and mean score (t interval); inferred emotions (always marked inferred); per topic its aspect sentiment and the emotions of the texts that mention it. Below 5 texts values are hidden.",
        params: orgParams,
        querystring: textFilterQuery,
        response: { 200: textSummaryOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await requireOrganisation(request, ctx, request.params.orgId, readText);
      const f = filterOf(request.params.orgId, request.query, ctx.clock());
      const [sentiment, emotions, topics, topicEmo, names] = await Promise.all([
        sentimentByTouchpoint(db, f),
        emotionsByTouchpoint(db, f),
        topicSentiment(db, f),
        topicEmotions(db, f),
        db.selectFrom("touchpoints").select(["id", "name"]).where("organisation_id", "=", f.organisationId).execute(),
      ]);
      const total = sentiment.overall.negative + sentiment.overall.neutral + sentiment.overall.positive;
      const overallEmotions = new Map<string, number>();
      const emotionsByTp = new Map<string | null, Map<string, number>>();
      for (const e of emotions) {
        overallEmotions.set(e.emotion, (overallEmotions.get(e.emotion) ?? 0) + e.n);
        const m = emotionsByTp.get(e.touchpoint_id) ?? new Map<string, number>();
        m.set(e.emotion, (m.get(e.emotion) ?? 0) + e.n);
        emotionsByTp.set(e.touchpoint_id, m);
      }
      const byTopic = new Map<string, SentimentCounts>();
      const topicsByTp = new Map<string | null, Map<string, number>>();
      for (const t of topics) {
        const c = byTopic.get(t.topic) ?? emptySentiment();
        if (t.sentiment === "negative" || t.sentiment === "neutral" || t.sentiment === "positive") c[t.sentiment] += t.n;
        c.scoreSum += t.s;
        c.scoreSquares += t.ss;
        byTopic.set(t.topic, c);
        const m = topicsByTp.get(t.touchpoint_id) ?? new Map<string, number>();
        m.set(t.topic, (m.get(t.topic) ?? 0) + t.n);
        topicsByTp.set(t.touchpoint_id, m);
      }
      const emotionsOfTopic = new Map<string, Map<string, number>>();
      for (const e of topicEmo) {
        const m = emotionsOfTopic.get(e.topic) ?? new Map<string, number>();
        m.set(e.emotion, e.n);
        emotionsOfTopic.set(e.topic, m);
      }
      const nameOf = new Map(names.map((n) => [n.id, n.name]));
      const mentions = (c: SentimentCounts) => c.negative + c.neutral + c.positive;
      return {
        period: presentPeriod(f.period),
        texts: total,
        overall: presentSentiment(sentiment.overall),
        emotions: presentEmotions(overallEmotions, total),
        topics: [...byTopic.entries()]
          .filter(([topic]) => (topicCodes as readonly string[]).includes(topic))
          .sort((a, b) => mentions(b[1]) - mentions(a[1]) || a[0].localeCompare(b[0]))
          .map(([topic, c]) => {
            const n = mentions(c);
            return {
              topic: topic as (typeof topicCodes)[number],
              mentions: presentShare(n, total),
              sentiment: presentSentiment(c),
              emotions: presentEmotions(emotionsOfTopic.get(topic) ?? new Map(), n),
            };
          }),
        touchpoints: [...sentiment.byTouchpoint.entries()]
          .sort((a, b) => mentions(b[1]) - mentions(a[1]))
          .map(([touchpointId, c]) => ({
            touchpointId,
            name: touchpointId === null ? null : (nameOf.get(touchpointId) ?? null),
            sentiment: presentSentiment(c),
            emotions: presentEmotions(emotionsByTp.get(touchpointId) ?? new Map(), mentions(c)),
            topTopics: [...(topicsByTp.get(touchpointId) ?? new Map<string, number>()).entries()]
              .filter(([topic]) => (topicCodes as readonly string[]).includes(topic))
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .slice(0, 5)
              .map(([topic, count]) => ({ topic: topic as (typeof topicCodes)[number], count })),
          })),
      };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/text/trends",
    {
      schema: {
        tags: ["text"],
        summary: "Texts, mean sentiment and topic mentions per day, week or month",
        params: orgParams,
        querystring: textTrendQuery,
        response: { 200: textTrendsOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await requireOrganisation(request, ctx, request.params.orgId, readText);
      const f = filterOf(request.params.orgId, request.query, ctx.clock());
      const interval = request.query.interval;
      const { days, topics } = await textsByDay(db, f);
      const buckets = new Map<number, { n: number; s: number; topics: Map<string, { n: number; s: number }> }>();
      for (let start = bucketStart(f.fromDay, interval); start <= f.toDay; start = nextBucket(start, interval)) buckets.set(start, { n: 0, s: 0, topics: new Map() });
      for (const d of days) {
        const b = buckets.get(bucketStart(d.day, interval));
        if (b) {
          b.n += d.n;
          b.s += d.s;
        }
      }
      for (const t of topics) {
        const b = buckets.get(bucketStart(t.day, interval));
        if (!b) continue;
        const entry = b.topics.get(t.topic) ?? { n: 0, s: 0 };
        entry.n += t.n;
        entry.s += t.s;
        b.topics.set(t.topic, entry);
      }
      return {
        period: presentPeriod(f.period),
        interval,
        points: [...buckets.entries()].map(([start, b]) => ({
          start: dayString(start),
          texts: b.n,
          meanSentiment: b.n >= 5 ? Math.round((b.s / b.n) * 1000) / 1000 : null,
          topics: [...b.topics.entries()]
            .filter(([topic]) => (topicCodes as readonly string[]).includes(topic))
            .sort((x, y) => y[1].n - x[1].n)
            .map(([topic, t]) => ({ topic: topic as (typeof topicCodes)[number], count: t.n, meanSentiment: t.n >= 5 ? Math.round((t.s / t.n) * 1000) / 1000 : null })),
        })),
      };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/text/phrases",
    {
      schema: {
        tags: ["text"],
        summary: "The most frequent key phrases",
        params: orgParams,
        querystring: textFilterQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
        response: { 200: textPhrasesOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await requireOrganisation(request, ctx, request.params.orgId, readText);
      const f = filterOf(request.params.orgId, request.query, ctx.clock());
      const rows = await recentKeyPhrases(db, f, phraseSample);
      const counts = new Map<string, { n: number; s: number }>();
      for (const row of rows) {
        let phrases: unknown;
        try {
          phrases = JSON.parse(row.key_phrases);
        } catch {
          continue;
        }
        if (!Array.isArray(phrases)) continue;
        for (const phrase of new Set(phrases.filter((p): p is string => typeof p === "string").map((p) => p.toLowerCase()))) {
          const entry = counts.get(phrase) ?? { n: 0, s: 0 };
          entry.n++;
          entry.s += row.sentiment_score;
          counts.set(phrase, entry);
        }
      }
      return {
        period: presentPeriod(f.period),
        phrases: [...counts.entries()]
          .filter(([, c]) => c.n >= 2)
          .sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))
          .slice(0, request.query.limit)
          .map(([phrase, c]) => ({ phrase, count: c.n, meanSentiment: Math.round((c.s / c.n) * 1000) / 1000 })),
        sampled: rows.length,
      };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/text/texts",
    {
      schema: {
        tags: ["text"],
        summary: "Texts (form comments and imported items) with their analysis, newest first",
        description: "Filter by topic, sentiment, inferred emotion, source, touchpoint, kind and words. `highlights` are UTF-16 offsets into `text`. Texts are untrusted: show them as text, never as HTML.",
        params: orgParams,
        querystring: textListQuery,
        response: { 200: textListOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await requireOrganisation(request, ctx, request.params.orgId, readText);
      const q = request.query;
      const f = filterOf(request.params.orgId, q, ctx.clock());
      const before = q.cursor ? decodeCursor(q.cursor) : undefined;
      if (before === null) throw problem("validation_failed", undefined, { errors: [{ field: "querystring.cursor", message: "is not a cursor from this list" }] });
      const rows = (await listTexts(db, { ...f, topic: q.topic, sentiment: q.sentiment, emotion: q.emotion, q: q.q, before, limit: q.limit })) as TextRow[];
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return { texts: page.map(presentText), nextCursor: rows.length > q.limit && last ? encodeCursor(last.at, last.id) : null };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/text/texts.csv",
    {
      schema: {
        tags: ["text"],
        summary: "Export the texts with their analysis as CSV (text/csv)",
        description:
          "Every text the texts list's filters select (period, journey, touchpoint, source, language, kind, channel, topic, sentiment, inferred emotion, words), newest first: " +
          "date (ISO 8601 UTC), source, touchpoint name, language, rating (n/max for imported items), text, sentiment label and score, inferred emotions, topics and key phrases " +
          "(codes or phrases joined with \"; \"), URL. Header row in the requester's language. Streamed page by page, whatever the size. Safe in spreadsheets: a text cell " +
          "starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe. UTF-8 with a byte-order mark, RFC 4180 quoting. Analysts and above, and API keys.",
        params: orgParams,
        querystring: textExportQuery,
        response: problemResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, exportTexts);
      const q = request.query;
      const f = filterOf(access.organisationId, q, ctx.clock());
      const principal = request.principal;
      const memberLanguage = principal?.kind === "session" && isLanguage(principal.user.language) ? principal.user.language : undefined;
      const language = q.lang ?? memberLanguage ?? negotiateLanguage(request.headers["accept-language"]);
      const names = await db.selectFrom("touchpoints").select(["id", "name"]).where("organisation_id", "=", f.organisationId).execute();
      const nameOf = new Map(names.map((n) => [n.id, n.name]));
      const stringify = await loadCsvStringify();
      const csv = stringify({ bom: true });
      csv.write(exportColumnKeys.map((key) => translate(language, `textExport.column.${key}` as MessageKey)));
      const source = Readable.from(
        (async function* () {
          let before: { at: number; id: string } | undefined;
          for (;;) {
            const rows = (await listTexts(db, { ...f, topic: q.topic, sentiment: q.sentiment, emotion: q.emotion, q: q.q, before, limit: exportPage })) as TextRow[];
            const page = rows.slice(0, exportPage);
            for (const row of page) yield textCells(row, row.touchpoint_id === null ? null : (nameOf.get(row.touchpoint_id) ?? null)).map(inertCsvCell);
            const last = page[page.length - 1];
            if (rows.length <= exportPage || !last) return;
            before = { at: last.at, id: last.id };
          }
        })(),
      );
      pipeline(source, csv).catch((error: unknown) => request.log.error({ err: error }, "texts CSV export stopped"));
      const period = presentPeriod(f.period);
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="momentos-texts-${period.from}-${period.to}.csv"`)
        .header("cache-control", "no-store");
      // A stream is sent as it is (no serializer); the schema lists only the problem responses.
      return reply.send(csv as never);
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/text/models",
    {
      schema: {
        tags: ["text"],
        summary: "The organisation's learned text models, with status, progress and quality on held-back responses",
        params: orgParams,
        response: { 200: textModelListOut, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await requireOrganisation(request, ctx, request.params.orgId, readText);
      const [models, eligible] = await Promise.all([listModels(db, request.params.orgId), countEligible(db, request.params.orgId)]);
      return { models: models.map(presentModel), eligible, threshold: minTrainingResponses };
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/text/models",
    {
      schema: {
        tags: ["text"],
        summary: "Train (or retrain) a learned model for the organisation, a journey or a touchpoint",
        description: `Admins. Needs at least ${minTrainingResponses} form responses with a comment and the customer's own emotion or scores in the scope. Training runs in the background: poll GET …/text/models.`,
        params: orgParams,
        body: trainModelRequest,
        response: { 202: textModelOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, configure);
      const orgId = request.params.orgId;
      const { scope } = request.body;
      let scopeId = orgId;
      if (scope !== "organisation") {
        if (!request.body.scopeId) throw problem("validation_failed", undefined, { errors: [{ field: "body.scopeId", message: "is required for a journey or touchpoint" }] });
        scopeId = request.body.scopeId;
        const table = scope === "journey" ? "journeys" : "touchpoints";
        const found = await db.selectFrom(table).select("id").where("organisation_id", "=", orgId).where("id", "=", scopeId).executeTakeFirst();
        if (!found) throw problem("not_found");
      }
      const eligible = await countEligible(db, orgId, scope, scopeId);
      if (eligible < minTrainingResponses) {
        throw problem("limit_reached", `A model needs at least ${minTrainingResponses} form responses with a comment and the customer's own emotion or scores; this scope has ${eligible}.`);
      }
      const id = await queueModel(ctx.db, orgId, scope, scopeId, access.actor.userId, ctx.clock());
      if (!id) throw problem("limit_reached", "A model for this scope is already being trained.");
      void services.training.runQueued();
      const model = await getModel(db, orgId, id);
      return reply.code(202).send(presentModel(model!));
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/text/reanalyse",
    {
      schema: {
        tags: ["text"],
        summary: "Re-analyse the organisation's texts analysed by an older analyser (in the background)",
        params: orgParams,
        response: { 202: reanalyseOut, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await requireOrganisation(request, ctx, request.params.orgId, configure);
      const orgId = request.params.orgId;
      const queued = await countStale(db, (await loadAnalyser()).analyserVersion(), orgId);
      void reanalyseAll(ctx.db, services.registry, ctx.clock, { organisationId: orgId }).catch((error: unknown) => request.log.error({ err: error }, "re-analysis failed"));
      return reply.code(202).send({ queued });
    },
  );
}
