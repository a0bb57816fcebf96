// Reading text analytics: counts of sentiment, inferred emotions and topics by topic, touchpoint and
// day, top key phrases, and the texts themselves (form comments and imported items) with filters.
// Every read starts from text_analyses filtered by organisation, period and the score API's filters;
// topics and emotions come from their child tables joined on the text's id.
import { sql, type ExpressionBuilder } from "kysely";
import type { Kdb, Tables } from "../tables.js";

export interface TextFilter {
  organisationId: string;
  fromDay: number;
  toDay: number;
  journeyId?: string | undefined;
  touchpointId?: string | undefined;
  source?: string | undefined;
  language?: string | undefined;
  kind?: "response" | "voice" | undefined;
  /** The touchpoint's channel on the journey map. */
  channel?: string | undefined;
}

type TA = ExpressionBuilder<Tables & { t: Tables["text_analyses"] }, "t">;

function where(eb: TA, f: TextFilter) {
  const parts = [eb("t.organisation_id", "=", f.organisationId), eb("t.day", ">=", f.fromDay), eb("t.day", "<=", f.toDay)];
  if (f.journeyId) parts.push(eb("t.journey_id", "=", f.journeyId));
  if (f.touchpointId) parts.push(eb("t.touchpoint_id", "=", f.touchpointId));
  if (f.source) parts.push(eb("t.source", "=", f.source));
  if (f.language) parts.push(eb("t.language", "=", f.language));
  if (f.kind) parts.push(eb("t.kind", "=", f.kind));
  if (f.channel) {
    const channel = f.channel as Tables["touchpoints"]["channel"];
    parts.push(
      eb(
        "t.touchpoint_id",
        "in",
        eb.selectFrom("touchpoints").select("touchpoints.id").where("touchpoints.organisation_id", "=", f.organisationId).where("touchpoints.channel", "=", channel),
      ),
    );
  }
  return eb.and(parts);
}

export interface SentimentCounts {
  negative: number;
  neutral: number;
  positive: number;
  scoreSum: number;
  scoreSquares: number;
}

export const emptySentiment = (): SentimentCounts => ({ negative: 0, neutral: 0, positive: 0, scoreSum: 0, scoreSquares: 0 });

function addSentiment(target: SentimentCounts, label: string, n: number, sum: number, squares: number): void {
  if (label === "negative" || label === "neutral" || label === "positive") target[label] += n;
  target.scoreSum += sum;
  target.scoreSquares += squares;
}

const num = (v: unknown) => Number(v ?? 0);

/** Sentiment counts of all texts and per touchpoint. */
export async function sentimentByTouchpoint(db: Kdb, f: TextFilter): Promise<{ overall: SentimentCounts; byTouchpoint: Map<string | null, SentimentCounts> }> {
  const rows = await db
    .selectFrom("text_analyses as t")
    .where((eb) => where(eb, f))
    .select((eb) => [
      "t.touchpoint_id",
      "t.sentiment",
      eb.fn.countAll<number>().as("n"),
      eb.fn.sum<number>("t.sentiment_score").as("s"),
      eb.fn.sum<number>(sql`t.sentiment_score * t.sentiment_score`).as("ss"),
    ])
    .groupBy(["t.touchpoint_id", "t.sentiment"])
    .execute();
  const overall = emptySentiment();
  const byTouchpoint = new Map<string | null, SentimentCounts>();
  for (const r of rows) {
    addSentiment(overall, r.sentiment, num(r.n), num(r.s), num(r.ss));
    const entry = byTouchpoint.get(r.touchpoint_id) ?? emptySentiment();
    addSentiment(entry, r.sentiment, num(r.n), num(r.s), num(r.ss));
    byTouchpoint.set(r.touchpoint_id, entry);
  }
  return { overall, byTouchpoint };
}

/** Inferred emotion counts overall and per touchpoint. */
export async function emotionsByTouchpoint(db: Kdb, f: TextFilter): Promise<Array<{ touchpoint_id: string | null; emotion: string; n: number }>> {
  const rows = await db
    .selectFrom("text_analyses as t")
    .innerJoin("text_emotions as e", "e.text_id", "t.id")
    .where((eb) => where(eb, f))
    .select((eb) => ["t.touchpoint_id", "e.emotion", eb.fn.countAll<number>().as("n")])
    .groupBy(["t.touchpoint_id", "e.emotion"])
    .execute();
  return rows.map((r) => ({ touchpoint_id: r.touchpoint_id, emotion: r.emotion, n: num(r.n) }));
}

/** Aspect sentiment counts per topic, and per touchpoint × topic mention counts. */
export async function topicSentiment(db: Kdb, f: TextFilter): Promise<Array<{ topic: string; touchpoint_id: string | null; sentiment: string; n: number; s: number; ss: number }>> {
  const rows = await db
    .selectFrom("text_analyses as t")
    .innerJoin("text_topics as k", "k.text_id", "t.id")
    .where((eb) => where(eb, f))
    .select((eb) => [
      "k.topic",
      "t.touchpoint_id",
      "k.sentiment",
      eb.fn.countAll<number>().as("n"),
      eb.fn.sum<number>("k.sentiment_score").as("s"),
      eb.fn.sum<number>(sql`k.sentiment_score * k.sentiment_score`).as("ss"),
    ])
    .groupBy(["k.topic", "t.touchpoint_id", "k.sentiment"])
    .execute();
  return rows.map((r) => ({ topic: r.topic, touchpoint_id: r.touchpoint_id, sentiment: r.sentiment, n: num(r.n), s: num(r.s), ss: num(r.ss) }));
}

