// Imported voice of the customer: the items, the imports with their progress and report, and the
// organisation's touchpoints as an import maps rows to them.
import type { Kdb, VoiceImportsTable, VoiceItemsTable } from "../tables.js";

export type VoiceImportRow = VoiceImportsTable;
export type VoiceItemRow = VoiceItemsTable;

export async function insertImport(db: Kdb, row: VoiceImportRow): Promise<void> {
  await db.insertInto("voice_imports").values(row).execute();
}

export async function updateImport(db: Kdb, id: string, changes: Partial<VoiceImportRow>): Promise<void> {
  await db.updateTable("voice_imports").set(changes).where("id", "=", id).execute();
}

export async function getImport(db: Kdb, organisationId: string, id: string): Promise<VoiceImportRow | null> {
  return (await db.selectFrom("voice_imports").selectAll().where("organisation_id", "=", organisationId).where("id", "=", id).executeTakeFirst()) ?? null;
}

export async function listImports(db: Kdb, organisationId: string, limit = 50): Promise<VoiceImportRow[]> {
  return db.selectFrom("voice_imports").selectAll().where("organisation_id", "=", organisationId).orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

/**
 * Imports still "running" whose last progress is older than `staleBefore`: the server that ran them
 * stopped. They are marked interrupted (what was stored stays; uploading again skips it as duplicates).
 */
export async function interruptStaleImports(db: Kdb, staleBefore: number, now: number): Promise<number> {
  const stale = await db
    .selectFrom("voice_imports")
    .select(["id", "report", "status"])
    .where("status", "in", ["running", "waiting"])
    .where("updated_at", "<", staleBefore)
    .limit(100)
    .execute();
  let count = 0;
  for (const row of stale) {
    // A waiting import never received its file; a running one lost its server.
    const report = { ...(JSON.parse(row.report) as Record<string, unknown>), error: row.status === "waiting" ? "upload_aborted" : "server_stopped" };
    const result = await db
      .updateTable("voice_imports")
      .set({ status: "interrupted", finished_at: now, updated_at: now, report: JSON.stringify(report) })
      .where("id", "=", row.id)
      .where("status", "in", ["running", "waiting"])
      .where("updated_at", "<", staleBefore)
      .executeTakeFirst();
    count += Number(result.numUpdatedRows);
  }
  return count;
}

/** Which of these dedupe keys the organisation already has among its voice items (or its responses, for NPS imports). */
export async function existingKeys(db: Kdb, table: "voice_items" | "responses", organisationId: string, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    // Both tables have organisation_id and dedupe_key; the cast only picks one for Kysely's types.
    const rows = await db
      .selectFrom(table as "voice_items")
      .select("dedupe_key")
      .where("organisation_id", "=", organisationId)
      .where("dedupe_key", "in", keys.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.dedupe_key);
  }
  return found;
}

/** Inserts items, skipping any whose dedupe key arrived meanwhile (a concurrent import); returns the ids inserted. */
export async function insertVoiceItems(db: Kdb, rows: VoiceItemRow[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += 150) {
    const part = rows.slice(i, i + 150);
    const out = await db
      .insertInto("voice_items")
      .values(part)
      .onConflict((oc) => oc.columns(["organisation_id", "dedupe_key"]).doNothing())
      .returning("id")
      .execute();
    for (const r of out) inserted.add(r.id);
  }
  return inserted;
}

export async function getVoiceItems(db: Kdb, ids: string[]): Promise<VoiceItemRow[]> {
  const rows: VoiceItemRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(...(await db.selectFrom("voice_items").selectAll().where("id", "in", ids.slice(i, i + 500)).execute()));
  }
  return rows;
}

export interface TouchpointPlace {
  id: string;
  name: string;
  journeyId: string;
  stageId: string;
}

/** The organisation's touchpoints, by id and by lower-cased name (the first of a name wins). */
export async function touchpointDirectory(db: Kdb, organisationId: string): Promise<{ byId: Map<string, TouchpointPlace>; byName: Map<string, TouchpointPlace> }> {
  const rows = await db
    .selectFrom("touchpoints")
    .select(["id", "name", "journey_id", "stage_id"])
    .where("organisation_id", "=", organisationId)
    .orderBy("created_at")
    .execute();
  const byId = new Map<string, TouchpointPlace>();
  const byName = new Map<string, TouchpointPlace>();
  for (const r of rows) {
    const place = { id: r.id, name: r.name, journeyId: r.journey_id, stageId: r.stage_id };
    byId.set(r.id, place);
    const key = r.name.trim().toLowerCase();
    if (!byName.has(key)) byName.set(key, place);
  }
  return { byId, byName };
}
