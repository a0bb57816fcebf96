// Journeys, stages and touchpoints: the map every measurement hangs on. Rows are never hard-deleted
// by the app (archived_at), and partial unique indexes keep live names unique within their parent and
// live positions unique within their parent, so a bug or a race cannot produce two cards in one slot.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("journeys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("scope", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("persona_name", "text")
    .addColumn("persona_description", "text")
    .addColumn("language", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("archived_at", "bigint")
    .execute();
  await db.schema.createIndex("journeys_org_idx").on("journeys").column("organisation_id").execute();
  await db.schema
    .createIndex("journeys_live_name_uq")
    .on("journeys")
    .columns(["organisation_id", "name_key"])
    .unique()
    .where(sql.ref("archived_at"), "is", null)
    .execute();

  await db.schema
    .createTable("stages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("journey_id", "text", (c) => c.notNull().references("journeys.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("archived_at", "bigint")
    .execute();
  await db.schema.createIndex("stages_org_journey_idx").on("stages").columns(["organisation_id", "journey_id"]).execute();
  await db.schema.createIndex("stages_live_name_uq").on("stages").columns(["journey_id", "name_key"]).unique().where(sql.ref("archived_at"), "is", null).execute();
  await db.schema.createIndex("stages_live_position_uq").on("stages").columns(["journey_id", "position"]).unique().where(sql.ref("archived_at"), "is", null).execute();

  await db.schema
    .createTable("touchpoints")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("journey_id", "text", (c) => c.notNull().references("journeys.id").onDelete("cascade"))
    .addColumn("stage_id", "text", (c) => c.notNull().references("stages.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("customer_need", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("customer_expectation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("owner_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("modules", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("moment_of_truth", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("moment_of_truth_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("target_nps", "integer")
    .addColumn("target_csat", "double precision")
    .addColumn("target_ces", "double precision")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("archived_at", "bigint")
    .execute();
  await db.schema.createIndex("touchpoints_org_journey_idx").on("touchpoints").columns(["organisation_id", "journey_id"]).execute();
  await db.schema.createIndex("touchpoints_owner_idx").on("touchpoints").columns(["organisation_id", "owner_user_id"]).execute();
  await db.schema.createIndex("touchpoints_live_name_uq").on("touchpoints").columns(["stage_id", "name_key"]).unique().where(sql.ref("archived_at"), "is", null).execute();
  await db.schema.createIndex("touchpoints_live_position_uq").on("touchpoints").columns(["stage_id", "position"]).unique().where(sql.ref("archived_at"), "is", null).execute();

  // The journey's audit trail lists events by target.
  await db.schema.createIndex("audit_events_target_idx").on("audit_events").columns(["organisation_id", "target_type", "target_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("audit_events_target_idx").execute();
  for (const table of ["touchpoints", "stages", "journeys"]) await db.schema.dropTable(table).execute();
}
