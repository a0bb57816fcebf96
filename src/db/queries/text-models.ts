// Learned text models of an organisation (core/text trainTextModel), their training state and quality.
import type { Kdb, TextModelsTable } from "../tables.js";

export type TextModelRow = TextModelsTable;

/** Ready models of one organisation, newest first (without their blobs). */
export async function listReadyModels(db: Kdb, organisationId: string) {
  return db
    .selectFrom("text_models")
    .select(["id", "scope", "scope_id"])
    .where("organisation_id", "=", organisationId)
    .where("status", "=", "ready")
    .orderBy("finished_at", "desc")
    .execute();
}

export async function readModelBlob(db: Kdb, organisationId: string, id: string): Promise<string | null> {
  const row = await db.selectFrom("text_models").select("model").where("organisation_id", "=", organisationId).where("id", "=", id).executeTakeFirst();
  return row?.model ?? null;
}

const listColumns = [
  "id",
  "organisation_id",
  "scope",
  "scope_id",
  "status",
  "progress",
  "trained_on",
  "held_back",
  "quality",
  "analyser_version",
  "error",
  "created_by",
  "created_at",
  "started_at",
  "finished_at",
] as const;

export type TextModelSummary = Pick<TextModelRow, (typeof listColumns)[number]>;

/** Every model of an organisation (without blobs), newest first; superseded ones only the last 20. */
export async function listModels(db: Kdb, organisationId: string): Promise<TextModelSummary[]> {
  return db.selectFrom("text_models").select(listColumns).where("organisation_id", "=", organisationId).orderBy("created_at", "desc").orderBy("id").limit(50).execute();
}

export async function getModel(db: Kdb, organisationId: string, id: string): Promise<TextModelSummary | null> {
  return (await db.selectFrom("text_models").select(listColumns).where("organisation_id", "=", organisationId).where("id", "=", id).executeTakeFirst()) ?? null;
}

export async function insertModel(db: Kdb, row: TextModelRow): Promise<void> {
  await db.insertInto("text_models").values(row).execute();
}

export async function updateModel(db: Kdb, id: string, changes: Partial<TextModelRow>): Promise<void> {
  await db.updateTable("text_models").set(changes).where("id", "=", id).execute();
}

/** The oldest queued model, claimed for training (status → training) so that only one server trains it. */
export async function claimQueuedModel(db: Kdb, now: number): Promise<TextModelSummary | null> {
  const queued = await db.selectFrom("text_models").select("id").where("status", "=", "queued").orderBy("created_at").limit(5).execute();
  for (const { id } of queued) {
    const result = await db.updateTable("text_models").set({ status: "training", started_at: now, progress: 0.05 }).where("id", "=", id).where("status", "=", "queued").executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) return getModelAny(db, id);
  }
  return null;
}

async function getModelAny(db: Kdb, id: string): Promise<TextModelSummary | null> {
  return (await db.selectFrom("text_models").select(listColumns).where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Whether a scope already has a model queued or training. */
export async function hasPendingModel(db: Kdb, organisationId: string, scope: string, scopeId: string): Promise<boolean> {
  const row = await db
    .selectFrom("text_models")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("scope", "=", scope as TextModelRow["scope"])
    .where("scope_id", "=", scopeId)
    .where("status", "in", ["queued", "training"])
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks earlier ready models of the scope superseded (their blobs are dropped to save space). */
export async function supersedeModels(db: Kdb, organisationId: string, scope: string, scopeId: string, keepId: string): Promise<void> {
  await db
    .updateTable("text_models")
    .set({ status: "superseded", model: null })
    .where("organisation_id", "=", organisationId)
    .where("scope", "=", scope as TextModelRow["scope"])
    .where("scope_id", "=", scopeId)
    .where("status", "=", "ready")
    .where("id", "<>", keepId)
    .execute();
}

/** Form responses of a scope that carry a comment and the customer's own emotion or a score. */
export function eligibleResponses(db: Kdb, organisationId: string, scope: string, scopeId: string) {
  let query = db
    .selectFrom("responses")
    .where("organisation_id", "=", organisationId)
    .where("comment", "is not", null)
    .where("source", "<>", "import")
    .where((eb) => eb.or([eb("emotion", "is not", null), eb("csat", "is not", null), eb("nps", "is not", null)]));
  if (scope === "journey") query = query.where("journey_id", "=", scopeId);
  if (scope === "touchpoint") query = query.where("touchpoint_id", "=", scopeId);
  return query;
}

export async function countEligible(db: Kdb, organisationId: string, scope = "organisation", scopeId = organisationId): Promise<number> {
  const row = await eligibleResponses(db, organisationId, scope, scopeId)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The training examples' raw material: id, comment and the customer's own answers, at most `limit`, newest first. */
export async function readEligible(db: Kdb, organisationId: string, scope: string, scopeId: string, limit: number) {
  return eligibleResponses(db, organisationId, scope, scopeId)
    .select(["id", "comment", "emotion", "emotion_2", "intensity", "csat", "nps"])
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Organisations with at least `threshold` eligible responses and no organisation model queued, training or trained on fewer than half as many. */
export async function organisationsDueForTraining(db: Kdb, threshold: number): Promise<Array<{ organisation_id: string; n: number }>> {
  const counts = await db
    .selectFrom("responses")
    .select(["organisation_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("comment", "is not", null)
    .where("source", "<>", "import")
    .where((eb) => eb.or([eb("emotion", "is not", null), eb("csat", "is not", null), eb("nps", "is not", null)]))
    .groupBy("organisation_id")
    .having((eb) => eb.fn.countAll(), ">=", threshold)
    .execute();
  const due: Array<{ organisation_id: string; n: number }> = [];
  for (const c of counts) {
    const latest = await db
      .selectFrom("text_models")
      .select(["status", "trained_on", "held_back"])
      .where("organisation_id", "=", c.organisation_id)
      .where("scope", "=", "organisation")
      .where("status", "in", ["queued", "training", "ready", "failed"])
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    const n = Number(c.n);
    if (!latest) due.push({ organisation_id: c.organisation_id, n });
    else if (latest.status === "ready" && n >= 2 * (latest.trained_on + latest.held_back)) due.push({ organisation_id: c.organisation_id, n });
  }
  return due;
}
