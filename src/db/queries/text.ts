// Storing text analyses (one row per text, its topics and inferred emotions as child rows) and finding
// the texts that need one: new or edited form comments, and analyses of an older analyser version.
import { sql } from "kysely";
import type { StoredAnalysis } from "../../core/voice/analyse.js";
import type { Kdb, TextAnalysesTable, TextEmotionsTable, TextTopicsTable } from "../tables.js";
import { dialectOf } from "../dialect.js";

const msPerDay = 86_400_000;

/** Where a text sits and when it was written: what the analysis row repeats for aggregation. */
export interface TextPlacement {
  id: string;
  organisationId: string;
  kind: "response" | "voice";
  touchpointId: string | null;
  journeyId: string | null;
  stageId: string | null;
  at: number;
  source: string;
  /** The response's updated_at (0 for voice items). */
  sourceUpdatedAt: number;
}

export interface AnalysisRows {
  analysis: TextAnalysesTable;
  topics: TextTopicsTable[];
  emotions: TextEmotionsTable[];
}

export function analysisRows(place: TextPlacement, stored: StoredAnalysis, version: string, model: string, now: number): AnalysisRows {
  const day = Math.floor(place.at / msPerDay);
  return {
    analysis: {
      id: place.id,
      organisation_id: place.organisationId,
      kind: place.kind,
      response_id: place.kind === "response" ? place.id : null,
      voice_item_id: place.kind === "voice" ? place.id : null,
      touchpoint_id: place.touchpointId,
      journey_id: place.journeyId,
      stage_id: place.stageId,
      at: place.at,
      day,
      source: place.source,
      language: stored.language,
      sentiment: stored.sentiment,
      sentiment_score: stored.sentimentScore,
      emotions: JSON.stringify(stored.emotions),
      topics: JSON.stringify(stored.topics),
      key_phrases: JSON.stringify(stored.keyPhrases),
      highlights: JSON.stringify(stored.highlights),
      analyser_version: version,
      model,
      source_updated_at: place.sourceUpdatedAt,
      analysed_at: now,
    },
    topics: stored.topics.map((t) => ({
      text_id: place.id,
      topic: t.code,
      organisation_id: place.organisationId,
      touchpoint_id: place.touchpointId,
      journey_id: place.journeyId,
      day,
      source: place.source,
      language: stored.language,
      // The same cut as the learned model's training labels (core/text labelFromSentimentScore).
      sentiment: t.sentiment <= -0.2 ? "negative" : t.sentiment >= 0.2 ? "positive" : "neutral",
      sentiment_score: t.sentiment,
      relevance: t.score,
    })),
    emotions: stored.emotions.map((e) => ({ text_id: place.id, emotion: e.code, organisation_id: place.organisationId, score: e.score })),
  };
}

const analysisColumns = [
  "organisation_id",
  "kind",
  "response_id",
  "voice_item_id",
  "touchpoint_id",
  "journey_id",
  "stage_id",
  "at",
  "day",
  "source",
  "language",
  "sentiment",
  "sentiment_score",
  "emotions",
  "topics",
  "key_phrases",
  "highlights",
  "analyser_version",
  "model",
  "source_updated_at",
  "analysed_at",
] as const;

/** Rows per insert statement (PostgreSQL's 65,535 parameters; SQLite's 32,766). */
const chunk = 200;

/**
 * Writes analyses, replacing any earlier analysis of the same texts with its topics and emotions.
 * Idempotent: two servers analysing the same text write the same rows, the last one wins.
 */
