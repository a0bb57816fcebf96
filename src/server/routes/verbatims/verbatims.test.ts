import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { addApiKey, addMember, makeResponseWrite, setupOwner } from "../../../../test/factories.js";
import { upsertResponses, type ResponseWrite } from "../../../db/queries/responses.js";

const at = (date: string, minute = 0) => Date.parse(`${date}T10:${String(minute).padStart(2, "0")}:00Z`);

describeEachDatabase("verbatims API", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let reader: Client;
  let orgId = "";
  let journeyId = "";
  const tp: string[] = [];
  let visit = 0;

  async function store(touchpointId: string, answers: Array<Partial<ResponseWrite>>, org = orgId): Promise<string[]> {
    const writes = answers.map((a) =>
      makeResponseWrite({ organisation_id: org, journey_id: journeyId, touchpoint_id: touchpointId, dedupe_key: `k:verb-${++visit}`, source: "api", started_at: at("2026-01-10"), ...a }),
    );
    return upsertResponses(t.ctx.db.kysely, writes, t.clock.now);
  }
  const url = (query = "") => `/api/v1/orgs/${orgId}/verbatims?from=2026-01-01&to=2026-01-15&${query}`;
  const comments = async (query: string) => {
    const reply = await reader.get(url(query));
    expect(reply.status, reply.text).toBe(200);
    return reply.body.items.map((i: { comment: string }) => i.comment) as string[];
  };
  let analysedId = "";

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Tienda Voces"));
    reader = (await addApiKey(t, owner, orgId, "read")).client;
    journeyId = (await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Compra" })).body.id;
    const stage = (await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/stages`, { name: "Recibir" })).body.id;
    for (const name of ["Entrega", "Devolución"]) tp.push((await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/touchpoints`, { stageId: stage, name })).body.id);

    analysedId = (await store(tp[0]!, [
      { comment: "El envío llegó tarde y la caja rota", emotion: "frustration", emotion_2: "anger", intensity: 3, nps: 2, csat: 1, started_at: at("2026-01-10", 1), placement: "caja-azul", hidden_fields: JSON.stringify({ plan: "gold" }) },
    ]))[0]!;
    await store(tp[0]!, [
      { comment: "ENVÍO rapidísimo, ¡gracias!", emotion: "joy", intensity: 2, nps: 10, started_at: at("2026-01-10", 2), source: "qr", language: "es" },
      { comment: "Pagué 100% del precio", emotion: "indifference", intensity: 1, nps: 7, started_at: at("2026-01-10", 3) },
      { comment: "Pagué 1000 pesos", nps: 8, started_at: at("2026-01-10", 4) },
      { comment: "campo_libre y a\\b", nps: 9, started_at: at("2026-01-10", 5) },
      { comment: "<script>alert('x')</script> =cmd|' /C calc'!A0", nps: 0, started_at: at("2026-01-10", 6) },
      { comment: null, nps: 10, started_at: at("2026-01-10", 7) },
      { comment: "", nps: 10, started_at: at("2026-01-10", 8) },
      { comment: "Fuera del periodo", nps: 10, started_at: at("2025-12-01") },
    ]);
    await store(tp[1]!, Array.from({ length: 30 }, (_, i) => ({ comment: `Devolución ${i}`, nps: i % 11, started_at: at("2026-01-12", i), store: i % 2 === 0 ? "Centro" : "Norte" })));

    // The text analyser's reading of the first comment (what issue 6's job writes).
    const db = t.ctx.db.kysely;
    await db
      .insertInto("text_analyses")
      .values({
        id: analysedId,
        organisation_id: orgId,
        kind: "response",
        response_id: analysedId,
        voice_item_id: null,
        touchpoint_id: tp[0]!,
        journey_id: journeyId,
        stage_id: stage,
        at: at("2026-01-10", 1),
        day: Math.floor(at("2026-01-10") / 864e5),
        source: "api",
        language: "es",
        sentiment: "negative",
        sentiment_score: -0.8,
        emotions: JSON.stringify([{ code: "frustration", score: 0.7 }, { code: "nonsense", score: 1 }]),
        topics: JSON.stringify([{ code: "delivery", score: 0.9, sentiment: -0.8, matches: [{ start: 3, end: 8 }] }, { code: "packaging", score: 0.5, sentiment: -0.5, matches: [] }]),
        key_phrases: JSON.stringify(["caja rota"]),
        highlights: JSON.stringify([{ start: 3, end: 8, kind: "topic", code: "delivery" }, { start: 14, end: 19, kind: "negative" }, { start: 30, end: 500, kind: "negative" }]),
        analyser_version: "test",
        model: "lexicon",
        source_updated_at: t.clock.now,
        analysed_at: t.clock.now,
      })
      .execute();
    for (const topic of ["delivery", "packaging"]) {
      await db
        .insertInto("text_topics")
        .values({ text_id: analysedId, topic, organisation_id: orgId, touchpoint_id: tp[0]!, journey_id: journeyId, day: 1, source: "api", language: "es", sentiment: "negative", sentiment_score: -0.8, relevance: 0.9 })
        .execute();
    }
  });

  it("lists comments newest first with their emotions, scores, place and source, as plain text", async () => {
    const reply = await reader.get(url(`touchpointId=${tp[0]}`));
    expect(reply.status, reply.text).toBe(200);
    const { items, nextCursor } = reply.body;
    expect(nextCursor).toBeNull();
    expect(items.map((i: { comment: string }) => i.comment)).toEqual([
      "<script>alert('x')</script> =cmd|' /C calc'!A0",
      "campo_libre y a\\b",
      "Pagué 1000 pesos",
      "Pagué 100% del precio",
      "ENVÍO rapidísimo, ¡gracias!",
      "El envío llegó tarde y la caja rota",
    ]);
    const first = items[5];
    expect(first).toMatchObject({
      id: analysedId,
      touchpoint: { id: tp[0], name: "Entrega" },
      stage: { name: "Recibir" },
      journey: { id: journeyId, name: "Compra" },
      emotions: ["frustration", "anger"],
      intensity: 3,
      scores: { nps: 2, csat: 1, ces: null },
      npsGroup: "detractor",
      source: "api",
      language: "es",
      placement: "caja-azul",
      startedAt: "2026-01-10T10:01:00.000Z",
    });
    expect(items[4]).toMatchObject({ npsGroup: "promoter", source: "qr", analysis: null });
    expect(reply.headers["content-type"]).toMatch(/application\/json/);
  });

  it("carries the text analyser's sentiment, topics and highlight spans, and filters by them", async () => {
    const [item] = (await reader.get(url(`topic=delivery`))).body.items;
    expect(item.id).toBe(analysedId);
    expect(item.analysis).toEqual({
      inferred: true,
      sentiment: { label: "negative", score: -0.8 },
      emotions: [{ code: "frustration", score: 0.7 }],
      topics: [
        { code: "delivery", score: 0.9, sentiment: -0.8 },
        { code: "packaging", score: 0.5, sentiment: -0.5 },
      ],
      // A span beyond the comment is dropped.
      highlights: [
        { start: 3, end: 8, kind: "topic", code: "delivery" },
        { start: 14, end: 19, kind: "negative", code: null },
      ],
      stale: false,
    });
    expect(await comments("topic=packaging")).toHaveLength(1);
    expect(await comments("topic=price")).toEqual([]);
    expect(await comments("sentiment=negative")).toHaveLength(1);
    expect(await comments("sentiment=positive")).toEqual([]);
    expect((await reader.get(url("topic=weather"))).status).toBe(400);
  });

  it("searches ignoring case and Spanish accents, with % and _ as plain characters", async () => {
    expect(await comments("q=envio")).toEqual(["ENVÍO rapidísimo, ¡gracias!", "El envío llegó tarde y la caja rota"]);
    expect(await comments(`q=${encodeURIComponent("ENVÍO")}`)).toHaveLength(2);
    expect(await comments(`q=${encodeURIComponent("llego tarde")}`)).toEqual(["El envío llegó tarde y la caja rota"]);
    expect(await comments(`q=${encodeURIComponent("RAPIDÍSIMO")}`)).toEqual(["ENVÍO rapidísimo, ¡gracias!"]);
    expect(await comments(`q=${encodeURIComponent("devolucion 1")}`)).toHaveLength(11); // 1, 10…19
    expect(await comments(`q=${encodeURIComponent("100%")}`)).toEqual(["Pagué 100% del precio"]);
    expect(await comments(`q=${encodeURIComponent("o_l")}`)).toEqual(["campo_libre y a\\b"]);
    expect(await comments(`q=${encodeURIComponent("a\\b")}`)).toEqual(["campo_libre y a\\b"]);
    expect(await comments(`q=${encodeURIComponent("pague")}`)).toHaveLength(2);
    expect(await comments(`q=${encodeURIComponent("<script>")}`)).toHaveLength(1);
    expect(await comments("q=nada%20de%20esto")).toEqual([]);
    expect((await reader.get(url(`q=${"x".repeat(201)}`))).status).toBe(400);
    expect((await reader.get(url("q=%20%20"))).status).toBe(400);
  });

  it("filters by emotion, NPS group, touchpoint, store, placement and own fields", async () => {
    expect(await comments("emotion=anger")).toEqual(["El envío llegó tarde y la caja rota"]);
    expect(await comments("emotion=frustration&npsGroup=promoter")).toEqual([]);
    expect(await comments(`npsGroup=passive&touchpointId=${tp[0]}`)).toEqual(["Pagué 1000 pesos", "Pagué 100% del precio"]);
    expect(await comments(`touchpointId=${tp[1]}&store=Norte&limit=100`)).toHaveLength(15);
    expect(await comments("placement=caja-azul")).toHaveLength(1);
    expect(await comments("field=m_plan:gold")).toHaveLength(1);
    expect(await comments("field=m_plan:silver")).toEqual([]);
    const december = await reader.get(`/api/v1/orgs/${orgId}/verbatims?from=2025-12-01&to=2025-12-01`);
    expect(december.body.items.map((i: { comment: string }) => i.comment)).toEqual(["Fuera del periodo"]);
    expect((await reader.get(url("emotion=happy"))).status).toBe(400);
    expect((await reader.get(url("npsGroup=fan"))).status).toBe(400);
  });

  it("pages with a cursor through every comment exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await reader.get(url(`limit=7${cursor ? `&cursor=${cursor}` : ""}`));
      expect(reply.status).toBe(200);
      expect(reply.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...reply.body.items.map((i) => i.id));
      cursor = reply.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toHaveLength(36);
    expect(new Set(seen).size).toBe(36);
    expect(pages).toBe(6);
    expect((await reader.get(url("limit=101"))).status).toBe(400);
    expect((await reader.get(url("limit=0"))).status).toBe(400);
    const bad = await reader.get(url("cursor=not-a-cursor"));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("querystring.cursor");
  });

  it("answers empty data with no items, and is readable by viewers", async () => {
    const viewer = await addMember(t, owner, orgId, "viewer");
    const reply = await viewer.client.get(`/api/v1/orgs/${orgId}/verbatims?from=2020-01-01&to=2020-01-31`);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ period: { from: "2020-01-01", to: "2020-01-31" }, items: [], nextCursor: null });
  });

  it("never shows another organisation's comments, nor accepts its touchpoints", async () => {
    const other = await owner.post("/api/v1/orgs", { name: "Ajena" });
    const theirs = await owner.post(`/api/v1/orgs/${other.body.id}/journeys?template=ecommerce_purchase&language=es`, {});
    const theirTouchpoint = theirs.body.stages[0].touchpoints[0].id;
    await store(theirTouchpoint, [{ comment: "envío secreto de otra marca", started_at: at("2026-01-11") }], other.body.id);
    expect(await comments("q=secreto")).toEqual([]);
    expect((await reader.get(url(`touchpointId=${theirTouchpoint}`))).status).toBe(404);
    expect((await reader.get(`/api/v1/orgs/${other.body.id}/verbatims`)).status).toBe(404);
  });
});
