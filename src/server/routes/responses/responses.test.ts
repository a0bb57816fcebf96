import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { addApiKey, addMember, setupOwner } from "../../../../test/factories.js";
import { formLimits } from "../../../core/forms/limits.js";

describeEachDatabase("responses API", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let orgId = "";
  let otherOrgTouchpoint = "";
  let writeKey: Client;
  let readKey: Client;
  let analyst: Client;
  let admin: Client;
  let touchpointId = "";
  let relationshipTouchpoint = "";
  let closedTouchpoint = "";
  const responsesUrl = () => `/api/v1/orgs/${orgId}/responses`;
  let keyCounter = 0;
  const key = (label = "k") => `${label}-${++keyCounter}-${Math.random().toString(36).slice(2, 8)}`;

  async function row(responseId: string) {
    return t.ctx.db.kysely.selectFrom("responses").selectAll().where("id", "=", responseId).executeTakeFirst();
  }

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Banco Sol"));
    writeKey = (await addApiKey(t, owner, orgId, "write")).client;
    readKey = (await addApiKey(t, owner, orgId, "read")).client;
    analyst = (await addMember(t, owner, orgId, "analyst")).client;
    admin = (await addMember(t, owner, orgId, "admin")).client;
    const journey = await owner.post(`/api/v1/orgs/${orgId}/journeys?template=telco_support&language=es`, {});
    expect(journey.status, journey.text).toBe(201);
    const touchpoints = journey.body.stages.flatMap((s: { touchpoints: Array<{ id: string }> }) => s.touchpoints);
    [touchpointId, relationshipTouchpoint, closedTouchpoint] = touchpoints.map((tp: { id: string }) => tp.id);
    const relationship = await owner.get(`/api/v1/orgs/${orgId}/touchpoints/${relationshipTouchpoint}/form`);
    expect(
      (await owner.request("PUT", `/api/v1/orgs/${orgId}/touchpoints/${relationshipTouchpoint}/form`, { ...relationship.body.config, variant: "relationship", wording: {} })).status,
    ).toBe(200);
    const closed = await owner.get(`/api/v1/orgs/${orgId}/touchpoints/${closedTouchpoint}/form`);
    expect((await owner.request("PUT", `/api/v1/orgs/${orgId}/touchpoints/${closedTouchpoint}/form`, { ...closed.body.config, open: false })).status).toBe(200);
    t.app.ingestor.forgetTouchpoint(relationshipTouchpoint);
    t.app.ingestor.forgetTouchpoint(closedTouchpoint);

    const other = await owner.post("/api/v1/orgs", { name: "Otra marca" });
    const otherJourney = await owner.post(`/api/v1/orgs/${other.body.id}/journeys?template=ecommerce_purchase&language=es`, {});
    otherOrgTouchpoint = otherJourney.body.stages[0].touchpoints[0].id;
  });

  it("stores one response with its hidden fields and answers 201", async () => {
    const reply = await writeKey.post(responsesUrl(), {
      touchpointId,
      idempotencyKey: key("ticket"),
      answers: { emotion: { code: "worry", second: "distrust", intensity: 2 }, csat: 2, ces: 3, nps: 4, comment: "Tardaron mucho" },
      customerReference: "CUST-9",
      hidden: { orderReference: "T-100", channel: "phone", store: "Centro", placement: "ivr", meta: { plan: "gold" } },
      language: "es",
      startedAt: "2026-01-15T11:50:00Z",
      completedAt: "2026-01-15T11:55:00Z",
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ stored: 1, dropped: 0, items: [{ index: 0, status: "stored" }] });
    const stored = await row(reply.body.items[0].responseId);
    expect(stored).toMatchObject({
      source: "api",
      emotion: "worry",
      emotion_2: "distrust",
      intensity: 2,
      csat: 2,
      ces: 3,
      nps: 4,
      comment: "Tardaron mucho",
      customer_ref: "CUST-9",
      order_ref: "T-100",
      channel: "phone",
      store: "Centro",
      placement: "ivr",
      language: "es",
      device_class: null,
      started_at: Date.parse("2026-01-15T11:50:00Z"),
      nps_at: Date.parse("2026-01-15T11:55:00Z"),
    });
    expect(stored?.completed_at).not.toBeNull();
  });

  it("stores the good items of a mixed batch and reports each bad one with its index, reason and fields", async () => {
    const items = [
      { touchpointId, idempotencyKey: key(), answers: { csat: 5, nps: 10 } },
      { touchpointId, idempotencyKey: key(), answers: { csat: 6 } },
      { touchpointId: "tp_nowhere", idempotencyKey: key(), answers: { csat: 5 } },
      { touchpointId: otherOrgTouchpoint, idempotencyKey: key(), answers: { csat: 5 } },
      { touchpointId: closedTouchpoint, idempotencyKey: key(), answers: { csat: 5 } },
      { touchpointId: relationshipTouchpoint, idempotencyKey: key(), answers: { csat: 5 } },
      { touchpointId: relationshipTouchpoint, idempotencyKey: key(), answers: { brand_love: 7, ces: 2 } },
      { touchpointId, answers: { csat: 5 } },
      { touchpointId, idempotencyKey: key(), answers: { emotion: { code: "rage" } }, surprise: true },
      "not an object",
      { touchpointId, idempotencyKey: key(), answers: { comment: "<img src=x onerror=alert(1)> 🎉" } },
    ];
    const reply = await writeKey.post(responsesUrl(), { items });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.stored).toBe(3);
    expect(reply.body.dropped).toBe(8);
    const byIndex = (i: number) => reply.body.items[i];
    expect(reply.body.items.map((r: { index: number }) => r.index)).toEqual(items.map((_, i) => i));
    expect(byIndex(0).status).toBe("stored");
    expect(byIndex(1)).toMatchObject({ status: "dropped", reason: "invalid_answer", issues: [{ path: "csat" }] });
    expect(byIndex(2)).toMatchObject({ status: "dropped", reason: "unknown_touchpoint" });
    expect(byIndex(3)).toMatchObject({ status: "dropped", reason: "unknown_touchpoint" });
    expect(byIndex(4)).toMatchObject({ status: "dropped", reason: "form_closed" });
    expect(byIndex(5)).toMatchObject({ status: "dropped", reason: "invalid_answer", issues: [{ path: "csat", message: "the relationship form has no csat question" }] });
    expect(byIndex(6).status).toBe("stored");
    expect(byIndex(7)).toMatchObject({ status: "dropped", reason: "invalid_answer", issues: [{ path: "idempotencyKey" }] });
    expect(byIndex(8).reason).toBe("invalid_answer");
    expect(byIndex(8).issues.map((i: { path: string }) => i.path)).toContain("");
    expect(byIndex(9)).toMatchObject({ status: "dropped", reason: "invalid_answer" });
    expect(byIndex(10).status).toBe("stored");
    expect((await row(byIndex(6).responseId))).toMatchObject({ brand_love: 7, ces: 2, variant: "relationship" });
    expect((await row(byIndex(10).responseId))?.comment).toBe("<img src=x onerror=alert(1)> 🎉");
  });

  it("treats a repeated idempotency key as the same response", async () => {
    const idempotencyKey = key("retry");
    const first = await writeKey.post(responsesUrl(), { touchpointId, idempotencyKey, answers: { nps: 8 } });
    const again = await writeKey.post(responsesUrl(), { touchpointId, idempotencyKey, answers: { nps: 8 } });
    const inBatch = await writeKey.post(responsesUrl(), { items: [{ touchpointId, idempotencyKey, answers: { csat: 4 } }, { touchpointId, idempotencyKey, answers: { ces: 6 } }] });
    expect(first.status).toBe(201);
    expect(again.body.items[0].responseId).toBe(first.body.items[0].responseId);
    expect(inBatch.body.items.map((i: { responseId: string }) => i.responseId)).toEqual([first.body.items[0].responseId, first.body.items[0].responseId]);
    const rows = await t.ctx.db.kysely.selectFrom("responses").selectAll().where("dedupe_key", "=", `k:${idempotencyKey}`).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ nps: 8, csat: 4, ces: 6 });
  });

  it("stores a full batch of 1,000 in one request and refuses 1,001", async () => {
    const items = Array.from({ length: formLimits.batchMax }, (_, i) => ({ touchpointId, idempotencyKey: key(`bulk${i}`), answers: { nps: i % 11, csat: (i % 5) + 1 } }));
    const reply = await writeKey.post(responsesUrl(), { items });
    expect(reply.status, reply.text.slice(0, 500)).toBe(201);
    expect(reply.body.stored).toBe(formLimits.batchMax);
    const ids = new Set(reply.body.items.map((i: { responseId: string }) => i.responseId));
    expect(ids.size).toBe(formLimits.batchMax);
    const count = await t.ctx.db.kysely.selectFrom("responses").select((eb) => eb.fn.countAll<number>().as("n")).where("dedupe_key", "like", "k:bulk%").executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(formLimits.batchMax);

    const tooMany = await writeKey.post(responsesUrl(), { items: [...items, items[0]] });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.code).toBe("batch_too_large");
    const empty = await writeKey.post(responsesUrl(), { items: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe("validation_failed");
  });

  it("refuses a single item over the body limit", async () => {
    const reply = await writeKey.post(responsesUrl(), { touchpointId, idempotencyKey: key(), answers: { comment: "x".repeat(formLimits.bodyMaxBytes) } });
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe("body_too_large");
  });

  it("lets write keys, admins and owners post, and nobody else", async () => {
    const body = () => ({ touchpointId, idempotencyKey: key("auth"), answers: { csat: 3 } });
    expect((await writeKey.post(responsesUrl(), body())).status).toBe(201);
    expect((await admin.post(responsesUrl(), body())).status).toBe(201);
    expect((await owner.post(responsesUrl(), body())).status).toBe(201);
    const read = await readKey.post(responsesUrl(), body());
    expect(read.status).toBe(403);
    expect(read.body.code).toBe("forbidden");
    expect((await analyst.post(responsesUrl(), body())).status).toBe(403);
    const anonymous = await t.client().post(responsesUrl(), body());
    expect(anonymous.status).toBe(401);
  });

  it("lists a touchpoint's recent responses newest first, page by page, with comments as plain strings", async () => {
    const journey = await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Listado" });
    const stage = await owner.post(`/api/v1/orgs/${orgId}/journeys/${journey.body.id}/stages`, { name: "Etapa" });
    const tp = (await owner.post(`/api/v1/orgs/${orgId}/journeys/${journey.body.id}/touchpoints`, { stageId: stage.body.id, name: "Punto" })).body.id;
    const base = Date.parse("2026-01-10T10:00:00Z");
    const items = Array.from({ length: 5 }, (_, i) => ({
      touchpointId: tp,
      idempotencyKey: key("list"),
      answers: { nps: i, comment: i === 4 ? "<script>alert('x')</script>" : `comentario ${i}` },
      completedAt: new Date(base + i * 60_000).toISOString(),
    }));
    expect((await writeKey.post(responsesUrl(), { items })).status).toBe(201);
    const url = `/api/v1/orgs/${orgId}/touchpoints/${tp}/responses`;
    const first = await readKey.get(`${url}?limit=2`);
    expect(first.status, first.text).toBe(200);
    expect(first.body.items.map((r: { answers: { nps: number } }) => r.answers.nps)).toEqual([4, 3]);
    expect(first.body.items[0].answers.comment).toBe("<script>alert('x')</script>");
    expect(first.body.items[0]).toMatchObject({ touchpointId: tp, source: "api", variant: "universal", hidden: { meta: {} } });
    // An API item says when it was sent, not how long the customer took: no completion time.
    expect(first.body.items.every((r: { completionMs: number | null }) => r.completionMs === null)).toBe(true);
    const second = await analyst.get(`${url}?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((r: { answers: { nps: number } }) => r.answers.nps)).toEqual([2, 1]);
    const third = await readKey.get(`${url}?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.items.map((r: { answers: { nps: number } }) => r.answers.nps)).toEqual([0]);
    expect(third.body.nextCursor).toBeNull();
    expect((await readKey.get(`${url}?cursor=nonsense`)).status).toBe(400);
    expect((await readKey.get(`/api/v1/orgs/${orgId}/touchpoints/tp_nowhere/responses`)).status).toBe(404);
    expect((await readKey.get(`/api/v1/orgs/${orgId}/touchpoints/${otherOrgTouchpoint}/responses`)).status).toBe(404);
  });

  it("shows drops per touchpoint and reason to admins only", async () => {
    const drops = await admin.get(`/api/v1/orgs/${orgId}/ingestion-drops?days=30`);
    expect(drops.status, drops.text).toBe(200);
    expect(drops.body.since).toBe("2025-12-17");
    expect(drops.body.items).toContainEqual({ touchpointId: closedTouchpoint, reason: "form_closed", count: 1 });
    expect(drops.body.items).toContainEqual({ touchpointId: relationshipTouchpoint, reason: "invalid_answer", count: 1 });
    expect(drops.body.items.some((d: { touchpointId: string }) => d.touchpointId === otherOrgTouchpoint || d.touchpointId === "tp_nowhere")).toBe(false);
    expect((await analyst.get(`/api/v1/orgs/${orgId}/ingestion-drops`)).status).toBe(403);
    expect((await writeKey.get(`/api/v1/orgs/${orgId}/ingestion-drops`)).status).toBe(403);
    expect((await admin.get(`/api/v1/orgs/${orgId}/ingestion-drops?days=0`)).status).toBe(400);
    const one = await admin.get(`/api/v1/orgs/${orgId}/ingestion-drops?days=30&touchpointId=${closedTouchpoint}`);
    expect(one.body.items).toEqual([{ touchpointId: closedTouchpoint, reason: "form_closed", count: 1 }]);
  });

  it("documents the routes in the OpenAPI document", async () => {
    const doc = (await t.client().get("/api/openapi.json")).body;
    expect(doc.paths["/api/v1/orgs/{orgId}/responses"].post.requestBody).toBeDefined();
    expect(doc.paths["/api/v1/orgs/{orgId}/touchpoints/{touchpointId}/responses"].get).toBeDefined();
    expect(doc.paths["/api/v1/orgs/{orgId}/ingestion-drops"].get).toBeDefined();
    expect(doc.paths["/f/{code}/answers"].post).toBeDefined();
    expect(doc.paths["/f/{code}"]).toBeUndefined();
  });
});