/** Inferred emotions of the texts that mention each topic. */
export async function topicEmotions(db: Kdb, f: TextFilter): Promise<Array<{ topic: string; emotion: string; n: number }>> {
  const rows = await db
    .selectFrom("text_analyses as t")
    .innerJoin("text_topics as k", "k.text_id", "t.id")
    .innerJoin("text_emotions as e", "e.text_id", "t.id")
    .where((eb) => where(eb, f))
    .select((eb) => ["k.topic", "e.emotion", eb.fn.countAll<number>().as("n")])
    .groupBy(["k.topic", "e.emotion"])
    .execute();
  return rows.map((r) => ({ topic: r.topic, emotion: r.emotion, n: num(r.n) }));
}

/** Texts and mean sentiment per day; topic mentions and their mean aspect sentiment per day. */
export async function textsByDay(db: Kdb, f: TextFilter) {
  const days = await db
    .selectFrom("text_analyses as t")
    .where((eb) => where(eb, f))
    .select((eb) => ["t.day", eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("t.sentiment_score").as("s")])
    .groupBy("t.day")
    .execute();
  const topics = await db
    .selectFrom("text_analyses as t")
    .innerJoin("text_topics as k", "k.text_id", "t.id")
    .where((eb) => where(eb, f))
    .select((eb) => ["t.day", "k.topic", eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("k.sentiment_score").as("s")])
    .groupBy(["t.day", "k.topic"])
    .execute();
  return {
    days: days.map((d) => ({ day: num(d.day), n: num(d.n), s: num(d.s) })),
    topics: topics.map((d) => ({ day: num(d.day), topic: d.topic, n: num(d.n), s: num(d.s) })),
  };
}

/** The newest texts' key phrases (at most `limit` texts), for counting in the caller. */
export async function recentKeyPhrases(db: Kdb, f: TextFilter, limit: number) {
  return db
    .selectFrom("text_analyses as t")
    .where((eb) => where(eb, f))
    .select(["t.key_phrases", "t.sentiment_score"])
    .orderBy("t.at", "desc")
    .orderBy("t.id", "desc")
    .limit(limit)
    .execute();
}

export interface TextListFilter extends TextFilter {
  topic?: string | undefined;
  sentiment?: string | undefined;
  emotion?: string | undefined;
  q?: string | undefined;
  before?: { at: number; id: string } | undefined;
  limit: number;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Texts newest first (form comments and imported items) with their analysis; cursor on (at, id). */
export async function listTexts(db: Kdb, f: TextListFilter) {
  let query = db
    .selectFrom("text_analyses as t")
    .leftJoin("responses as r", (join) => join.onRef("r.id", "=", "t.response_id").on("r.organisation_id", "=", f.organisationId))
    .leftJoin("voice_items as v", (join) => join.onRef("v.id", "=", "t.voice_item_id").on("v.organisation_id", "=", f.organisationId))
    .where((eb) => where(eb, f))
    .select([
      "t.id",
      "t.kind",
      "t.response_id",
      "t.at",
      "t.source",
      "t.touchpoint_id",
      "t.journey_id",
      "t.language",
      "t.sentiment",
      "t.sentiment_score",
      "t.emotions",
      "t.topics",
      "t.key_phrases",
      "t.highlights",
      "t.model",
      "r.comment",
      "v.text",
      "v.rating",
      "v.rating_max",
      "v.url",
    ])
    .orderBy("t.at", "desc")
    .orderBy("t.id", "desc")
    .limit(f.limit + 1);
  if (f.sentiment) query = query.where("t.sentiment", "=", f.sentiment);
  if (f.topic) {
    const topic = f.topic;
    query = query.where((eb) => eb.exists(eb.selectFrom("text_topics as k").select("k.text_id").whereRef("k.text_id", "=", "t.id").where("k.topic", "=", topic)));
  }
  if (f.emotion) {
    const emotion = f.emotion;
    query = query.where((eb) => eb.exists(eb.selectFrom("text_emotions as e").select("e.text_id").whereRef("e.text_id", "=", "t.id").where("e.emotion", "=", emotion)));
  }
  if (f.q) {
    const pattern = `%${escapeLike(f.q.toLowerCase())}%`;
    query = query.where(sql<boolean>`lower(coalesce(r.comment, v.text, '')) like ${pattern} escape '\\'`);
  }
  if (f.before) {
    const { at, id } = f.before;
    query = query.where((eb) => eb.or([eb("t.at", "<", at), eb.and([eb("t.at", "=", at), eb("t.id", "<", id)])]));
  }
  return query.execute();
}
