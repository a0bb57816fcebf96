// The map's persistence on every database: dense positions under concurrent moves, archive-not-delete,
// names unique within a parent, and the unique indexes that back those rules.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../../../test/db.js";
import { journeyDraftSchema } from "../../core/journeys/document.js";
import { createStageInput, createTouchpointInput } from "../../core/journeys/model.js";
import { connect, type Database } from "../connect.js";
import { migrateToLatest } from "../migrate.js";
import { addStage, addTouchpoint, archiveStage, archiveTouchpoint, moveStage, moveTouchpoint, updateTouchpoint } from "./journey-map.js";
import { getJourneyBoard, insertJourneyDraft, type MapChange } from "./journeys.js";
import { insertOrganisation } from "./organisations.js";
import { touchpointHasData } from "./touchpoint-data.js";

const actor = { userId: null, apiKeyId: null };
const execFileAsync = promisify(execFile);

/** A seeded random generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function seedJourney(database: Database, organisationId: string, stages: number, perStage: number) {
  const draft = journeyDraftSchema.parse({
    name: `Journey ${Math.random()}`,
    stages: Array.from({ length: stages }, (_, s) => ({
      name: `Stage ${s}`,
      touchpoints: Array.from({ length: perStage }, (_, t) => ({ name: `Touchpoint ${s}.${t}` })),
    })),
  });
  const created = await insertJourneyDraft(database, draft, { organisationId, actor, now: 1 }, { nameMode: "free", source: { kind: "blank" } });
  if (!created.ok) throw new Error(created.reason);
  const board = (await getJourneyBoard(database.kysely, organisationId, created.value.id, { includeArchived: false }))!;
  return { journeyId: created.value.id, board };
}

/** Live positions of every stage are exactly 0…n−1, and the live stages are too. */
async function expectDense(database: Database, organisationId: string, journeyId: string) {
  const board = (await getJourneyBoard(database.kysely, organisationId, journeyId, { includeArchived: false }))!;
  expect(board.stages.map((s) => s.position)).toEqual(board.stages.map((_, i) => i));
  for (const stage of board.stages) {
    const positions = board.touchpoints.filter((t) => t.stage_id === stage.id).map((t) => t.position);
    expect(positions, stage.name).toEqual(positions.map((_, i) => i));
  }
  return board;
}

