// Text analysis and voice of the customer (issue 6): one analysis per text (a form comment or an
// imported voice item), its topics and inferred emotions as child rows for aggregation, the learned
// models of each organisation, imported voice items, and imports with their progress and report.
// JSON documents are stored as text on both databases (they are read whole, never queried inside:
// aggregation uses the child tables), so every reader parses them the same way.
import { sql, type Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const textMigration: Migration = { up, down };

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("voice_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    // voice (reviews, social, tickets…), nps (generic NPS CSV), delighted (Delighted's export).
    .addColumn("kind", "text", (c) => c.notNull())
    // csv, jsonl or json (the POST …/voice/items batch).
    .addColumn("format", "text", (c) => c.notNull())
    // running, completed, failed, interrupted (the server stopped while it ran).
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("touchpoint_id", "text")
    .addColumn("file_name", "text")
    .addColumn("bytes_total", "bigint")
    .addColumn("bytes_read", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("rows_read", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("accepted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rejected", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("duplicates", "integer", (c) => c.notNull().defaultTo(0))
    // 0…1 when the size is known, else null.
    .addColumn("progress", "double precision")
    // JSON: { rejections: [{ row, code, field? }] (the first 1,000), truncated, error? }.
    .addColumn("report", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("finished_at", "bigint")
    .execute();
  await db.schema.createIndex("voice_imports_org_idx").on("voice_imports").columns(["organisation_id", "created_at"]).execute();

  await db.schema
    .createTable("voice_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("import_id", "text")
    // review, social, ticket, chat, other.
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("touchpoint_id", "text")
    .addColumn("journey_id", "text")
    .addColumn("stage_id", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("day", "integer", (c) => c.notNull())
    .addColumn("rating", "double precision")
    .addColumn("rating_max", "double precision")
    .addColumn("author_ref", "text")
    .addColumn("url", "text")
    .addColumn("external_id", "text")
    .addColumn("language", "text")
    // x:<external id>, u:<url> or h:<sha-256 of source, touchpoint, author, day and text>: unique per organisation.
    .addColumn("dedupe_key", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("voice_items_dedupe_uq").on("voice_items").columns(["organisation_id", "dedupe_key"]).unique().execute();
  await db.schema.createIndex("voice_items_org_day_idx").on("voice_items").columns(["organisation_id", "day"]).execute();

  await db.schema
    .createTable("text_analyses")
    // The analysed text's id: the response's id or the voice item's id.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    // response (a form comment) or voice (an imported item).
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("response_id", "text")
    .addColumn("voice_item_id", "text")
    .addColumn("touchpoint_id", "text")
    .addColumn("journey_id", "text")
    .addColumn("stage_id", "text")
    .addColumn("at", "bigint", (c) => c.notNull())
    // Days since the epoch (UTC) of `at`.
    .addColumn("day", "integer", (c) => c.notNull())
    // The response's source (link, qr, widget, email, api, import) or the item's (review, social, ticket, chat, other).
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("language", "text")
    .addColumn("sentiment", "text", (c) => c.notNull())
    .addColumn("sentiment_score", "double precision", (c) => c.notNull())
    // JSON [{ code, score }]: inferred, never the customer's own.
    .addColumn("emotions", "text", (c) => c.notNull())
    // JSON [{ code, score, sentiment, matches: [{ start, end }] }].
    .addColumn("topics", "text", (c) => c.notNull())
    // JSON ["phrase", …].
    .addColumn("key_phrases", "text", (c) => c.notNull())
    // JSON [{ start, end, kind, code? }]: UTF-16 offsets of the words that drove sentiment, emotions and topics.
    .addColumn("highlights", "text", (c) => c.notNull())
    .addColumn("analyser_version", "text", (c) => c.notNull())
    // "lexicon" or the learned model's id.
    .addColumn("model", "text", (c) => c.notNull())
    // The response's updated_at when it was analysed (a later edit makes the analysis stale).
    .addColumn("source_updated_at", "bigint", (c) => c.notNull())
    .addColumn("analysed_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("text_analyses_tp_day_idx").on("text_analyses").columns(["organisation_id", "touchpoint_id", "day"]).execute();
  await db.schema.createIndex("text_analyses_org_day_idx").on("text_analyses").columns(["organisation_id", "day", "id"]).execute();
  await db.schema.createIndex("text_analyses_response_idx").on("text_analyses").column("response_id").execute();
  await db.schema.createIndex("text_analyses_version_idx").on("text_analyses").columns(["analyser_version", "id"]).execute();

  await db.schema
    .createTable("text_topics")
    .addColumn("text_id", "text", (c) => c.notNull().references("text_analyses.id").onDelete("cascade"))
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("touchpoint_id", "text")
    .addColumn("journey_id", "text")
    .addColumn("day", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("language", "text")
    // The aspect's sentiment (the clauses that mention it): label and −1…+1.
    .addColumn("sentiment", "text", (c) => c.notNull())
    .addColumn("sentiment_score", "double precision", (c) => c.notNull())
    .addColumn("relevance", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("text_topics_pk", ["text_id", "topic"])
    .execute();
  await db.schema.createIndex("text_topics_org_topic_idx").on("text_topics").columns(["organisation_id", "topic", "day"]).execute();
  await db.schema.createIndex("text_topics_org_day_idx").on("text_topics").columns(["organisation_id", "day"]).execute();

  await db.schema
    .createTable("text_emotions")
    .addColumn("text_id", "text", (c) => c.notNull().references("text_analyses.id").onDelete("cascade"))
    .addColumn("emotion", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("score", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("text_emotions_pk", ["text_id", "emotion"])
    .execute();
  await db.schema.createIndex("text_emotions_org_idx").on("text_emotions").columns(["organisation_id", "emotion"]).execute();

  await db.schema
    .createTable("text_models")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    // organisation, journey or touchpoint; scope_id is the organisation's, journey's or touchpoint's id.
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("scope_id", "text", (c) => c.notNull())
    // queued, training, ready, failed, superseded.
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("progress", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("trained_on", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("held_back", "integer", (c) => c.notNull().defaultTo(0))
    // JSON { accuracy, macroF1, binaryAccuracy?, perClass } on the held-back responses; null until measured.
    .addColumn("quality", "text")
    // The serialised model (core/text serialiseTextModel); null until trained.
    .addColumn("model", "text")
    .addColumn("analyser_version", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("created_by", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("started_at", "bigint")
    .addColumn("finished_at", "bigint")
    .execute();
  await db.schema.createIndex("text_models_scope_idx").on("text_models").columns(["organisation_id", "scope", "scope_id", "status"]).execute();

  // The analysis job finds new and edited comments by time; only rows with a comment are indexed, so
  // ingestion of responses without one pays nothing.
  await db.schema
    .createIndex("responses_comment_updated_idx")
    .on("responses")
    .columns(["updated_at", "id"])
    .where(sql.ref("comment"), "is not", null)
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("responses_comment_updated_idx").execute();
  for (const table of ["text_models", "text_emotions", "text_topics", "text_analyses", "voice_items", "voice_imports"]) {
    await db.schema.dropTable(table).execute();
  }
}
