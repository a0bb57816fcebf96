// Rollups: the count aggregates (core/metrics' MetricsAggregate) of every organisation × touchpoint ×
// UTC day × source × language, kept current in the transaction that writes responses, so that every
// score the dashboard and the API show is read from a few rows, never from raw responses.
// Fixed counter columns (not JSON) so that an update is `column = column + delta` in SQL: no read,
// no lock held across a round trip. The sparse CX histogram gets a row per value (docs/rollups.md).
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
// The column list is the one the queries use; changing it later needs a new migration, not an edit here.
import { rollupCounterColumns } from "../queries/rollups.js";

export const rollupsMigration: Migration = { up, down };

async function up(db: Kysely<unknown>): Promise<void> {
  let table = db.schema
    .createTable("rollups")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("touchpoint_id", "text", (c) => c.notNull())
    .addColumn("day", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    // "" when the response's language is unknown (a key column cannot be null).
    .addColumn("language", "text", (c) => c.notNull());
  for (const column of rollupCounterColumns) {
    // Sums of completion seconds (and their squares) outgrow 32 bits; counts never will in one row.
    table = table.addColumn(column, column.startsWith("completion_") ? "bigint" : "integer", (c) => c.notNull().defaultTo(0));
  }
  await table.addPrimaryKeyConstraint("rollups_pk", ["organisation_id", "touchpoint_id", "day", "source", "language"]).execute();
  // Organisation-wide views read by day first (overview); the primary key serves per-touchpoint reads.
  await db.schema.createIndex("rollups_org_day_idx").on("rollups").columns(["organisation_id", "day"]).execute();

  await db.schema
    .createTable("rollup_cx")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("touchpoint_id", "text", (c) => c.notNull())
    .addColumn("day", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    // 36 · the response's CX index: an integer 0 … 3600 (docs/metrics.md §3).
    .addColumn("cx", "integer", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rollup_cx_pk", ["organisation_id", "touchpoint_id", "day", "source", "language", "cx"])
    .execute();
  await db.schema.createIndex("rollup_cx_org_day_idx").on("rollup_cx").columns(["organisation_id", "day"]).execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("rollup_cx").execute();
  await db.schema.dropTable("rollups").execute();
}
