import { join } from "node:path";
import { expect, it } from "vitest";
import { createEmptyPostgresDatabase, describeEachDatabase } from "../../../test/db.js";
import { makeResponseWrite } from "../../../test/factories.js";
import { runCli, tempDataDir } from "../../../test/process.js";
import { connect } from "../../db/connect.js";
import { migrateToLatest } from "../../db/migrate.js";
import { upsertResponses } from "../../db/queries/responses.js";
import { foldJournalIn } from "../../db/queries/rollup-journal.js";
import type { Kdb } from "../../db/tables.js";

const snapshot = async (db: Kdb) => ({
  folded: await db.transaction().execute((trx) => foldJournalIn(trx)),
  spans: await db.selectFrom("rollup_spans").selectAll().orderBy("grain").orderBy("start").orderBy("touchpoint_id").execute(),
  rollups: await db.selectFrom("rollups").selectAll().orderBy("touchpoint_id").orderBy("day").orderBy("source").orderBy("language").execute(),
  cx: await db.selectFrom("rollup_cx").selectAll().orderBy("touchpoint_id").orderBy("day").orderBy("source").orderBy("language").orderBy("cx").execute(),
});

describeEachDatabase("momentos rollups rebuild", (dialect) => {
  it("recomputes an organisation's rollups from its responses, and refuses an unknown organisation", async () => {
    const dataDir = tempDataDir();
    const postgres = dialect === "postgres" ? await createEmptyPostgresDatabase() : null;
    const env: Record<string, string> = { DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL: postgres.url } : {}) };
    const db = connect(postgres ? { dialect: "postgres", url: postgres.url } : { dialect: "sqlite", file: join(dataDir, "momentos.db") });
    try {
      await migrateToLatest(db);
      await db.kysely.insertInto("organisations").values({ id: "org_cli", name: "CLI", created_at: 0, updated_at: 0 }).execute();
      const writes = Array.from({ length: 60 }, (_, i) =>
        makeResponseWrite({
          organisation_id: "org_cli",
          source: "api",
          touchpoint_id: `tp_${i % 3}`,
          dedupe_key: `k:cli-${i}`,
          language: i % 2 ? "es" : null,
          emotion: i % 4 ? "joy" : "worry",
          intensity: 1 + (i % 3),
          csat: 1 + (i % 5),
          ces: 1 + (i % 7),
          nps: i % 11,
          started_at: Date.UTC(2026, 0, 1 + (i % 9)),
        }),
      );
      await upsertResponses(db.kysely, writes, Date.UTC(2026, 0, 20));
      const kept = { ...(await snapshot(db.kysely)), folded: 0 };
      expect(kept.rollups.length).toBeGreaterThan(10);
      expect(kept.spans.length).toBeGreaterThan(10);
      await db.kysely.deleteFrom("rollup_cx").execute();
      await db.kysely.updateTable("rollups").set({ responses: 999 }).execute();
      await db.kysely.updateTable("rollup_spans").set({ data: "" }).execute();

      const rebuilt = await runCli(["rollups", "rebuild", "--org", "org_cli"], env);
      expect(rebuilt.code, rebuilt.stderr).toBe(0);
      expect(rebuilt.stdout).toContain("1 organisation(s), 3 touchpoint(s), 60 response(s)");
      expect(await snapshot(db.kysely)).toEqual(kept);

      const unknown = await runCli(["rollups", "rebuild", "--org", "org_nope"], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("No organisation with id org_nope");
    } finally {
      await db.close();
      await postgres?.drop();
    }
  });
});
