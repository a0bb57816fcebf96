// Changes inside a journey: stages and touchpoints added, edited, moved and archived.
// Each change runs in a write transaction that first locks the journey row, so changes to one journey
// queue behind each other on both databases; positions are then renumbered densely (0…n−1) from the
// current order plus the one move asked for. Two people moving cards at once therefore each apply their
// move to the other's result: no duplicate positions, no lost touchpoints (see docs/journeys.md).
import {
  applyTouchpointUpdate,
  checkTouchpoint,
  journeyLimits,
  nameKey,
  sortModules,
  type CreateStageInput,
  type CreateTouchpointInput,
  type FieldIssue,
  type TouchpointValues,
  type UpdateStageInput,
  type UpdateTouchpointInput,
} from "../../core/journeys/model.js";
import { placeAt } from "../../core/journeys/ordering.js";
import { sql } from "kysely";
import type { Database } from "../connect.js";
import { writeTransaction } from "../dialect.js";
import { newId } from "../ids.js";
import type { Kdb } from "../tables.js";
import { recordAuditEvent } from "./audit.js";
import {
  fail,
  lockJourney,
  touchpointColumns,
  touchpointValuesOf,
  type JourneyRow,
  type MapChange,
  type Outcome,
  type StageRow,
  type TouchpointRow,
} from "./journeys.js";
import { touchpointHasData } from "./touchpoint-data.js";

export type TouchpointOutcome = Outcome<TouchpointRow> | { ok: false; reason: "validation_failed"; issues: FieldIssue[] };

/** Runs `work` with the live journey locked; not_found / archived when it is not editable. */
async function withJourneyLocked<T>(
  database: Database,
  change: MapChange,
  journeyId: string,
  work: (trx: Kdb, journey: JourneyRow) => Promise<T>,
): Promise<T | ReturnType<typeof fail>> {
  return writeTransaction(database, async (trx) => {
    const journey = await lockJourney(trx, database, change.organisationId, journeyId);
    if (!journey) return fail("not_found");
    if (journey.archived_at !== null) return fail("archived");
    const result = await work(trx, journey);
    await trx
      .updateTable("journeys")
      .set({ updated_at: change.now })
      .where("organisation_id", "=", change.organisationId)
      .where("id", "=", journeyId)
      .execute();
    return result;
  });
}

async function audit(trx: Kdb, change: MapChange, action: string, targetType: "stage" | "touchpoint", targetId: string, details: Record<string, unknown>) {
  await recordAuditEvent(trx, { organisationId: change.organisationId, actor: change.actor, action, targetType, targetId, details }, change.now);
}

// ---- reading inside the lock ----------------------------------------------------------------

async function getStage(trx: Kdb, organisationId: string, journeyId: string, stageId: string): Promise<StageRow | undefined> {
  return trx
    .selectFrom("stages")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("journey_id", "=", journeyId)
    .where("id", "=", stageId)
    .executeTakeFirst();
}

async function getTouchpointRow(trx: Kdb, organisationId: string, journeyId: string, touchpointId: string): Promise<TouchpointRow | undefined> {
  return trx
    .selectFrom("touchpoints")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("journey_id", "=", journeyId)
    .where("id", "=", touchpointId)
    .executeTakeFirst();
}

async function liveStages(trx: Kdb, organisationId: string, journeyId: string): Promise<StageRow[]> {
  return trx
    .selectFrom("stages")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("journey_id", "=", journeyId)
    .where("archived_at", "is", null)
    .orderBy("position")
    .execute();
}

async function liveTouchpoints(trx: Kdb, organisationId: string, stageId: string): Promise<TouchpointRow[]> {
  return trx
    .selectFrom("touchpoints")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("stage_id", "=", stageId)
    .where("archived_at", "is", null)
    .orderBy("position")
    .execute();
}

const nameTakenAmong = (rows: Array<{ id: string; name_key: string }>, name: string, exceptId?: string) =>
  rows.some((row) => row.id !== exceptId && row.name_key === nameKey(name));

// ---- renumbering ------------------------------------------------------------------------------

/** `case id when … then 0 when … then 1 … end`: positions are literals we computed, ids are parameters. */
function positionCase(ids: readonly string[]) {
  return sql<number>`case ${sql.ref("id")} ${sql.join(
    ids.map((id, i) => sql`when ${id} then ${sql.lit(i)}`),
    sql` `,
  )} end`;
}

