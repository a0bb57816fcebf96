// Stores the demo brand (core/demo) as an ordinary organisation: its members, its two journeys
// through the journey queries the product uses, a form per touchpoint (one reworded during the year),
// and a year of responses in large batches, each batch's rollups applied in its own transaction with
// the writer's contribution function. Created once per name: a second run finds it and stops.
import {
  demoCalendar,
  demoFix,
  demoJourneys,
  demoOwnerName,
  demoRewording,
  demoTeam,
  demoTouchpoints,
  generateDemoResponses,
  type DemoCalendar,
  type DemoResponse,
  type TeamKey,
} from "../core/demo/index.js";
import { formConfigSchema } from "../core/forms/index.js";
import { nameKey } from "../core/journeys/model.js";
import type { Role } from "../core/roles.js";
import type { Database } from "./connect.js";
import { dialectOf, insertInBulk, writeTransaction } from "./dialect.js";
import { newId } from "./ids.js";
import { ensureForm, saveFormConfig } from "./queries/forms.js";
import { getJourneyBoard, insertJourneyDraft } from "./queries/journeys.js";
import { deleteOrganisation, getMembership, getOrganisation, insertMembership, insertOrganisation } from "./queries/organisations.js";
import { responseBulkColumns, type ResponseRow } from "./queries/responses.js";
import { applySpanDeltas, spanDeltasOf } from "./queries/rollup-spans.js";
import { addRollupChange, rollupCounterColumns, rollupKeyColumns, rollupLayout, type RollupDelta, type RollupDeltas } from "./queries/rollups.js";
import { markSetupDone } from "./queries/setup.js";
import { getUserByEmail, insertUser } from "./queries/users.js";
import type { Kdb } from "./tables.js";

const msPerDay = 86_400_000;

/** The password hash of the demo's colleagues: not a scrypt hash, so it never matches and they cannot sign in until reset. */
export const noPasswordHash = "!demo-member-without-password";

export type DemoOwner =
  /** Use this person if they exist; otherwise create them with this name and password hash. */
  | { kind: "create_or_reuse"; email: string; name: string; passwordHash: string }
  /** Add the demo organisation to an existing person; fails with no_such_user otherwise. */
  | { kind: "existing"; email: string };

export interface DemoSetup {
  organisationName: string;
  responses: number;
  seed: number;
  now: number;
  owner: DemoOwner;
  /** Responses per transaction (each with its rollup deltas). */
  batchSize?: number;
  onProgress?: (stored: number, total: number) => void;
}

export type DemoOutcome =
  | {
      status: "created";
      organisationId: string;
      ownerEmail: string;
      /** True when the owner's account was created now (so the password given is theirs). */
      ownerCreated: boolean;
      responses: number;
      journeys: number;
      touchpoints: number;
      calendar: DemoCalendar;
      seconds: number;
    }
  | { status: "exists"; organisationId: string; ownerEmail: string | null }
  | { status: "no_such_user"; email: string };

/** The instance setting that remembers the demo organisation of a name: `pending:<id>` while it is being filled, `<id>` once complete. */
export function demoSettingKey(organisationName: string): string {
  return `demo_organisation:${nameKey(organisationName)}`;
}

/** The demo organisation of this name, when a complete one exists. */
export async function findDemoOrganisation(db: Kdb, organisationName: string): Promise<string | null> {
  const row = await db.selectFrom("instance_settings").select("value").where("key", "=", demoSettingKey(organisationName)).executeTakeFirst();
  if (!row || row.value.startsWith("pending:")) return null;
  return (await getOrganisation(db, row.value)) ? row.value : null;
}

async function setMarker(db: Kdb, key: string, value: string | null): Promise<void> {
  await db.deleteFrom("instance_settings").where("key", "=", key).execute();
  if (value !== null) await db.insertInto("instance_settings").values({ key, value }).execute();
}

