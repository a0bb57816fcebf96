// Rollup spans and the rollup journal. Spans: per organisation × touchpoint × UTC day and × calendar
// month, source and language folded in, counters and CX histogram packed in one column, so that the
// score views read a bounded number of rows whatever the number of responses. Journal: each ingestion
// batch appends its rollup deltas as one row, folded into the rollup tables in the background
// (docs/rollups.md, decisions/0005-rollup-journal.md). Existing rollups are folded into spans here.
import { sql, type Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "../connect.js";
import type { Kdb } from "../tables.js";
import { rebuildRollupSpans } from "../queries/rollups.js";

/** The journal's sequence column differs by dialect, so this migration is built for one. */
export function rollupSpansMigration(dialect: DialectName): Migration {
  return { up: (db) => up(db, dialect), down };
}

async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("rollup_spans")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("grain", "text", (c) => c.notNull())
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("touchpoint_id", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    // Reads take an organisation's days (or months) in a range, for all or some touchpoints.
    .addPrimaryKeyConstraint("rollup_spans_pk", ["organisation_id", "grain", "start", "touchpoint_id"])
    .execute();
  // A span row is 1–4 KB. PostgreSQL compresses rows above 2 KB by default, and decompressing a
  // year's spans cost a view 10–15 ms; below 8 KB they now stay inline and uncompressed.
  if (dialect === "postgres") await sql`alter table rollup_spans set (toast_tuple_target = 8160)`.execute(db);
  await db.schema
    .createTable("rollup_journal")
    .addColumn("seq", dialect === "postgres" ? "bigserial" : "integer", (c) => (dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("payload", "text", (c) => c.notNull())
    .execute();
  await rebuildRollupSpans(db as unknown as Kdb);
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("rollup_journal").execute();
  await db.schema.dropTable("rollup_spans").execute();
}