/**
 * Gives the journey's live stages positions 0…n−1 in `orderedIds` order. Two steps so the unique index
 * on (journey_id, position) never sees two live rows in one slot: first every live position becomes
 * negative (−1−p, still distinct), then each row gets its final place in one statement.
 */
async function renumberStages(trx: Kdb, organisationId: string, journeyId: string, orderedIds: readonly string[]): Promise<void> {
  const base = trx.updateTable("stages").where("organisation_id", "=", organisationId).where("journey_id", "=", journeyId).where("archived_at", "is", null);
  await base.set({ position: sql<number>`-1 - ${sql.ref("position")}` }).execute();
  if (orderedIds.length === 0) return;
  await base.set({ position: positionCase(orderedIds) }).where("id", "in", orderedIds).execute();
}

/** Same for touchpoints, across one or two stages at once (a move between stages). */
async function renumberTouchpoints(trx: Kdb, organisationId: string, lists: ReadonlyArray<{ stageId: string; ids: readonly string[] }>): Promise<void> {
  const base = trx.updateTable("touchpoints").where("organisation_id", "=", organisationId).where("archived_at", "is", null);
  await base
    .set({ position: sql<number>`-1 - ${sql.ref("position")}` })
    .where(
      "stage_id",
      "in",
      lists.map((l) => l.stageId),
    )
    .execute();
  for (const { stageId, ids } of lists) {
    if (ids.length === 0) continue;
    await base.set({ stage_id: stageId, position: positionCase(ids) }).where("id", "in", ids).execute();
  }
}

// ---- stages -----------------------------------------------------------------------------------

/** Adds a stage at `position` (the end by default). */
export async function addStage(database: Database, journeyId: string, input: CreateStageInput, change: MapChange): Promise<Outcome<StageRow>> {
  return withJourneyLocked(database, change, journeyId, async (trx) => {
    const stages = await liveStages(trx, change.organisationId, journeyId);
    if (stages.length >= journeyLimits.stagesPerJourney) return fail("limit_reached", `A journey has at most ${journeyLimits.stagesPerJourney} stages.`);
    if (nameTakenAmong(stages, input.name)) return fail("name_taken");
    const row: StageRow = {
      id: newId("stg"),
      organisation_id: change.organisationId,
      journey_id: journeyId,
      name: input.name,
      name_key: nameKey(input.name),
      description: input.description,
      position: stages.length,
      created_at: change.now,
      updated_at: change.now,
      archived_at: null,
    };
    await trx.insertInto("stages").values(row).execute();
    const order = placeAt(
      stages.map((s) => s.id),
      row.id,
      input.position ?? stages.length,
    );
    if (order.indexOf(row.id) !== stages.length) await renumberStages(trx, change.organisationId, journeyId, order);
    await audit(trx, change, "stage.created", "stage", row.id, { journeyId, name: row.name, position: order.indexOf(row.id) });
    return { ok: true as const, value: { ...row, position: order.indexOf(row.id) } };
  });
}

/** Renames a stage or changes its description. */
export async function updateStage(database: Database, journeyId: string, stageId: string, input: UpdateStageInput, change: MapChange): Promise<Outcome<StageRow>> {
  return withJourneyLocked(database, change, journeyId, async (trx) => {
    const stage = await getStage(trx, change.organisationId, journeyId, stageId);
    if (!stage) return fail("not_found");
    if (stage.archived_at !== null) return fail("archived");
    const changes: Record<string, { from: string; to: string }> = {};
    if (input.name !== undefined && input.name !== stage.name) {
      if (nameTakenAmong(await liveStages(trx, change.organisationId, journeyId), input.name, stageId)) return fail("name_taken");
      changes.name = { from: stage.name, to: input.name };
    }
    if (input.description !== undefined && input.description !== stage.description) changes.description = { from: stage.description, to: input.description };
    const next: StageRow = {
      ...stage,
      name: input.name ?? stage.name,
      name_key: nameKey(input.name ?? stage.name),
      description: input.description ?? stage.description,
      updated_at: change.now,
    };
    await trx
      .updateTable("stages")
      .set({ name: next.name, name_key: next.name_key, description: next.description, updated_at: next.updated_at })
      .where("organisation_id", "=", change.organisationId)
      .where("id", "=", stageId)
      .execute();
    if (Object.keys(changes).length > 0) await audit(trx, change, "stage.updated", "stage", stageId, { journeyId, changes });
    return { ok: true as const, value: next };
  });
}