describeEachDatabase("journey map persistence", (dialect) => {
  let test: TestDatabase;
  let database: Database;
  let organisationId = "";
  let change: MapChange;

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    database = test.db;
    organisationId = (await insertOrganisation(database.kysely, "Tienda Aurora", 1)).id;
    change = { organisationId, actor, now: 2 };
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("keeps positions a permutation under many concurrent moves within and across stages", async () => {
    const { journeyId, board } = await seedJourney(database, organisationId, 4, 6);
    const ids = board.touchpoints.map((t) => t.id);
    const stageIds = board.stages.map((s) => s.id);
    const next = random(42);
    const moves = Array.from({ length: 80 }, () => ({
      id: ids[Math.floor(next() * ids.length)]!,
      stageId: next() < 0.5 ? stageIds[Math.floor(next() * stageIds.length)]! : undefined,
      position: Math.floor(next() * 9),
    }));
    const outcomes = await Promise.all(moves.map((m) => moveTouchpoint(database, journeyId, m.id, { stageId: m.stageId, position: m.position }, change)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const after = await expectDense(database, organisationId, journeyId);
    expect(after.touchpoints.map((t) => t.id).sort()).toEqual([...ids].sort());
  });

  it("keeps stages a permutation under concurrent stage moves, adds and archives", async () => {
    const { journeyId, board } = await seedJourney(database, organisationId, 6, 2);
    const next = random(7);
    const stageIds = board.stages.map((s) => s.id);
    const work: Array<Promise<{ ok: boolean }>> = [];
    for (let i = 0; i < 30; i++) work.push(moveStage(database, journeyId, stageIds[Math.floor(next() * stageIds.length)]!, Math.floor(next() * 7), change));
    for (let i = 0; i < 4; i++) work.push(addStage(database, journeyId, createStageInput.parse({ name: `Added ${i}`, position: i }), change));
    work.push(archiveStage(database, journeyId, stageIds[2]!, change));
    const outcomes = await Promise.all(work);
    // A move of the stage archived meanwhile answers "archived"; everything else succeeds.
    expect(outcomes.filter((o) => !o.ok).length).toBeLessThanOrEqual(30);
    const after = await expectDense(database, organisationId, journeyId);
    expect(after.stages).toHaveLength(6 - 1 + 4);
    expect(after.stages.map((s) => s.id)).not.toContain(stageIds[2]);
  });

  it("keeps touchpoints when concurrent adds, moves and archives race in one stage", async () => {
    const { journeyId, board } = await seedJourney(database, organisationId, 2, 5);
    const [first, second] = board.stages;
    const ids = board.touchpoints.map((t) => t.id);
    const work: Array<Promise<{ ok: boolean }>> = [];
    for (let i = 0; i < 10; i++) work.push(addTouchpoint(database, journeyId, createTouchpointInput.parse({ stageId: first!.id, name: `New ${i}`, position: 0 }), change));
    for (let i = 0; i < 10; i++) work.push(moveTouchpoint(database, journeyId, ids[i % ids.length]!, { stageId: i % 2 ? first!.id : second!.id, position: i }, change));
    work.push(archiveTouchpoint(database, journeyId, ids[9]!, change));
    await Promise.all(work);
    const after = await expectDense(database, organisationId, journeyId);
    expect(after.touchpoints).toHaveLength(10 + 10 - 1);
  });

  it("refuses two live rows in one position at the database level", async () => {
    const { journeyId, board } = await seedJourney(database, organisationId, 1, 2);
    const [a] = board.touchpoints;
    await expect(
      database.kysely.updateTable("touchpoints").set({ position: 1 }).where("organisation_id", "=", organisationId).where("id", "=", a!.id).execute(),
    ).rejects.toThrow();
    // An archived row may keep its old position.
    await archiveTouchpoint(database, journeyId, a!.id, change);
    await expectDense(database, organisationId, journeyId);
  });

  it("archives instead of deleting, and a touchpoint with audit history has data", async () => {
    const { journeyId, board } = await seedJourney(database, organisationId, 1, 3);
    const victim = board.touchpoints[1]!;
    await updateTouchpoint(database, journeyId, victim.id, { channel: "packaging" }, change);
    expect(await touchpointHasData(database.kysely, organisationId, victim.id)).toBe(true);
    expect((await archiveTouchpoint(database, journeyId, victim.id, change)).ok).toBe(true);
    const live = await expectDense(database, organisationId, journeyId);
    expect(live.touchpoints.map((t) => t.id)).not.toContain(victim.id);
    const all = (await getJourneyBoard(database.kysely, organisationId, journeyId, { includeArchived: true }))!;
    expect(all.touchpoints.find((t) => t.id === victim.id)?.archived_at).toBe(2);
    expect(await database.kysely.selectFrom("touchpoints").select("id").where("id", "=", victim.id).executeTakeFirst()).toBeDefined();
  });

  it("keeps names unique within a parent, case-insensitively, but frees the name of an archived row", async () => {
    const { journeyId, board } = await seedJourney(database, organisationId, 2, 1);
    const [s0, s1] = board.stages;
    const taken = await addStage(database, journeyId, createStageInput.parse({ name: " stage 0 " }), change);
    expect(taken).toEqual({ ok: false, reason: "name_taken" });
    const dup = await addTouchpoint(database, journeyId, createTouchpointInput.parse({ stageId: s0!.id, name: "TOUCHPOINT 0.0" }), change);
    expect(dup.ok).toBe(false);
    // The same name in another stage is fine; moving it into a stage that has it is not.
    const other = await addTouchpoint(database, journeyId, createTouchpointInput.parse({ stageId: s1!.id, name: "Touchpoint 0.0" }), change);
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    expect(await moveTouchpoint(database, journeyId, other.value.id, { stageId: s0!.id, position: 0 }, change)).toMatchObject({ ok: false, reason: "name_taken" });
    await archiveStage(database, journeyId, s0!.id, change);
    expect((await addStage(database, journeyId, createStageInput.parse({ name: "Stage 0" }), change)).ok).toBe(true);
  });
});

it.runIf(process.env.TEST_DB === undefined || process.env.TEST_DB.includes("sqlite"))(
  "serialises writers of several processes on one SQLite file (begin immediate)",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "momentos-journeys-"));
    const file = join(dir, "shared.db");
    const db = connect({ dialect: "sqlite", file });
    await migrateToLatest(db);
    try {
      const organisationId = (await insertOrganisation(db.kysely, "Varios procesos", 1)).id;
      const { journeyId, board } = await seedJourney(db, organisationId, 3, 5);
      const ids = board.touchpoints.map((t) => t.id);
      const worker = join(process.cwd(), "test/journey-move-worker.ts");
      const tsx = join(process.cwd(), "node_modules/.bin/tsx");
      const runs = await Promise.all(
        [1, 2, 3].map((seed) => execFileAsync(tsx, [worker, file, organisationId, journeyId, String(seed), "25"], { timeout: 60_000 })),
      );
      expect(runs.map((r) => JSON.parse(r.stdout).ok)).toEqual([25, 25, 25]);
      const after = await expectDense(db, organisationId, journeyId);
      expect(after.touchpoints.map((t) => t.id).sort()).toEqual([...ids].sort());
      const moves = await db.kysely.selectFrom("audit_events").select("id").where("action", "=", "touchpoint.moved").where("at", "=", 3).execute();
      expect(moves.length).toBeGreaterThan(0);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  60_000,
);
