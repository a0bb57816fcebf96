import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../../../test/db.js";
import { makeResponseWrite } from "../../../test/factories.js";
import { emotionCodes, type EmotionCode, type Intensity } from "../../core/emotions.js";
import { aggregateResponses, mulberry32, type ResponseAnswers } from "../../core/metrics/index.js";
import { GroupCommitter } from "../group-commit.js";
import { createResponseWriter } from "../response-writer.js";
import type { Kdb } from "../tables.js";
import { upsertResponses, type ResponseWrite } from "./responses.js";
import { foldJournalIn, foldRollupJournal } from "./rollup-journal.js";
import { addRollupChange, rebuildRollups, rollupLayout, type RollupDeltas, type RollupSourceRow } from "./rollups.js";
import { readTotals, readTotalsByDay, readTotalsByTouchpoint, totalsOfCounts } from "./scores.js";

/** The oracle: a stored response as core/metrics reads it (an emotion counts once its intensity is in). */
function answersOfRow(row: RollupSourceRow): ResponseAnswers {
  const codes = [row.emotion, row.emotion_2].filter((c): c is EmotionCode => c !== null);
  return {
    emotion: codes.length > 0 && row.intensity !== null ? { codes, intensity: row.intensity as Intensity } : null,
    csat: row.csat,
    ces: row.ces,
    nps: row.nps,
    usefulness: row.usefulness,
    brandLove: row.brand_love,
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const maybe = <T>(random: Random, p: number, value: () => T): T | null => (random() < p ? value() : null);

function randomRow(random: Random): RollupSourceRow {
  const emotion = maybe(random, 0.8, () => pick(random, emotionCodes));
  return {
    organisation_id: "org",
    touchpoint_id: "tp",
    started_at: Date.UTC(2026, 0, 1),
    source: "link",
    language: "es",
    emotion,
    emotion_2: emotion ? maybe(random, 0.3, () => pick(random, emotionCodes)) : null,
    intensity: emotion ? maybe(random, 0.9, () => pick(random, [1, 2, 3])) : null,
    csat: maybe(random, 0.7, () => 1 + Math.floor(random() * 5)),
    ces: maybe(random, 0.6, () => 1 + Math.floor(random() * 7)),
    usefulness: maybe(random, 0.2, () => 1 + Math.floor(random() * 7)),
    brand_love: maybe(random, 0.2, () => 1 + Math.floor(random() * 7)),
    nps: maybe(random, 0.7, () => Math.floor(random() * 11)),
    completed_at: null,
    completion_ms: null,
  };
}

describe("a response's rollup contribution", () => {
  it("adds exactly what core's aggregate counts, and taking it back leaves nothing", () => {
    const random = mulberry32(7);
    const rows = Array.from({ length: 3000 }, () => randomRow(random));
    const deltas: RollupDeltas = new Map();
    for (const row of rows) addRollupChange(deltas, null, row, rollupLayout);
    const [delta] = [...deltas.values()];
    const totals = totalsOfCounts(delta!.counts, delta!.cx);
    expect(totals.aggregate).toEqual(aggregateResponses(rows.map(answersOfRow)));

    for (const row of rows) addRollupChange(deltas, row, { ...row, nps: null, csat: null, ces: null, emotion: null, usefulness: null, brand_love: null }, rollupLayout);
    const emptied = totalsOfCounts(delta!.counts, delta!.cx).aggregate;
    expect(emptied.responses).toBe(3000);
    expect([...emptied.nps, ...emptied.csat, ...emptied.valence, ...Object.values(emptied.bonds)].every((c) => c === 0)).toBe(true);
    expect(Object.keys(emptied.cx)).toEqual([]);
  });
});

const org1 = "org_rollup_a";
const org2 = "org_rollup_b";
const touchpoints = ["tp_a", "tp_b", "tp_c"];
const day0 = Date.UTC(2026, 0, 10);

function baseWrite(random: Random, visit: number): ResponseWrite {
  return makeResponseWrite({
    organisation_id: visit % 5 === 0 ? org2 : org1,
    journey_id: "jny",
    stage_id: "stg",
    touchpoint_id: pick(random, touchpoints),
    dedupe_key: `v:rollup-${visit}`,
    source: pick(random, ["link", "qr", "api"]),
    language: pick(random, ["es", "en", null]),
    started_at: day0 + Math.floor(random() * 4 * 86_400_000),
  });
}

/** A visit's answers, one to five writes each: answers arrive one by one, some change later, some writes only add a comment. */
function visitWrites(random: Random, visit: number): ResponseWrite[] {
  const base = baseWrite(random, visit);
  const full = randomRow(random);
  const parts: Array<Partial<ResponseWrite>> = [
    { emotion: full.emotion, emotion_2: full.emotion_2, intensity: full.intensity },
    { csat: full.csat },
    { ces: full.ces, usefulness: full.usefulness },
    { nps: full.nps },
  ];
  if (random() < 0.3) parts.push({ nps: Math.floor(random() * 11), csat: maybe(random, 0.5, () => 1 + Math.floor(random() * 5)) });
  if (random() < 0.3) parts.push({ comment: "Muy bien" });
  const writes: ResponseWrite[] = [];
  let current: Partial<ResponseWrite> = {};
  for (const part of parts) {
    current = { ...current, ...part };
    if (random() < 0.55 || part === parts[parts.length - 1]) {
      writes.push({ ...base, ...Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v ?? null])) });
      current = {};
    }
  }
  return writes;
}

