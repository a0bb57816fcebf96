import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../test/db.js";
import { useTestApp, type Client } from "../../../test/app.js";
import { makeResponseWrite, setupOwner } from "../../../test/factories.js";
import { ensureForm, getFormTargetByCode } from "./forms.js";
import { listDrops, recordDrops, upsertResponses, type ResponseWrite } from "./responses.js";
import { GroupCommitter } from "../group-commit.js";
import { createResponseWriter } from "../response-writer.js";

describeEachDatabase("responses storage", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let orgId = "";
  let touchpointId = "";

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t));
    const journey = await owner.post(`/api/v1/orgs/${orgId}/journeys?template=ecommerce_purchase&language=es`, {});
    expect(journey.status, journey.text).toBe(201);
    touchpointId = journey.body.stages[0].touchpoints[0].id;
  });

  function write(overrides: Partial<ResponseWrite>): ResponseWrite {
    return makeResponseWrite({
      organisation_id: orgId,
      touchpoint_id: touchpointId,
      dedupe_key: "v:visit-0000000001",
      device_class: "phone",
      started_at: t.clock.now,
      ...overrides,
    });
  }


  it("creates a touchpoint's form once, with a public code", async () => {
    const first = await ensureForm(t.ctx.db.kysely, orgId, touchpointId, t.clock.now);
    const again = await ensureForm(t.ctx.db.kysely, orgId, touchpointId, t.clock.now);
    expect(first?.form.id).toBe(again?.form.id);
    expect(first?.form.public_code).toMatch(/^[2-9a-z]{10}$/);
    const byCode = await getFormTargetByCode(t.ctx.db.kysely, first!.form.public_code);
    expect(byCode?.touchpointId).toBe(touchpointId);
    expect(byCode?.accepting).toBe(true);
    expect(byCode?.config.variant).toBe("universal");
    expect(await ensureForm(t.ctx.db.kysely, "org_other", touchpointId, t.clock.now)).toBeNull();
  });

  it("merges answers of one visit into one response and completes it when the four closed answers are in", async () => {
    const db = t.ctx.db.kysely;
    const key = "v:visit-merge-000001";
    const [id1] = await upsertResponses(db, [write({ dedupe_key: key, emotion: "joy", intensity: 3, emotion_at: t.clock.now })], t.clock.now);
    const [id2] = await upsertResponses(db, [write({ dedupe_key: key, csat: 5, csat_at: t.clock.now + 1000 })], t.clock.now + 1000);
    expect(id2).toBe(id1);
    await upsertResponses(db, [write({ dedupe_key: key, ces: 6, nps: 9, ces_at: t.clock.now + 2000, nps_at: t.clock.now + 3000 })], t.clock.now + 3000);
    const row = await db.selectFrom("responses").selectAll().where("id", "=", id1!).executeTakeFirstOrThrow();
    expect([row.emotion, row.intensity, row.csat, row.ces, row.nps]).toEqual(["joy", 3, 5, 6, 9]);
    expect(row.completed_at).toBe(t.clock.now + 3000);
    expect(row.completion_ms).toBe(3000);
    // Changing an answer later keeps the completion time.
    await upsertResponses(db, [write({ dedupe_key: key, nps: 10, nps_at: t.clock.now + 9000 })], t.clock.now + 9000);
    const changed = await db.selectFrom("responses").selectAll().where("id", "=", id1!).executeTakeFirstOrThrow();
    expect(changed.nps).toBe(10);
    expect(changed.completion_ms).toBe(3000);
  });

  it("records no completion time for a visit left open for weeks, and stores it all the same", async () => {
    const db = t.ctx.db.kysely;
    const key = "v:left-open-0000001";
    const month = 30 * 24 * 3600 * 1000;
    await upsertResponses(db, [write({ dedupe_key: key, emotion: "worry", intensity: 2, started_at: t.clock.now - month })], t.clock.now - month);
    const [id] = await upsertResponses(db, [write({ dedupe_key: key, csat: 2, ces: 3, nps: 4 })], t.clock.now);
    const row = await db.selectFrom("responses").selectAll().where("id", "=", id!).executeTakeFirstOrThrow();
    expect(row.completed_at).toBe(t.clock.now);
    expect(row.completion_ms).toBeNull();
  });

  it("folds a double submit inside one batch into one response", async () => {
    const ids = await upsertResponses(
      t.ctx.db.kysely,
      [write({ dedupe_key: "v:double-0000000001", nps: 3 }), write({ dedupe_key: "v:double-0000000001", nps: 4, comment: "<script>alert(1)</script>" })],
      t.clock.now,
    );
    expect(ids[0]).toBe(ids[1]);
    const rows = await t.ctx.db.kysely.selectFrom("responses").selectAll().where("dedupe_key", "=", "v:double-0000000001").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.nps).toBe(4);
    expect(rows[0]!.comment).toBe("<script>alert(1)</script>");
  });

  it("commits concurrent writes in groups, each caller learning its own id", async () => {
    let flushes = 0;
    const committer = new GroupCommitter<ResponseWrite, string>(
      async (items) => {
        flushes += 1;
        return upsertResponses(t.ctx.db.kysely, items, t.clock.now);
      },
      { maxWaitMs: 5, maxBatch: 64 },
    );
    const writes = Array.from({ length: 300 }, (_, i) => write({ dedupe_key: `v:group-${String(i).padStart(10, "0")}`, nps: i % 11 }));
    const ids = await Promise.all(writes.map((w) => committer.submit(w)));
    await committer.close();
    expect(new Set(ids).size).toBe(300);
    expect(flushes).toBeLessThan(30);
    const stored = await t.ctx.db.kysely.selectFrom("responses").select("id").where("dedupe_key", "like", "v:group-%").execute();
    expect(stored).toHaveLength(300);
  });

  it("rejects every caller of a batch that fails, and stores none of it", async () => {
    const committer = new GroupCommitter<ResponseWrite, string>((items) => upsertResponses(t.ctx.db.kysely, items, t.clock.now), { maxWaitMs: 5, maxBatch: 10 });
    const good = committer.submit(write({ dedupe_key: "v:fail-00000000000a" }));
    const bad = committer.submit(write({ dedupe_key: "v:fail-00000000000b", organisation_id: "org_does_not_exist" }));
    await expect(bad).rejects.toThrow();
    await expect(good).rejects.toThrow();
    const stored = await t.ctx.db.kysely.selectFrom("responses").select("id").where("dedupe_key", "like", "v:fail-%").execute();
    expect(stored).toHaveLength(0);
    await committer.close();
  });

  it("commits through this database's writer (a worker thread on SQLite) with two batches in flight", async () => {
    const writer = createResponseWriter(t.ctx.db);
    const committer = new GroupCommitter<ResponseWrite, string>((items) => writer.write(items, t.clock.now), { maxWaitMs: 1, maxBatch: 40, maxInFlight: 2 });
    const visit = (i: number) => `v:writer-${String(i).padStart(10, "0")}`;
    const first = await Promise.all(Array.from({ length: 200 }, (_, i) => committer.submit(write({ dedupe_key: visit(i), emotion: "calm", intensity: 1 }))));
    const second = await Promise.all(Array.from({ length: 200 }, (_, i) => committer.submit(write({ dedupe_key: visit(i), csat: 4, ces: 5, nps: 8 }))));
    await committer.close();
    await writer.close();
    expect(second).toEqual(first);
    const rows = await t.ctx.db.kysely.selectFrom("responses").selectAll().where("dedupe_key", "like", "v:writer-%").execute();
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => r.emotion === "calm" && r.nps === 8 && r.completed_at !== null)).toBe(true);
  });

  it("stops an idle writer and starts it again for the next write", async () => {
    const writer = createResponseWriter(t.ctx.db, { idleMs: 20 });
    const [first] = await writer.write([write({ dedupe_key: "v:idle-writer-0001", nps: 7 })], t.clock.now);
    await new Promise((r) => setTimeout(r, 120));
    const [again] = await writer.write([write({ dedupe_key: "v:idle-writer-0001", csat: 3 })], t.clock.now);
    await writer.close();
    expect(again).toBe(first);
    const row = await t.ctx.db.kysely.selectFrom("responses").selectAll().where("id", "=", first!).executeTakeFirstOrThrow();
    expect([row.nps, row.csat]).toEqual([7, 3]);
  });

  it("counts dropped submissions per day and reason", async () => {
    await recordDrops(t.ctx.db.kysely, [
      { organisationId: orgId, touchpointId, reason: "spam_suspected", count: 1 },
      { organisationId: orgId, touchpointId, reason: "spam_suspected", count: 2 },
      { organisationId: orgId, touchpointId, reason: "form_closed", count: 1 },
    ], t.clock.now);
    await recordDrops(t.ctx.db.kysely, [{ organisationId: orgId, touchpointId, reason: "spam_suspected", count: 1 }], t.clock.now);
    const drops = await listDrops(t.ctx.db.kysely, orgId, 0);
    expect(drops.map((d) => [d.reason, Number(d.count)]).sort()).toEqual([["form_closed", 1], ["spam_suspected", 4]]);
  });
});