/** Moves a stage to `position` (clamped to the last place). */
export async function moveStage(database: Database, journeyId: string, stageId: string, position: number, change: MapChange): Promise<Outcome<StageRow>> {
  return withJourneyLocked(database, change, journeyId, async (trx) => {
    const stage = await getStage(trx, change.organisationId, journeyId, stageId);
    if (!stage) return fail("not_found");
    if (stage.archived_at !== null) return fail("archived");
    const stages = await liveStages(trx, change.organisationId, journeyId);
    const before = stages.map((s) => s.id);
    const order = placeAt(before, stageId, position);
    const to = order.indexOf(stageId);
    if (to !== stage.position) {
      await renumberStages(trx, change.organisationId, journeyId, order);
      await audit(trx, change, "stage.moved", "stage", stageId, { journeyId, name: stage.name, from: stage.position, to });
    }
    return { ok: true as const, value: { ...stage, position: to } };
  });
}

/**
 * Removes a stage from the map by archiving it: its touchpoints (and, later, their responses) stay in
 * the database, hidden with it. The remaining stages close the gap. Archiving twice is a no-op.
 */
export async function archiveStage(database: Database, journeyId: string, stageId: string, change: MapChange): Promise<Outcome<StageRow>> {
  return withJourneyLocked(database, change, journeyId, async (trx) => {
    const stage = await getStage(trx, change.organisationId, journeyId, stageId);
    if (!stage) return fail("not_found");
    if (stage.archived_at !== null) return { ok: true as const, value: stage };
    await trx
      .updateTable("stages")
      .set({ archived_at: change.now, updated_at: change.now })
      .where("organisation_id", "=", change.organisationId)
      .where("id", "=", stageId)
      .execute();
    const rest = (await liveStages(trx, change.organisationId, journeyId)).map((s) => s.id);
    await renumberStages(trx, change.organisationId, journeyId, rest);
    const touchpoints = (await liveTouchpoints(trx, change.organisationId, stageId)).length;
    await audit(trx, change, "stage.archived", "stage", stageId, { journeyId, name: stage.name, touchpoints });
    return { ok: true as const, value: { ...stage, archived_at: change.now, updated_at: change.now } };
  });
}

/** Brings an archived stage (with its touchpoints) back at its old place, or the last one. */
export async function restoreStage(database: Database, journeyId: string, stageId: string, change: MapChange): Promise<Outcome<StageRow>> {
  return withJourneyLocked(database, change, journeyId, async (trx) => {
    const stage = await getStage(trx, change.organisationId, journeyId, stageId);
    if (!stage) return fail("not_found");
    if (stage.archived_at === null) return { ok: true as const, value: stage };
    const stages = await liveStages(trx, change.organisationId, journeyId);
    if (stages.length >= journeyLimits.stagesPerJourney) return fail("limit_reached", `A journey has at most ${journeyLimits.stagesPerJourney} stages.`);
    if (nameTakenAmong(stages, stage.name)) return fail("name_taken", "A live stage has this name now; rename it first.");
    // Live again at a free slot first, then in its place.
    await trx
      .updateTable("stages")
      .set({ archived_at: null, position: stages.length, updated_at: change.now })
      .where("organisation_id", "=", change.organisationId)
      .where("id", "=", stageId)
      .execute();
    const order = placeAt(
      stages.map((s) => s.id),
      stageId,
      stage.position,
    );
    await renumberStages(trx, change.organisationId, journeyId, order);
    await audit(trx, change, "stage.restored", "stage", stageId, { journeyId, name: stage.name, position: order.indexOf(stageId) });
    return { ok: true as const, value: { ...stage, archived_at: null, position: order.indexOf(stageId), updated_at: change.now } };
  });
}

// ---- touchpoints ------------------------------------------------------------------------------

