// Measuring: each touchpoint's form (configuration and versions), the responses customers give, and
// the count of submissions dropped, by reason. Responses carry typed columns for every closed answer
// so that analytics never parse JSON; hidden fields are the only JSON.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "../connect.js";
import { jsonColumnType } from "../dialect.js";

/** This migration needs to know the dialect (JSON columns), so it is built for one. */
export function measureMigration(dialect: DialectName): Migration {
  return { up: (db) => up(db, dialect), down };
}

async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const json = jsonColumnType(dialect);

  await db.schema
    .createTable("forms")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("touchpoint_id", "text", (c) => c.notNull().unique().references("touchpoints.id").onDelete("cascade"))
    .addColumn("public_code", "text", (c) => c.notNull().unique())
    .addColumn("variant", "text", (c) => c.notNull())
    .addColumn("config", json as "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("is_open", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("forms_org_idx").on("forms").column("organisation_id").execute();

  await db.schema
    .createTable("form_versions")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("form_id", "text", (c) => c.notNull().references("forms.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("config", json as "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("form_versions_pk", ["form_id", "version"])
    .execute();

  await db.schema
    .createTable("responses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("journey_id", "text", (c) => c.notNull())
    .addColumn("stage_id", "text", (c) => c.notNull())
    .addColumn("touchpoint_id", "text", (c) => c.notNull())
    .addColumn("form_version", "integer", (c) => c.notNull())
    // "v:<visit token>" for the form page and widget, "k:<idempotency key>" for the API: unique per
    // organisation, so a double submit or a retried request updates the same response.
    .addColumn("dedupe_key", "text", (c) => c.notNull())
    .addColumn("variant", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("placement", "text")
    .addColumn("language", "text")
    .addColumn("device_class", "text")
    .addColumn("emotion", "text")
    .addColumn("emotion_2", "text")
    .addColumn("intensity", "integer")
    .addColumn("csat", "integer")
    .addColumn("brand_love", "integer")
    .addColumn("ces", "integer")
    .addColumn("usefulness", "integer")
    .addColumn("nps", "integer")
    .addColumn("comment", "text")
    .addColumn("customer_ref", "text")
    .addColumn("order_ref", "text")
    .addColumn("channel", "text")
    .addColumn("store", "text")
    .addColumn("hidden_fields", json as "text")
    .addColumn("started_at", "bigint", (c) => c.notNull())
    .addColumn("emotion_at", "bigint")
    .addColumn("csat_at", "bigint")
    .addColumn("ces_at", "bigint")
    .addColumn("nps_at", "bigint")
    .addColumn("comment_at", "bigint")
    .addColumn("completed_at", "bigint")
    .addColumn("completion_ms", "integer")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("responses_dedupe_uq").on("responses").columns(["organisation_id", "dedupe_key"]).unique().execute();
  await db.schema.createIndex("responses_touchpoint_time_idx").on("responses").columns(["organisation_id", "touchpoint_id", "started_at"]).execute();
  await db.schema.createIndex("responses_org_time_idx").on("responses").columns(["organisation_id", "started_at"]).execute();

  await db.schema
    .createTable("ingestion_drops")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("touchpoint_id", "text", (c) => c.notNull())
    .addColumn("day", "integer", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("ingestion_drops_pk", ["organisation_id", "touchpoint_id", "day", "reason"])
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["ingestion_drops", "responses", "form_versions", "forms"]) await db.schema.dropTable(table).execute();
}