async function userFor(db: Kdb, email: string, name: string, passwordHash: string, now: number): Promise<{ id: string; created: boolean }> {
  const existing = await getUserByEmail(db, email);
  if (existing) return { id: existing.id, created: false };
  return { id: (await insertUser(db, { email, name, passwordHash, language: "es" }, now)).id, created: true };
}

/** Deletes the demo organisation of this name (complete or pending) and its marker; false when there was none. */
export async function deleteDemoOrganisation(database: Database, organisationName: string): Promise<boolean> {
  const db = database.kysely;
  const key = demoSettingKey(organisationName);
  const marker = await db.selectFrom("instance_settings").select("value").where("key", "=", key).executeTakeFirst();
  if (!marker) return false;
  await deleteOrganisation(db, marker.value.replace(/^pending:/, ""));
  await setMarker(db, key, null);
  return true;
}

const spanishDate = (day: number) => new Intl.DateTimeFormat("es-ES", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(day * msPerDay));

/**
 * Creates the demo organisation unless a complete one of this name exists. A run interrupted half-way
 * left a `pending` marker: its organisation is deleted and made again, so nothing is ever duplicated.
 */
export async function createDemoOrganisation(database: Database, setup: DemoSetup): Promise<DemoOutcome> {
  const started = Date.now();
  const db = database.kysely;
  const key = demoSettingKey(setup.organisationName);
  const marker = await db.selectFrom("instance_settings").select("value").where("key", "=", key).executeTakeFirst();
  if (marker) {
    const id = marker.value.replace(/^pending:/, "");
    const organisation = await getOrganisation(db, id);
    if (organisation && !marker.value.startsWith("pending:")) {
      const ownerEmail = setup.owner.email;
      const owner = await getUserByEmail(db, ownerEmail);
      const isOwner = owner ? (await getMembership(db, id, owner.id)) !== null : false;
      return { status: "exists", organisationId: id, ownerEmail: isOwner ? ownerEmail : null };
    }
    if (organisation) await deleteOrganisation(db, id);
    await setMarker(db, key, null);
  }

  const calendar = demoCalendar(setup.now);
  // The brand joined Momentos a month before its first response.
  const createdAt = (calendar.firstDay - 30) * msPerDay + 9 * 3_600_000;

  let owner: { id: string; created: boolean };
  if (setup.owner.kind === "existing") {
    const user = await getUserByEmail(db, setup.owner.email);
    if (!user) return { status: "no_such_user", email: setup.owner.email };
    owner = { id: user.id, created: false };
  } else {
    owner = await userFor(db, setup.owner.email, setup.owner.name, setup.owner.passwordHash, setup.now);
  }

  const organisation = await insertOrganisation(db, setup.organisationName, createdAt);
  await setMarker(db, key, `pending:${organisation.id}`);
  await insertMembership(db, organisation.id, owner.id, "owner", createdAt);
  const members = new Map<TeamKey, string>([["owner", owner.id]]);
  for (const person of demoTeam) {
    const user = await userFor(db, person.email, person.name, noPasswordHash, setup.now);
    if (user.id !== owner.id) await insertMembership(db, organisation.id, user.id, person.role as Role, createdAt);
    members.set(person.key, user.id);
  }
  await markSetupDone(db, setup.now);

  // The journeys, through the same query as a blank journey or an import.
  const touchpointIds: string[] = [];
  const journeyIds: string[] = [];
  for (const journey of demoJourneys) {
    const draft = {
      ...journey.draft,
      stages: journey.stages.map((stage) => ({
        name: stage.name,
        description: stage.description,
        touchpoints: stage.touchpoints.map((tp) => ({
          ...tp.draft,
          ownerUserId: members.get(tp.owner) ?? null,
          description: tp.model.theme === demoFix.theme ? `Desde el ${spanishDate(calendar.fixDay)}: ${demoFix.what}.` : tp.draft.description,
        })),
      })),
    };
    const stored = await insertJourneyDraft(database, draft, { organisationId: organisation.id, actor: { userId: owner.id, apiKeyId: null }, now: createdAt }, { nameMode: "free", source: { kind: "import" } });
    if (!stored.ok) throw new Error(`the demo journey “${journey.draft.name}” could not be stored: ${stored.reason}`);
    journeyIds.push(stored.value.id);
    const board = await getJourneyBoard(db, organisation.id, stored.value.id, { includeArchived: false });
    touchpointIds.push(...board!.touchpoints.map((t) => t.id));
  }
  const touchpoints = demoTouchpoints();
  if (touchpointIds.length !== touchpoints.length) throw new Error("the demo journeys were not stored as drawn");

  // A form per touchpoint; one was reworded during the year, so its later responses are version 2.
  const targets = [];
  for (const [i, id] of touchpointIds.entries()) {
    const target = await ensureForm(db, organisation.id, id, createdAt);
    if (!target) throw new Error("a demo form could not be created");
    if (touchpoints[i]!.model.theme === demoRewording.theme) {
      const next = formConfigSchema.parse({ ...target.config, experienceName: { ...target.config.experienceName, es: demoRewording.experience } });
      const saved = await saveFormConfig(db, target, next, { isOpen: true, by: owner.id }, calendar.rewordingDay * msPerDay + 10 * 3_600_000);
      if (saved.version !== 2) throw new Error("the demo rewording did not make form version 2");
    }
    targets.push(target);
  }

  const context = {
    organisationId: organisation.id,
    journeyOf: touchpointIds.map((_, i) => journeyIds[demoJourneys.findIndex((j) => j.stages.some((s) => s.touchpoints.includes(touchpoints[i]!)))]!),
    stageOf: targets.map((t) => t.stageId),
    touchpointIds,
    dedupePrefix: `v:demo${setup.seed}:`,
  };
  let stored = 0;
  await insertDemoResponses(database, generateDemoResponses({ responses: setup.responses, seed: setup.seed, now: setup.now }), context, {
    batchSize: setup.batchSize ?? 25_000,
    onBatch: (n) => {
      stored += n;
      setup.onProgress?.(stored, setup.responses);
    },
  });
  await setMarker(db, key, organisation.id);
  return {
    status: "created",
    organisationId: organisation.id,
    ownerEmail: setup.owner.email,
    ownerCreated: owner.created,
    responses: stored,
    journeys: journeyIds.length,
    touchpoints: touchpointIds.length,
    calendar,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Where the generated responses go: the organisation's ids for each demo touchpoint index. */
export interface DemoTargets {
  organisationId: string;
  journeyOf: string[];
  stageOf: string[];
  touchpointIds: string[];
  /** Dedupe keys are `<prefix><touchpoint>:<n>`, as unique as the form page's visit tokens. */
  dedupePrefix: string;
}

/** A generated response as the row the form page's writer would have stored. */
export function demoResponseRow(r: DemoResponse, targets: DemoTargets, sequence: number): ResponseRow {
  const touchpointId = targets.touchpointIds[r.touchpoint]!;
  const completionMs = r.completedAt !== null ? r.completedAt - r.startedAt : null;
  const last = r.commentAt ?? r.npsAt ?? r.cesAt ?? r.csatAt ?? r.emotionAt ?? r.startedAt;
  return {
    id: newId("rsp"),
    organisation_id: targets.organisationId,
    journey_id: targets.journeyOf[r.touchpoint]!,
    stage_id: targets.stageOf[r.touchpoint]!,
    touchpoint_id: touchpointId,
    form_version: r.formVersion,
    dedupe_key: `${targets.dedupePrefix}${touchpointId}:${sequence}`,
    variant: "universal",
    source: r.source,
    placement: r.placement,
    language: r.language,
    device_class: r.deviceClass,
    emotion: r.emotion,
    emotion_2: r.emotion2,
    intensity: r.intensity,
    csat: r.csat,
    brand_love: null,
    ces: r.ces,
    usefulness: null,
    nps: r.nps,
    comment: r.comment,
    customer_ref: r.customerRef,
    order_ref: r.orderRef,
    channel: r.channel,
    store: r.store,
    hidden_fields: Object.keys(r.meta).length > 0 ? JSON.stringify(r.meta) : null,
    started_at: r.startedAt,
    emotion_at: r.emotionAt,
    csat_at: r.csatAt,
    ces_at: r.cesAt,
    nps_at: r.npsAt,
    comment_at: r.commentAt,
    completed_at: r.completedAt,
    completion_ms: completionMs,
    created_at: r.emotionAt ?? r.startedAt,
    updated_at: last,
  };
}

// SQLite binds at most 32,766 parameters per statement: 37 columns × 800 rows stays under it.
const sqliteRowsPerStatement = 800;

/**
 * Stores generated responses of a new organisation in transactions of `batchSize`, then their rollups
 * (counted by the response writer's contribution function, so they agree with a rebuild). A crash in
 * between leaves the `pending` marker, and the next run starts the organisation again.
 */
export async function insertDemoResponses(
  database: Database,
  responses: Iterable<DemoResponse>,
  targets: DemoTargets,
  options: { batchSize: number; onBatch?: (stored: number) => void },
): Promise<number> {
  // The rollups of the whole run, written once at the end: the organisation is new, so they are
  // plain inserts (no row to add to), which is what makes millions of responses affordable.
  const deltas: RollupDeltas = new Map();
  let batch: ResponseRow[] = [];
  let sequence = 0;
  let total = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    for (const row of rows) addRollupChange(deltas, null, row, rollupLayout);
    await writeTransaction(database, async (trx) => {
      const perStatement = database.dialect === "postgres" ? 10_000 : sqliteRowsPerStatement;
      for (let i = 0; i < rows.length; i += perStatement) await insertInBulk(trx, "responses", responseBulkColumns, rows.slice(i, i + perStatement) as unknown as Array<Record<string, unknown>>);
    });
    total += rows.length;
    options.onBatch?.(rows.length);
  };
  for (const response of responses) {
    batch.push(demoResponseRow(response, targets, sequence++));
    if (batch.length >= options.batchSize) await flush();
  }
  await flush();
  await writeTransaction(database, (trx) => insertRollups(trx, deltas));
  return total;
}

const rollupBulkColumns = [...rollupKeyColumns.map((c) => [c, c === "day" ? "int4" : "text"] as const), ...rollupCounterColumns.map((c) => [c, c.startsWith("completion_") ? "int8" : "int4"] as const)];
const cxBulkColumns = [...rollupKeyColumns.map((c) => [c, c === "day" ? "int4" : "text"] as const), ["cx", "int4"], ["count", "int4"]] as const;

/** Writes the rollup rows of a new organisation's responses (the same rows a rebuild would write). */
async function insertRollups(trx: Kdb, deltas: RollupDeltas): Promise<void> {
  const keyOf = (d: RollupDelta) => ({ organisation_id: d.organisation_id, touchpoint_id: d.touchpoint_id, day: d.day, source: d.source, language: d.language });
  const rows = [...deltas.values()].map((d) => {
    const row: Record<string, unknown> = keyOf(d);
    rollupCounterColumns.forEach((c, i) => (row[c] = d.counts[i]));
    return row;
  });
  const cxRows = [...deltas.values()].flatMap((d) => Object.entries(d.cx).filter(([, n]) => n !== 0).map(([cx, count]) => ({ ...keyOf(d), cx: Number(cx), count })));
  const postgres = dialectOf(trx) === "postgres";
  // SQLite: 102 columns × 300 rows and 7 × 4,000 stay under its 32,766 parameters.
  for (let i = 0; i < rows.length; i += postgres ? 5000 : 300) await insertInBulk(trx, "rollups", rollupBulkColumns, rows.slice(i, i + (postgres ? 5000 : 300)));
  for (let i = 0; i < cxRows.length; i += postgres ? 20_000 : 4000) await insertInBulk(trx, "rollup_cx", cxBulkColumns, cxRows.slice(i, i + (postgres ? 20_000 : 4000)));
  await applySpanDeltas(trx, spanDeltasOf(deltas.values(), rollupLayout), rollupLayout);
}