/** Adds a touchpoint to a live stage, at `position` (the end by default). */
export async function addTouchpoint(database: Database, journeyId: string, input: CreateTouchpointInput, change: MapChange): Promise<TouchpointOutcome> {
  const { stageId, position, ...fields } = input;
  const values: TouchpointValues = { ...fields, modules: sortModules(fields.modules) };
  const issues = checkTouchpoint(values);
  if (issues.length > 0) return { ok: false, reason: "validation_failed", issues };
  return withJourneyLocked(database, change, journeyId, async (trx) => {
    const stage = await getStage(trx, change.organisationId, journeyId, stageId);
    if (!stage || stage.archived_at !== null) return fail("not_found", "There is no such live stage in this journey.");
    const siblings = await liveTouchpoints(trx, change.organisationId, stageId);
    if (siblings.length >= journeyLimits.touchpointsPerStage) return fail("limit_reached", `A stage has at most ${journeyLimits.touchpointsPerStage} touchpoints.`);
    if (nameTakenAmong(siblings, values.name)) return fail("name_taken");
    const row: TouchpointRow = {
      id: newId("tch"),
      organisation_id: change.organisationId,
      journey_id: journeyId,
      stage_id: stageId,
      ...touchpointColumns(values),
      position: siblings.length,
      created_at: change.now,
      updated_at: change.now,
      archived_at: null,
    };
    await trx.insertInto("touchpoints").values(row).execute();
    const order = placeAt(
      siblings.map((t) => t.id),
      row.id,
      position ?? siblings.length,
    );
    if (order.indexOf(row.id) !== siblings.length) await renumberTouchpoints(trx, change.organisationId, [{ stageId, ids: order }]);
    await audit(trx, change, "touchpoint.created", "touchpoint", row.id, { journeyId, stageId, name: row.name, position: order.indexOf(row.id) });
    return { ok: true as const, value: { ...row, position: order.indexOf(row.id) } };
  });
}

/** Edits a live touchpoint; cross-field rules are checked on the merged result. */
export async function updateTouchpoint(
  database: Database,
  journeyId: string,
  touchpointId: string,
  input: UpdateTouchpointInput,
  change: MapChange,
): Promise<TouchpointOutcome> {
  return withJourneyLocked(database, change, journeyId, async (trx) => {
    const row = await getTouchpointRow(trx, change.organisationId, journeyId, touchpointId);
    if (!row) return fail("not_found");
    if (row.archived_at !== null) return fail("archived");
    const before = touchpointValuesOf(row);
    const after = applyTouchpointUpdate(before, input);
    const issues = checkTouchpoint(after);
    if (issues.length > 0) return { ok: false as const, reason: "validation_failed" as const, issues };
    if (nameKey(after.name) !== row.name_key && nameTakenAmong(await liveTouchpoints(trx, change.organisationId, row.stage_id), after.name, row.id)) {
      return fail("name_taken");
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(after) as Array<keyof TouchpointValues>) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
    }
    if (Object.keys(changes).length === 0) return { ok: true as const, value: row };
    const columns = touchpointColumns(after);
    await trx
      .updateTable("touchpoints")
      .set({ ...columns, updated_at: change.now })
      .where("organisation_id", "=", change.organisationId)
      .where("id", "=", touchpointId)
      .execute();
    await audit(trx, change, "touchpoint.updated", "touchpoint", touchpointId, { journeyId, stageId: row.stage_id, changes });
    return { ok: true as const, value: { ...row, ...columns, updated_at: change.now } };
  });
}

/** Moves a live touchpoint to `position` in its stage or in another live stage of the same journey. */
export async function moveTouchpoint(
  database: Database,
  journeyId: string,
  touchpointId: string,
  target: { stageId?: string; position: number },
  change: MapChange,
): Promise<Outcome<TouchpointRow>> {
  return withJourneyLocked(database, change, journeyId, async (trx) => {
    const row = await getTouchpointRow(trx, change.organisationId, journeyId, touchpointId);
    if (!row) return fail("not_found");
    if (row.archived_at !== null) return fail("archived");
    const source = await getStage(trx, change.organisationId, journeyId, row.stage_id);
    if (!source || source.archived_at !== null) return fail("archived", "The touchpoint's stage is archived.");
    const toStageId = target.stageId ?? row.stage_id;
    const sameStage = toStageId === row.stage_id;
    if (!sameStage) {
      const stage = await getStage(trx, change.organisationId, journeyId, toStageId);
      if (!stage || stage.archived_at !== null) return fail("not_found", "There is no such live stage in this journey.");
    }
    const fromList = await liveTouchpoints(trx, change.organisationId, row.stage_id);
    const toList = sameStage ? fromList : await liveTouchpoints(trx, change.organisationId, toStageId);
    if (!sameStage) {
      if (toList.length >= journeyLimits.touchpointsPerStage) return fail("limit_reached", `A stage has at most ${journeyLimits.touchpointsPerStage} touchpoints.`);
      if (nameTakenAmong(toList, row.name)) return fail("name_taken", "A touchpoint with this name is already in that stage.");
    }
    const order = placeAt(
      toList.map((t) => t.id),
      row.id,
      target.position,
    );
    const to = order.indexOf(row.id);
    if (sameStage && to === row.position) return { ok: true as const, value: row };
    const lists = sameStage
      ? [{ stageId: toStageId, ids: order }]
      : [
          { stageId: row.stage_id, ids: fromList.filter((t) => t.id !== row.id).map((t) => t.id) },
          { stageId: toStageId, ids: order },
        ];
    await renumberTouchpoints(trx, change.organisationId, lists);
    await audit(trx, change, "touchpoint.moved", "touchpoint", row.id, {
      journeyId,
      name: row.name,
      from: { stageId: row.stage_id, position: row.position },
      to: { stageId: toStageId, position: to },
    });
    return { ok: true as const, value: { ...row, stage_id: toStageId, position: to, updated_at: change.now } };
  });
}

