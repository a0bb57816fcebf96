import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../../../test/db.js";

describeEachDatabase("text tables (migration 0005)", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => t?.drop());

  it("creates the text and voice tables", async () => {
    for (const table of ["text_analyses", "text_topics", "text_emotions", "text_models", "voice_items", "voice_imports"] as const) {
      const rows = await t.db.kysely.selectFrom(table).selectAll().execute();
      expect(rows).toEqual([]);
    }
  });
});
