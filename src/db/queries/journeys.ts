// Journeys as rows: list, read as a board, create from a draft (blank, template, duplicate, import),
// edit, archive, and the journey's audit trail. Every statement is scoped by organisation id.
import type { JourneyDraft, StageDraft, TouchpointDraft } from "../../core/journeys/document.js";
import {
  experientialModules,
  freeName,
  journeyLimits,
  nameKey,
  type ExperientialModule,
  type Persona,
  type TouchpointValues,
  type UpdateJourneyInput,
} from "../../core/journeys/model.js";
import type { Database } from "../connect.js";
import { forUpdate, isUniqueViolation, writeTransaction } from "../dialect.js";
import { newId } from "../ids.js";
import type { JourneysTable, Kdb, StagesTable, TouchpointsTable } from "../tables.js";
import { recordAuditEvent, type Actor, type AuditEventRow } from "./audit.js";

export type JourneyRow = JourneysTable;
export type StageRow = StagesTable;
export type TouchpointRow = TouchpointsTable;

/** Who changes the map, and when: every change is recorded in the audit trail with it. */
export interface MapChange {
  organisationId: string;
  actor: Actor;
  now: number;
}

export type MapFailure = "not_found" | "archived" | "name_taken" | "limit_reached";
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: MapFailure; detail?: string };

export const fail = (reason: MapFailure, detail?: string) => ({ ok: false as const, reason, ...(detail ? { detail } : {}) });

/** The modules stored as a comma list, read back in canonical order (unknown codes dropped). */
export function readModules(stored: string): ExperientialModule[] {
  const codes = new Set(stored.split(","));
  return experientialModules.filter((m) => codes.has(m));
}

export function touchpointValuesOf(row: TouchpointRow): TouchpointValues {
  return {
    name: row.name,
    description: row.description,
    channel: row.channel,
    customerNeed: row.customer_need,
    customerExpectation: row.customer_expectation,
    ownerUserId: row.owner_user_id,
    modules: readModules(row.modules),
    momentOfTruth: row.moment_of_truth === 1,
    momentOfTruthReason: row.moment_of_truth_reason,
    targets: { nps: row.target_nps, csat: row.target_csat, ces: row.target_ces },
    status: row.status,
  };
}

/** The columns that hold a touchpoint's values. */
export function touchpointColumns(values: TouchpointValues) {
  return {
    name: values.name,
    name_key: nameKey(values.name),
    description: values.description,
    channel: values.channel,
    customer_need: values.customerNeed,
    customer_expectation: values.customerExpectation,
    owner_user_id: values.ownerUserId,
    modules: values.modules.join(","),
    moment_of_truth: values.momentOfTruth ? 1 : 0,
    moment_of_truth_reason: values.momentOfTruthReason,
    target_nps: values.targets.nps,
    target_csat: values.targets.csat,
    target_ces: values.targets.ces,
    status: values.status,
  };
}

export function personaOf(row: JourneyRow): Persona | null {
  return row.persona_name === null ? null : { name: row.persona_name, description: row.persona_description ?? "" };
}

export interface JourneySummaryRow extends JourneyRow {
  stage_count: number;
  touchpoint_count: number;
  moment_of_truth_count: number;
}