/**
 * Removes a touchpoint from the map. It is archived, never deleted: see touchpointHasData for the rule
 * and how later issues extend it. The rest of its stage closes the gap. Archiving twice is a no-op.
 */
export async function archiveTouchpoint(database: Database, journeyId: string, touchpointId: string, change: MapChange): Promise<Outcome<TouchpointRow>> {
  return withJourneyLocked(database, change, journeyId, async (trx) => {
    const row = await getTouchpointRow(trx, change.organisationId, journeyId, touchpointId);
    if (!row) return fail("not_found");
    if (row.archived_at !== null) return { ok: true as const, value: row };
    const hasData = await touchpointHasData(trx, change.organisationId, touchpointId);
    await trx
      .updateTable("touchpoints")
      .set({ archived_at: change.now, updated_at: change.now })
      .where("organisation_id", "=", change.organisationId)
      .where("id", "=", touchpointId)
      .execute();
    const rest = (await liveTouchpoints(trx, change.organisationId, row.stage_id)).map((t) => t.id);
    await renumberTouchpoints(trx, change.organisationId, [{ stageId: row.stage_id, ids: rest }]);
    await audit(trx, change, "touchpoint.archived", "touchpoint", touchpointId, { journeyId, stageId: row.stage_id, name: row.name, hasData });
    return { ok: true as const, value: { ...row, archived_at: change.now, updated_at: change.now } };
  });
}

/** Brings an archived touchpoint back in its stage, at its old place or the last one. */
export async function restoreTouchpoint(database: Database, journeyId: string, touchpointId: string, change: MapChange): Promise<Outcome<TouchpointRow>> {
  return withJourneyLocked(database, change, journeyId, async (trx) => {
    const row = await getTouchpointRow(trx, change.organisationId, journeyId, touchpointId);
    if (!row) return fail("not_found");
    if (row.archived_at === null) return { ok: true as const, value: row };
    const stage = await getStage(trx, change.organisationId, journeyId, row.stage_id);
    if (!stage || stage.archived_at !== null) return fail("archived", "Its stage is archived; restore the stage first.");
    const siblings = await liveTouchpoints(trx, change.organisationId, row.stage_id);
    if (siblings.length >= journeyLimits.touchpointsPerStage) return fail("limit_reached", `A stage has at most ${journeyLimits.touchpointsPerStage} touchpoints.`);
    if (nameTakenAmong(siblings, row.name)) return fail("name_taken", "A live touchpoint in its stage has this name now; rename it first.");
    await trx
      .updateTable("touchpoints")
      .set({ archived_at: null, position: siblings.length, updated_at: change.now })
      .where("organisation_id", "=", change.organisationId)
      .where("id", "=", touchpointId)
      .execute();
    const order = placeAt(
      siblings.map((t) => t.id),
      row.id,
      row.position,
    );
    await renumberTouchpoints(trx, change.organisationId, [{ stageId: row.stage_id, ids: order }]);
    await audit(trx, change, "touchpoint.restored", "touchpoint", touchpointId, { journeyId, stageId: row.stage_id, name: row.name, position: order.indexOf(row.id) });
    return { ok: true as const, value: { ...row, archived_at: null, position: order.indexOf(row.id), updated_at: change.now } };
  });
}

/** One touchpoint of a journey (archived or not), or null. */
export async function getTouchpoint(db: Kdb, organisationId: string, journeyId: string, touchpointId: string): Promise<TouchpointRow | null> {
  return (await getTouchpointRow(db, organisationId, journeyId, touchpointId)) ?? null;
}
