// Verbatims: the comments customers wrote, newest first, with their answers and (when the text
// analyser has read them) the inferred sentiment, topics and highlight spans. The analytics filters
// apply, plus emotion, NPS group, topic, sentiment and an accent-insensitive text search.
import { sql } from "kysely";
import { dialectOf, escapeLike, foldedText, foldText } from "../dialect.js";
import type { Kdb } from "../tables.js";
import { whereResponses, type ResponseFilter } from "./response-filter.js";

export const npsGroups = ["detractor", "passive", "promoter"] as const;
export type NpsGroup = (typeof npsGroups)[number];
const npsRange: Record<NpsGroup, [number, number]> = { detractor: [0, 6], passive: [7, 8], promoter: [9, 10] };

export interface VerbatimFilter extends ResponseFilter {
  /** The customer's own emotion, first or second. */
  emotion?: string | undefined;
  npsGroup?: NpsGroup | undefined;
  /** Words to find in the comment, accents and case ignored (foldText). */
  text?: string | undefined;
  /** An inferred topic (text_topics) and sentiment label (text_analyses). */
  topic?: string | undefined;
  sentiment?: string | undefined;
}

/** A page position: the last row's start time and id (rows are ordered by both, newest first). */
export interface VerbatimCursor {
  startedAt: number;
  id: string;
}

/** Newest-first comments that match `filter`, after `before` when given, at most `limit`. */
export async function listVerbatims(db: Kdb, filter: VerbatimFilter, options: { limit: number; before?: VerbatimCursor | undefined }) {
  const dialect = dialectOf(db);
  // Filters first (they are on responses), then the joins: Kysely builds the same SQL in any call order.
  let query = whereResponses(db.selectFrom("responses"), filter, dialect)
    .leftJoin("touchpoints", (join) => join.onRef("touchpoints.id", "=", "responses.touchpoint_id").onRef("touchpoints.organisation_id", "=", "responses.organisation_id"))
    .leftJoin("stages", "stages.id", "touchpoints.stage_id")
    .leftJoin("journeys", "journeys.id", "touchpoints.journey_id")
    .leftJoin("text_analyses", (join) =>
      join.onRef("text_analyses.id", "=", "responses.id").onRef("text_analyses.organisation_id", "=", "responses.organisation_id").on("text_analyses.kind", "=", "response"),
    )
    .select([
      "responses.id",
      "responses.touchpoint_id",
      "responses.stage_id",
      "responses.journey_id",
      "responses.source",
      "responses.placement",
      "responses.language",
      "responses.device_class",
      "responses.emotion",
      "responses.emotion_2",
      "responses.intensity",
      "responses.csat",
      "responses.brand_love",
      "responses.ces",
      "responses.usefulness",
      "responses.nps",
      "responses.comment",
      "responses.channel",
      "responses.store",
      "responses.started_at",
      "responses.comment_at",
      "responses.updated_at",
      "touchpoints.name as touchpoint_name",
      "touchpoints.stage_id as place_stage_id",
      "touchpoints.journey_id as place_journey_id",
      "stages.name as stage_name",
      "journeys.name as journey_name",
      "text_analyses.sentiment as analysis_sentiment",
      "text_analyses.sentiment_score as analysis_sentiment_score",
      "text_analyses.emotions as analysis_emotions",
      "text_analyses.topics as analysis_topics",
      "text_analyses.highlights as analysis_highlights",
      "text_analyses.source_updated_at as analysis_source_updated_at",
    ]);
  query = query.where("responses.comment", "is not", null).where("responses.comment", "<>", "");
  if (filter.emotion !== undefined) {
    const emotion = filter.emotion;
    query = query.where((eb) => eb.or([eb("responses.emotion", "=", emotion), eb("responses.emotion_2", "=", emotion)]));
  }
  if (filter.npsGroup !== undefined) {
    const [low, high] = npsRange[filter.npsGroup];
    query = query.where("responses.nps", ">=", low).where("responses.nps", "<=", high);
  }
  if (filter.text !== undefined) {
    const pattern = `%${escapeLike(foldText(filter.text))}%`;
    query = query.where(sql<boolean>`${foldedText("responses.comment", dialect)} like ${pattern} escape '\\'`);
  }
  if (filter.sentiment !== undefined) query = query.where("text_analyses.sentiment", "=", filter.sentiment);
  if (filter.topic !== undefined) {
    const topic = filter.topic;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("text_topics")
          .select("text_topics.text_id")
          .whereRef("text_topics.text_id", "=", "responses.id")
          .where("text_topics.organisation_id", "=", filter.organisationId)
          .where("text_topics.topic", "=", topic),
      ),
    );
  }
  if (options.before) {
    const { startedAt, id } = options.before;
    query = query.where((eb) => eb.or([eb("responses.started_at", "<", startedAt), eb.and([eb("responses.started_at", "=", startedAt), eb("responses.id", "<", id)])]));
  }
  return query.orderBy("responses.started_at", "desc").orderBy("responses.id", "desc").limit(options.limit).execute();
}

export type VerbatimRow = Awaited<ReturnType<typeof listVerbatims>>[number];