/** The sequence of writes, visits interleaved, each visit's writes in order. */
function interleavedWrites(random: Random, visits: number): ResponseWrite[] {
  const queues = Array.from({ length: visits }, (_, i) => visitWrites(random, i));
  const out: ResponseWrite[] = [];
  while (queues.some((q) => q.length > 0)) {
    const open = queues.filter((q) => q.length > 0);
    out.push(pick(random, open).shift()!);
  }
  return out;
}

/** The rollup tables once the journal is folded: fine rows, CX rows, and the day and month spans. */
async function snapshot(db: Kdb) {
  await db.transaction().execute((trx) => foldJournalIn(trx));
  expect(await db.selectFrom("rollup_journal").select("seq").execute()).toEqual([]);
  const spans = await db.selectFrom("rollup_spans").selectAll().orderBy("organisation_id").orderBy("grain").orderBy("start").orderBy("touchpoint_id").execute();
  const rollups = await db.selectFrom("rollups").selectAll().orderBy("organisation_id").orderBy("touchpoint_id").orderBy("day").orderBy("source").orderBy("language").execute();
  const cx = await db.selectFrom("rollup_cx").selectAll().orderBy("organisation_id").orderBy("touchpoint_id").orderBy("day").orderBy("source").orderBy("language").orderBy("cx").execute();
  return { spans: spans.map((s) => ({ ...s, start: Number(s.start) })), rollups: rollups.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "string" && k !== "organisation_id" && k !== "touchpoint_id" && k !== "source" && k !== "language" ? Number(v) : v]))), cx };
}

/** From scratch: core's aggregate of the stored responses of each rollup key. */
async function expectRollupsToEqualRawAggregation(db: Kdb): Promise<void> {
  const rows = await db.selectFrom("responses").selectAll().where("dedupe_key", "like", "v:rollup-%").execute();
  for (const organisationId of [org1, org2]) {
    for (const touchpointId of touchpoints) {
      const mine = rows.filter((r) => r.organisation_id === organisationId && r.touchpoint_id === touchpointId);
      const byTouchpoint = await readTotalsByTouchpoint(db, { organisationId, fromDay: 0, toDay: 100_000, touchpointIds: null });
      const totals = byTouchpoint.get(touchpointId);
      expect(totals?.aggregate ?? null, `${organisationId} ${touchpointId}`).toEqual(mine.length ? aggregateResponses(mine.map(answersOfRow)) : null);
      expect(totals?.completed ?? 0).toBe(mine.filter((r) => r.completed_at !== null).length);
      const timed = mine.filter((r) => r.completed_at !== null && r.completion_ms !== null).map((r) => Math.min(3600, Math.max(0, Math.round(r.completion_ms! / 1000))));
      expect(totals?.completionSeconds ?? { n: 0, sum: 0, sumOfSquares: 0 }).toEqual({ n: timed.length, sum: timed.reduce((a, b) => a + b, 0), sumOfSquares: timed.reduce((a, b) => a + b * b, 0) });
      for (const language of ["es", "en", ""]) {
        const segment = mine.filter((r) => (r.language ?? "") === language && r.source === "qr");
        const read = await readTotals(db, { organisationId, fromDay: 0, toDay: 100_000, touchpointIds: [touchpointId], source: "qr", language });
        expect(read.aggregate).toEqual(aggregateResponses(segment.map(answersOfRow)));
      }
    }
    const byDay = await readTotalsByDay(db, { organisationId, fromDay: 0, toDay: 100_000, touchpointIds: null });
    for (const [day, totals] of byDay) {
      const ofDay = rows.filter((r) => r.organisation_id === organisationId && Math.floor(r.started_at / 86_400_000) === day);
      expect(totals.aggregate).toEqual(aggregateResponses(ofDay.map(answersOfRow)));
    }
  }
}