export async function storeAnalyses(db: Kdb, rows: AnalysisRows[]): Promise<void> {
  if (rows.length === 0) return;
  // The same text twice in one batch (a response edited while queued): keep the last.
  const byId = new Map(rows.map((r) => [r.analysis.id, r]));
  const unique = [...byId.values()];
  for (let i = 0; i < unique.length; i += chunk) {
    const part = unique.slice(i, i + chunk);
    const ids = part.map((r) => r.analysis.id);
    await db.deleteFrom("text_topics").where("text_id", "in", ids).execute();
    await db.deleteFrom("text_emotions").where("text_id", "in", ids).execute();
    await db
      .insertInto("text_analyses")
      .values(part.map((r) => r.analysis))
      .onConflict((oc) =>
        oc.column("id").doUpdateSet(Object.fromEntries(analysisColumns.map((c) => [c, (eb: any) => eb.ref(`excluded.${c}`)])) as never),
      )
      .execute();
    const topics = part.flatMap((r) => r.topics);
    for (let j = 0; j < topics.length; j += chunk) {
      await db.insertInto("text_topics").values(topics.slice(j, j + chunk)).onConflict((oc) => oc.doNothing()).execute();
    }
    const emotions = part.flatMap((r) => r.emotions);
    for (let j = 0; j < emotions.length; j += chunk) {
      await db.insertInto("text_emotions").values(emotions.slice(j, j + chunk)).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}

export interface PendingResponse {
  id: string;
  organisation_id: string;
  touchpoint_id: string;
  journey_id: string;
  stage_id: string;
  source: string;
  language: string | null;
  comment: string;
  started_at: number;
  comment_at: number | null;
  updated_at: number;
  emotion: string | null;
  csat: number | null;
  nps: number | null;
}

/**
 * Responses with a comment, updated at or after `since`, whose analysis is missing, older than the
 * response's last update (the comment may have changed) or of another analyser version; oldest first.
 * The partial index responses_comment_updated_idx serves the range.
 */
export async function findPendingResponses(db: Kdb, since: number, version: string, limit: number, organisationId?: string): Promise<PendingResponse[]> {
  let query = db
    .selectFrom("responses as r")
    .leftJoin("text_analyses as t", "t.id", "r.id")
    .select([
      "r.id",
      "r.organisation_id",
      "r.touchpoint_id",
      "r.journey_id",
      "r.stage_id",
      "r.source",
      "r.language",
      "r.comment",
      "r.started_at",
      "r.comment_at",
      "r.updated_at",
      "r.emotion",
      "r.csat",
      "r.nps",
    ])
    .where("r.comment", "is not", null)
    .where("r.updated_at", ">=", since)
    .where((eb) => eb.or([eb("t.id", "is", null), eb("t.source_updated_at", "<>", eb.ref("r.updated_at")), eb("t.analyser_version", "<>", version)]))
    .orderBy("r.updated_at")
    .orderBy("r.id")
    .limit(limit);
  if (organisationId) query = query.where("r.organisation_id", "=", organisationId);
  return (await query.execute()) as PendingResponse[];
}

/** Whether any response with a comment was updated at or after `since` (a cheap look before a pass). */
export async function anyCommentSince(db: Kdb, since: number, organisationId?: string): Promise<boolean> {
  let query = db.selectFrom("responses").select("id").where("comment", "is not", null).where("updated_at", ">=", since).limit(1);
  if (organisationId) query = query.where("organisation_id", "=", organisationId);
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * How many responses with a comment were updated at or after `since`, and the newest update: the
 * idle poll compares it with its last quiet look and skips the locked pass when nothing moved.
 */
export async function commentWindow(db: Kdb, since: number): Promise<{ n: number; newest: number | null }> {
  const row = await db
    .selectFrom("responses")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("updated_at").as("newest")])
    .where("comment", "is not", null)
    .where("updated_at", ">=", since)
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), newest: row.newest === null ? null : Number(row.newest) };
}

/** Analyses of an older analyser version (any kind), after `afterId`, for re-analysis in id order. */
export async function findStaleAnalyses(db: Kdb, version: string, afterId: string, limit: number, organisationId?: string) {
  let query = db
    .selectFrom("text_analyses")
    .select(["id", "organisation_id", "kind"])
    .where("analyser_version", "<>", version)
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit);
  if (organisationId) query = query.where("organisation_id", "=", organisationId);
  return query.execute();
}

/** Counts what a re-analysis has to do: stale analyses plus comments never analysed. */
export async function countStale(db: Kdb, version: string, organisationId?: string): Promise<number> {
  let stale = db.selectFrom("text_analyses").select((eb) => eb.fn.countAll<number>().as("n")).where("analyser_version", "<>", version);
  if (organisationId) stale = stale.where("organisation_id", "=", organisationId);
  let missing = db
    .selectFrom("responses as r")
    .leftJoin("text_analyses as t", "t.id", "r.id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("r.comment", "is not", null)
    .where("t.id", "is", null);
  if (organisationId) missing = missing.where("r.organisation_id", "=", organisationId);
  const [a, b] = await Promise.all([stale.executeTakeFirstOrThrow(), missing.executeTakeFirstOrThrow()]);
  return Number(a.n) + Number(b.n);
}

/**
 * Runs `work` only if no other app server runs it at the same moment (PostgreSQL: a transaction-level
 * advisory lock, tried, never waited for). SQLite has one writer process per file: `work` always runs.
 */
export async function withJobLock<T>(db: Kdb, key: number, work: (trx: Kdb) => Promise<T>): Promise<T | null> {
  if (dialectOf(db) !== "postgres") return work(db);
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key}) as locked`.execute(trx);
    if (!rows[0]?.locked) return null;
    return work(trx);
  });
}
