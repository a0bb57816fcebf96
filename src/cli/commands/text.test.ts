// `momentos text reanalyse` and `momentos import voice` on every database, through the real CLI.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { createEmptyPostgresDatabase, describeEachDatabase } from "../../../test/db.js";
import { makeResponseWrite } from "../../../test/factories.js";
import { runCli, tempDataDir } from "../../../test/process.js";
import { connect } from "../../db/connect.js";
import { migrateToLatest } from "../../db/migrate.js";
import { upsertResponses } from "../../db/queries/responses.js";
import { analyserVersion } from "../../core/voice/analyse.js";

describeEachDatabase("momentos text reanalyse and import voice", (dialect) => {
  it("analyses comments never analysed and those of an older analyser, with progress; imports a file with its report", async () => {
    const dataDir = tempDataDir();
    const postgres = dialect === "postgres" ? await createEmptyPostgresDatabase() : null;
    const env: Record<string, string> = { DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL: postgres.url } : {}) };
    const db = connect(postgres ? { dialect: "postgres", url: postgres.url } : { dialect: "sqlite", file: join(dataDir, "momentos.db") });
    try {
      await migrateToLatest(db);
      for (const id of ["org_a", "org_b"]) await db.kysely.insertInto("organisations").values({ id, name: id, created_at: 0, updated_at: 0 }).execute();
      const writes = Array.from({ length: 30 }, (_, i) =>
        makeResponseWrite({ organisation_id: i < 20 ? "org_a" : "org_b", touchpoint_id: "tp_1", dedupe_key: `k:${i}`, comment: i % 2 ? "El envío llegó tarde" : "Personal muy amable" }),
      );
      await upsertResponses(db.kysely, writes, Date.UTC(2026, 0, 20));

      const first = await runCli(["text", "reanalyse", "--org", "org_a", "--batch", "8"], env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain("20 text(s) to analyse");
      expect(first.stdout).toContain("8 analysed (40 %)");
      expect(first.stdout).toContain("Analysed 20 text(s)");
      const analysed = await db.kysely.selectFrom("text_analyses").select(["organisation_id", "analyser_version"]).execute();
      expect(analysed).toHaveLength(20);
      expect(new Set(analysed.map((a) => a.organisation_id))).toEqual(new Set(["org_a"]));

      await db.kysely.updateTable("text_analyses").set({ analyser_version: "r0-old" }).execute();
      const again = await runCli(["text", "reanalyse"], env);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain("30 text(s) to analyse");
      const versions = await db.kysely.selectFrom("text_analyses").select("analyser_version").execute();
      expect(versions).toHaveLength(30);
      expect(versions.every((v) => v.analyser_version === analyserVersion())).toBe(true);

      const file = join(dataDir, "reviews.csv");
      writeFileSync(file, "text,date,rating\nMuy buen servicio,2026-01-02,5\n,2026-01-02,1\nPésima entrega,2026-01-03,1\n");
      const imported = await runCli(["import", "voice", file, "--org", "org_b", "--source", "review"], env);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain("completed: 3 row(s) read, 2 accepted, 1 rejected, 0 duplicate(s)");
      expect(imported.stdout).toContain("row 2: missing_text (text)");
      const items = await db.kysely.selectFrom("voice_items").innerJoin("text_analyses", "text_analyses.id", "voice_items.id").select(["voice_items.source", "text_analyses.sentiment"]).execute();
      expect(items.map((i) => i.source)).toEqual(["review", "review"]);

      const unknown = await runCli(["text", "reanalyse", "--org", "org_nope"], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("No organisation with id org_nope");
    } finally {
      await db.close();
      await postgres?.drop();
    }
  });
});