/** The organisation's journeys by name, with counts of live stages, touchpoints and moments of truth. */
export async function listJourneys(db: Kdb, organisationId: string, options: { includeArchived: boolean }): Promise<JourneySummaryRow[]> {
  let query = db
    .selectFrom("journeys")
    .selectAll("journeys")
    .select((eb) => [
      eb
        .selectFrom("stages")
        .select((e) => e.fn.countAll<number>().as("n"))
        .where("stages.organisation_id", "=", organisationId)
        .whereRef("stages.journey_id", "=", "journeys.id")
        .where("stages.archived_at", "is", null)
        .as("stage_count"),
      eb
        .selectFrom("touchpoints")
        .innerJoin("stages", "stages.id", "touchpoints.stage_id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .where("touchpoints.organisation_id", "=", organisationId)
        .whereRef("touchpoints.journey_id", "=", "journeys.id")
        .where("touchpoints.archived_at", "is", null)
        .where("stages.archived_at", "is", null)
        .as("touchpoint_count"),
      eb
        .selectFrom("touchpoints")
        .innerJoin("stages", "stages.id", "touchpoints.stage_id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .where("touchpoints.organisation_id", "=", organisationId)
        .whereRef("touchpoints.journey_id", "=", "journeys.id")
        .where("touchpoints.archived_at", "is", null)
        .where("stages.archived_at", "is", null)
        .where("touchpoints.moment_of_truth", "=", 1)
        .as("moment_of_truth_count"),
    ])
    .where("journeys.organisation_id", "=", organisationId);
  if (!options.includeArchived) query = query.where("journeys.archived_at", "is", null);
  const rows = await query.orderBy("journeys.name_key").orderBy("journeys.id").execute();
  return rows.map((row) => ({
    ...row,
    stage_count: Number(row.stage_count ?? 0),
    touchpoint_count: Number(row.touchpoint_count ?? 0),
    moment_of_truth_count: Number(row.moment_of_truth_count ?? 0),
  }));
}

/** The journey with this id in this organisation (archived or not), or null. */
export async function getJourney(db: Kdb, organisationId: string, journeyId: string): Promise<JourneyRow | null> {
  return (
    (await db.selectFrom("journeys").selectAll().where("organisation_id", "=", organisationId).where("id", "=", journeyId).executeTakeFirst()) ?? null
  );
}

export interface JourneyBoard {
  journey: JourneyRow;
  /** Live stages by position, then (when asked for) archived ones. */
  stages: StageRow[];
  /** Touchpoints of those stages, by stage and position; archived ones only when asked for. */
  touchpoints: TouchpointRow[];
}

const byPosition = <T extends { archived_at: number | null; position: number; id: string }>(a: T, b: T) =>
  Number(a.archived_at !== null) - Number(b.archived_at !== null) || a.position - b.position || (a.archived_at ?? 0) - (b.archived_at ?? 0) || a.id.localeCompare(b.id);

/** A journey with its stages and touchpoints in board order, or null. */
export async function getJourneyBoard(db: Kdb, organisationId: string, journeyId: string, options: { includeArchived: boolean }): Promise<JourneyBoard | null> {
  const journey = await getJourney(db, organisationId, journeyId);
  if (!journey) return null;
  let stageQuery = db.selectFrom("stages").selectAll().where("organisation_id", "=", organisationId).where("journey_id", "=", journeyId);
  if (!options.includeArchived) stageQuery = stageQuery.where("archived_at", "is", null);
  const stages = (await stageQuery.execute()).sort(byPosition);
  let touchpointQuery = db.selectFrom("touchpoints").selectAll().where("organisation_id", "=", organisationId).where("journey_id", "=", journeyId);
  if (!options.includeArchived) touchpointQuery = touchpointQuery.where("archived_at", "is", null);
  const stageOrder = new Map(stages.map((s, i) => [s.id, i]));
  const touchpoints = (await touchpointQuery.execute())
    .filter((t) => stageOrder.has(t.stage_id))
    .sort((a, b) => stageOrder.get(a.stage_id)! - stageOrder.get(b.stage_id)! || byPosition(a, b));
  return { journey, stages, touchpoints };
}

/** A live board as a draft (what export writes and duplicate copies). */
export function boardToDraft(board: JourneyBoard): JourneyDraft {
  const { journey } = board;
  return {
    name: journey.name,
    description: journey.description,
    scope: journey.scope,
    persona: personaOf(journey),
    language: (journey.language as JourneyDraft["language"]) ?? null,
    stages: board.stages
      .filter((s) => s.archived_at === null)
      .map(
        (stage): StageDraft => ({
          name: stage.name,
          description: stage.description,
          touchpoints: board.touchpoints
            .filter((t) => t.stage_id === stage.id && t.archived_at === null)
            .map((t): TouchpointDraft => touchpointValuesOf(t)),
        }),
      ),
  };
}

/** Reads the journey inside a write transaction, locking its row on PostgreSQL (see writeTransaction). */
export async function lockJourney(trx: Kdb, database: Database, organisationId: string, journeyId: string): Promise<JourneyRow | undefined> {
  return forUpdate(trx.selectFrom("journeys").selectAll().where("organisation_id", "=", organisationId).where("id", "=", journeyId), database.dialect).executeTakeFirst();
}

/** Names of the organisation's live journeys. */
async function liveJourneyNames(db: Kdb, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom("journeys").select("name").where("organisation_id", "=", organisationId).where("archived_at", "is", null).execute();
  return rows.map((r) => r.name);
}

async function countLiveJourneys(db: Kdb, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom("journeys")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", organisationId)
    .where("archived_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type DraftSource = { kind: "blank" } | { kind: "template"; template: string } | { kind: "duplicate"; from: string } | { kind: "import" };

/**
 * Stores a whole journey (with its stages and touchpoints) in one transaction. With `nameMode`
 * "exact" a taken name fails with name_taken; with "free" it becomes "Name (2)", "Name (3)"…
 */
export async function insertJourneyDraft(
  database: Database,
  draft: JourneyDraft,
  change: MapChange,
  options: { nameMode: "exact" | "free"; source: DraftSource },
): Promise<Outcome<JourneyRow>> {
  const db = database.kysely;
  for (let attempt = 0; attempt < 5; attempt++) {
    if ((await countLiveJourneys(db, change.organisationId)) >= journeyLimits.journeysPerOrganisation) {
      return fail("limit_reached", `An organisation has at most ${journeyLimits.journeysPerOrganisation} journeys.`);
    }
    const name = options.nameMode === "free" ? freeName(draft.name, await liveJourneyNames(db, change.organisationId)) : draft.name;
    try {
      const row = await db.transaction().execute((trx) => insertDraftRows(trx, { ...draft, name }, change, options.source));
      return { ok: true, value: row };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (options.nameMode === "exact") return fail("name_taken");
      // Someone took the free name meanwhile: pick again.
    }
  }
  return fail("name_taken");
}

async function insertDraftRows(trx: Kdb, draft: JourneyDraft, change: MapChange, source: DraftSource): Promise<JourneyRow> {
  const { organisationId, now } = change;
  const journey: JourneyRow = {
    id: newId("jny"),
    organisation_id: organisationId,
    name: draft.name,
    name_key: nameKey(draft.name),
    description: draft.description,
    scope: draft.scope,
    persona_name: draft.persona?.name ?? null,
    persona_description: draft.persona ? draft.persona.description : null,
    language: draft.language,
    created_at: now,
    updated_at: now,
    archived_at: null,
  };
  await trx.insertInto("journeys").values(journey).execute();
  for (const [position, stage] of draft.stages.entries()) {
    const stageId = newId("stg");
    await trx
      .insertInto("stages")
      .values({
        id: stageId,
        organisation_id: organisationId,
        journey_id: journey.id,
        name: stage.name,
        name_key: nameKey(stage.name),
        description: stage.description,
        position,
        created_at: now,
        updated_at: now,
        archived_at: null,
      })
      .execute();
    if (stage.touchpoints.length === 0) continue;
    await trx
      .insertInto("touchpoints")
      .values(
        stage.touchpoints.map((touchpoint, i) => ({
          id: newId("tch"),
          organisation_id: organisationId,
          journey_id: journey.id,
          stage_id: stageId,
          ...touchpointColumns(touchpoint),
          position: i,
          created_at: now,
          updated_at: now,
          archived_at: null,
        })),
      )
      .execute();
  }
  const counts = { stages: draft.stages.length, touchpoints: draft.stages.reduce((n, s) => n + s.touchpoints.length, 0) };
  await recordAuditEvent(
    trx,
    { organisationId, actor: change.actor, action: "journey.created", targetType: "journey", targetId: journey.id, details: { name: journey.name, source, ...counts } },
    now,
  );
  return journey;
}

/** Edits a live journey's own fields; records what changed. */
export async function updateJourney(database: Database, journeyId: string, input: UpdateJourneyInput, change: MapChange): Promise<Outcome<JourneyRow>> {
  try {
    return await writeTransaction(database, async (trx) => {
      const current = await lockJourney(trx, database, change.organisationId, journeyId);
      if (!current) return fail("not_found");
      if (current.archived_at !== null) return fail("archived");
      const next: JourneyRow = { ...current, updated_at: change.now };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const note = (field: string, from: unknown, to: unknown) => {
        if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
      };
      if (input.name !== undefined) {
        if (nameKey(input.name) !== current.name_key && (await liveJourneyNames(trx, change.organisationId)).some((n) => nameKey(n) === nameKey(input.name!))) {
          return fail("name_taken");
        }
        next.name = input.name;
        next.name_key = nameKey(input.name);
        note("name", current.name, input.name);
      }
      if (input.description !== undefined) {
        next.description = input.description;
        note("description", current.description, input.description);
      }
      if (input.scope !== undefined) {
        next.scope = input.scope;
        note("scope", current.scope, input.scope);
      }
      if (input.persona !== undefined) {
        next.persona_name = input.persona?.name ?? null;
        next.persona_description = input.persona ? input.persona.description : null;
        note("persona", personaOf(current), input.persona);
      }
      if (input.language !== undefined) {
        next.language = input.language;
        note("language", current.language, input.language);
      }
      if (Object.keys(changes).length === 0) return { ok: true as const, value: current };
      const { id: _id, organisation_id: _org, created_at: _created, archived_at: _archived, ...columns } = next;
      await trx.updateTable("journeys").set(columns).where("organisation_id", "=", change.organisationId).where("id", "=", journeyId).execute();
      await recordAuditEvent(
        trx,
        { organisationId: change.organisationId, actor: change.actor, action: "journey.updated", targetType: "journey", targetId: journeyId, details: { changes } },
        change.now,
      );
      return { ok: true as const, value: next };
    });
  } catch (error) {
    // A concurrent creation took the name between our check and our write.
    if (isUniqueViolation(error)) return fail("name_taken");
    throw error;
  }
}

/** Archives a journey (its stages and touchpoints stay, hidden with it). Archiving twice is a no-op. */
export async function archiveJourney(database: Database, journeyId: string, change: MapChange): Promise<Outcome<JourneyRow>> {
  return writeTransaction(database, async (trx) => {
    const current = await lockJourney(trx, database, change.organisationId, journeyId);
    if (!current) return fail("not_found");
    if (current.archived_at !== null) return { ok: true as const, value: current };
    await trx
      .updateTable("journeys")
      .set({ archived_at: change.now, updated_at: change.now })
      .where("organisation_id", "=", change.organisationId)
      .where("id", "=", journeyId)
      .execute();
    await recordAuditEvent(
      trx,
      { organisationId: change.organisationId, actor: change.actor, action: "journey.archived", targetType: "journey", targetId: journeyId, details: { name: current.name } },
      change.now,
    );
    return { ok: true as const, value: { ...current, archived_at: change.now, updated_at: change.now } };
  });
}

/** Brings an archived journey back, under its name (name_taken when a live journey has it now). */
export async function restoreJourney(database: Database, journeyId: string, change: MapChange): Promise<Outcome<JourneyRow>> {
  try {
    return await writeTransaction(database, async (trx) => {
      const current = await lockJourney(trx, database, change.organisationId, journeyId);
      if (!current) return fail("not_found");
      if (current.archived_at === null) return { ok: true as const, value: current };
      if ((await liveJourneyNames(trx, change.organisationId)).some((n) => nameKey(n) === current.name_key)) return fail("name_taken", "A live journey has this name now; rename it first.");
      if ((await countLiveJourneys(trx, change.organisationId)) >= journeyLimits.journeysPerOrganisation) return fail("limit_reached");
      await trx
        .updateTable("journeys")
        .set({ archived_at: null, updated_at: change.now })
        .where("organisation_id", "=", change.organisationId)
        .where("id", "=", journeyId)
        .execute();
      await recordAuditEvent(
        trx,
        { organisationId: change.organisationId, actor: change.actor, action: "journey.restored", targetType: "journey", targetId: journeyId, details: { name: current.name } },
        change.now,
      );
      return { ok: true as const, value: { ...current, archived_at: null, updated_at: change.now } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("name_taken");
    throw error;
  }
}

export interface JourneyAuditRow extends AuditEventRow {
  actor_name: string | null;
}

/** The audit trail of one journey: events on it, its stages and its touchpoints, newest first. */
export async function listJourneyAuditEvents(
  db: Kdb,
  organisationId: string,
  journeyId: string,
  options: { limit: number; before?: number },
): Promise<JourneyAuditRow[]> {
  let query = db
    .selectFrom("audit_events")
    .leftJoin("users", "users.id", "audit_events.actor_user_id")
    .selectAll("audit_events")
    .select("users.name as actor_name")
    .where("audit_events.organisation_id", "=", organisationId)
    .where((eb) =>
      eb.or([
        eb.and([eb("audit_events.target_type", "=", "journey"), eb("audit_events.target_id", "=", journeyId)]),
        eb.and([
          eb("audit_events.target_type", "=", "stage"),
          eb(
            "audit_events.target_id",
            "in",
            eb.selectFrom("stages").select("stages.id").where("stages.organisation_id", "=", organisationId).where("stages.journey_id", "=", journeyId),
          ),
        ]),
        eb.and([
          eb("audit_events.target_type", "=", "touchpoint"),
          eb(
            "audit_events.target_id",
            "in",
            eb
              .selectFrom("touchpoints")
              .select("touchpoints.id")
              .where("touchpoints.organisation_id", "=", organisationId)
              .where("touchpoints.journey_id", "=", journeyId),
          ),
        ]),
      ]),
    );
  if (options.before !== undefined) query = query.where("audit_events.at", "<", options.before);
  return query.orderBy("audit_events.at", "desc").orderBy("audit_events.id", "desc").limit(options.limit).execute();
}