describeEachDatabase("rollups", (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    await test.db.kysely
      .insertInto("organisations")
      .values([org1, org2].map((id) => ({ id, name: id, created_at: 0, updated_at: 0 })))
      .execute();
  });
  afterAll(() => test?.drop());

  it("stay equal to a from-scratch aggregation after random partial, merged and changed answers, and a rebuild changes nothing", async () => {
    const random = mulberry32(dialect === "sqlite" ? 11 : 12);
    const writes = interleavedWrites(random, 400);
    // Through the production writer (SQLite: the worker thread), two batches in flight, random batch sizes.
    const writer = createResponseWriter(test.db);
    let now = day0 + 5 * 86_400_000;
    const committer = new GroupCommitter<ResponseWrite, string>((items) => writer.write(items, (now += 1000)), { maxWaitMs: 1, maxBatch: 37, maxInFlight: 2 });
    for (let i = 0; i < writes.length; ) {
      const size = 1 + Math.floor(random() * 60);
      await Promise.all(writes.slice(i, i + size).map((w) => committer.submit(w)));
      i += size;
    }
    await committer.close();
    await writer.close();

    await expectRollupsToEqualRawAggregation(test.db.kysely);
    const incremental = await snapshot(test.db.kysely);
    expect(incremental.rollups.length).toBeGreaterThan(20);
    expect(incremental.cx.every((row) => Number(row.count) > 0)).toBe(true);

    const summary = await rebuildRollups(test.db);
    expect(summary.responses).toBe(400);
    expect(await snapshot(test.db.kysely)).toEqual(incremental);
    const one = await rebuildRollups(test.db, { organisationId: org2 });
    expect(one.organisations).toBe(1);
    expect(await snapshot(test.db.kysely)).toEqual(incremental);
  });

  it("stay exact through one batch that writes a visit twice, merges into stored visits and sends many visits to one key", async () => {
    const writer = createResponseWriter(test.db);
    const write = (visit: string, answers: Partial<ResponseWrite>) =>
      makeResponseWrite({ organisation_id: org1, journey_id: "jny", stage_id: "stg", touchpoint_id: "tp_a", dedupe_key: `v:rollup-batch-${visit}`, source: "qr", started_at: day0, ...answers });
    try {
      // Stored first: a complete visit and a partial one.
      const [storedId] = await writer.write([write("stored", { emotion: "joy", intensity: 3, csat: 5, ces: 2, nps: 10 }), write("partial", { nps: 3 })], day0 + 1000);
      // One batch: a new visit answered twice (the second write changes an answer), the stored visit
      // changed (its CX value and bond segment move, so its old CX row empties), the partial one
      // completed, and new visits on the same rollup key.
      const ids = await writer.write(
        [
          write("twice", { emotion: "worry", intensity: 2 }),
          write("stored", { nps: 2, csat: 1 }),
          write("twice", { intensity: 3, csat: 2, ces: 6, nps: 4 }),
          write("partial", { emotion: "calm", intensity: 1, csat: 4, ces: 3 }),
          ...Array.from({ length: 30 }, (_, i) => write(`same-key-${i}`, { emotion: "calm", intensity: 2, csat: 4, ces: 2, nps: 9 })),
        ],
        day0 + 2000,
      );
      expect(ids[0]).toBe(ids[2]);
      expect(ids[1]).toBe(storedId);
      expect(new Set(ids).size).toBe(ids.length - 1);
      const twice = await test.db.kysely.selectFrom("responses").selectAll().where("id", "=", ids[0]!).executeTakeFirstOrThrow();
      expect([twice.emotion, twice.intensity, twice.csat, twice.nps, twice.completed_at]).toEqual(["worry", 3, 2, 4, day0 + 2000]);
    } finally {
      await writer.close();
    }
    await expectRollupsToEqualRawAggregation(test.db.kysely);
    const incremental = await snapshot(test.db.kysely);
    expect(incremental.cx.every((row) => Number(row.count) > 0)).toBe(true);
    await rebuildRollups(test.db);
    expect(await snapshot(test.db.kysely)).toEqual(incremental);
  });

  it("stay exact when concurrent transactions merge answers into the same responses", async () => {
    const random = mulberry32(99);
    const writes = interleavedWrites(random, 120).map((w) => ({ ...w, dedupe_key: w.dedupe_key.replace("rollup-", "rollup-c") }));
    // Ten concurrent transactions at a time (one connection on SQLite), overlapping visits.
    for (let i = 0; i < writes.length; i += 50) {
      const slice = writes.slice(i, i + 50);
      await Promise.all(Array.from({ length: 10 }, (_, k) => upsertResponses(test.db.kysely, slice.filter((_, j) => j % 10 === k), day0 + i)));
    }
    await expectRollupsToEqualRawAggregation(test.db.kysely);
    const incremental = await snapshot(test.db.kysely);
    await rebuildRollups(test.db);
    expect(await snapshot(test.db.kysely)).toEqual(incremental);
  });

  it("count a response once whether its journal row is folded or not, over whole months and loose days", async () => {
    const random = mulberry32(dialect === "sqlite" ? 21 : 22);
    // 70 days from 20 January: whole months (February) and loose days on both sides, and a filter by source.
    const writes = interleavedWrites(random, 240).map((w, i) => ({ ...w, dedupe_key: w.dedupe_key.replace("rollup-", "rollup-j"), started_at: day0 + 10 * 86_400_000 + (i % 70) * 86_400_000 }));
    const visitStart = new Map<string, number>();
    for (const w of writes) if (!visitStart.has(w.dedupe_key)) visitStart.set(w.dedupe_key, w.started_at);
    for (let i = 0; i < writes.length; i += 40) await upsertResponses(test.db.kysely, writes.slice(i, i + 40).map((w) => ({ ...w, started_at: visitStart.get(w.dedupe_key)! })), day0 + 90 * 86_400_000);
    expect((await test.db.kysely.selectFrom("rollup_journal").select("seq").execute()).length).toBeGreaterThan(5);

    const stored = await test.db.kysely.selectFrom("responses").selectAll().where("dedupe_key", "like", "v:rollup-j%").execute();
    const reads = async () => {
      const out: unknown[] = [];
      for (const organisationId of [org1, org2]) {
        // From day0 + 10: the responses of the tests before this one are on day0 … day0 + 4.
        const all = { organisationId, fromDay: Math.floor(day0 / 86_400_000) + 10, toDay: Math.floor(day0 / 86_400_000) + 100, touchpointIds: null };
        const mine = stored.filter((r) => r.organisation_id === organisationId);
        const whole = await readTotals(test.db.kysely, all);
        expect(whole.aggregate).toEqual(aggregateResponses(mine.map(answersOfRow)));
        const qr = await readTotals(test.db.kysely, { ...all, source: "qr", touchpointIds: ["tp_a", "tp_b"] });
        expect(qr.aggregate).toEqual(aggregateResponses(mine.filter((r) => r.source === "qr" && r.touchpoint_id !== "tp_c").map(answersOfRow)));
        const byTouchpoint = await readTotalsByTouchpoint(test.db.kysely, { ...all, fromDay: all.fromDay + 15, toDay: all.fromDay + 55 });
        const byDay = await readTotalsByDay(test.db.kysely, all);
        out.push(whole, qr, [...byTouchpoint].sort(), [...byDay].sort());
      }
      return out;
    };
    const beforeFold = await reads();
    expect(await foldRollupJournal(test.db)).toBeGreaterThan(5);
    expect(await test.db.kysely.selectFrom("rollup_journal").select("seq").execute()).toEqual([]);
    expect(await reads()).toEqual(beforeFold);
    const incremental = await snapshot(test.db.kysely);
    expect(incremental.spans.filter((s) => s.grain === "month").length).toBeGreaterThan(3);
    await rebuildRollups(test.db);
    expect(await snapshot(test.db.kysely)).toEqual(incremental);
  });

  it("lose nothing when several servers fold while writers keep appending", async () => {
    const random = mulberry32(dialect === "sqlite" ? 31 : 32);
    const writes = interleavedWrites(random, 300).map((w) => ({ ...w, dedupe_key: w.dedupe_key.replace("rollup-", "rollup-f") }));
    const servers = [test.open(), test.open()];
    try {
      const writer = createResponseWriter(test.db);
      const committer = new GroupCommitter<ResponseWrite, string>((items) => writer.write(items, day0), { maxWaitMs: 1, maxBatch: 15, maxInFlight: 2 });
      let writing = true;
      const folds = [test.db, ...servers].map(async (server) => {
        let folded = 0;
        while (writing) {
          folded += await foldRollupJournal(server);
          await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
        }
        return folded;
      });
      for (let i = 0; i < writes.length; i += 25) await Promise.all(writes.slice(i, i + 25).map((w) => committer.submit(w)));
      await committer.close();
      await writer.close();
      writing = false;
      expect((await Promise.all(folds)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      await expectRollupsToEqualRawAggregation(test.db.kysely);
      const incremental = await snapshot(test.db.kysely);
      await rebuildRollups(test.db);
      expect(await snapshot(test.db.kysely)).toEqual(incremental);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });

  it("folds past the journal rows of an organisation deleted before they were folded", async () => {
    await test.db.kysely.insertInto("organisations").values({ id: "org_rollup_gone", name: "gone", created_at: 0, updated_at: 0 }).execute();
    const gone = (visit: number) => makeResponseWrite({ organisation_id: "org_rollup_gone", touchpoint_id: "tp_a", dedupe_key: `v:gone-${visit}`, started_at: day0, emotion: "joy", intensity: 2, nps: 9 });
    // Through the production writer (SQLite: the worker, which folds when it closes) and through upsertResponses.
    const writer = createResponseWriter(test.db);
    await writer.write([gone(1)], day0);
    await upsertResponses(test.db.kysely, [gone(2), gone(3)], day0);
    await test.db.kysely.deleteFrom("organisations").where("id", "=", "org_rollup_gone").execute();
    expect((await test.db.kysely.selectFrom("rollup_journal").select("seq").execute()).length).toBeGreaterThan(1);
    await writer.close();
    await foldRollupJournal(test.db);
    expect(await test.db.kysely.selectFrom("rollup_journal").select("seq").execute()).toEqual([]);
    expect(await test.db.kysely.selectFrom("rollup_spans").select("start").where("organisation_id", "=", "org_rollup_gone").execute()).toEqual([]);
    await expectRollupsToEqualRawAggregation(test.db.kysely);
  });

  it("rebuilds while responses keep arriving and ends equal to the responses", async () => {
    const random = mulberry32(5);
    const writes = interleavedWrites(random, 150).map((w) => ({ ...w, dedupe_key: w.dedupe_key.replace("rollup-", "rollup-r") }));
    const writer = createResponseWriter(test.db);
    const committer = new GroupCommitter<ResponseWrite, string>((items) => writer.write(items, day0), { maxWaitMs: 1, maxBatch: 20, maxInFlight: 2 });
    const ingest = Promise.all(writes.map((w) => committer.submit(w)));
    await rebuildRollups(test.db);
    await ingest;
    await committer.close();
    await writer.close();
    const incremental = await snapshot(test.db.kysely);
    await rebuildRollups(test.db);
    expect(await snapshot(test.db.kysely)).toEqual(incremental);
  });
});
