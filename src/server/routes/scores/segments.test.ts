import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { addApiKey, makeResponseWrite, setupOwner } from "../../../../test/factories.js";
import { benjaminiHochberg, compareNps, countAnswers, scales, scoreNps } from "../../../core/metrics/index.js";
import { upsertResponses, type ResponseWrite } from "../../../db/queries/responses.js";

const day = (date: string) => Date.parse(`${date}T10:00:00Z`);

describeEachDatabase("score segments", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let reader: Client;
  let orgId = "";
  let journeyId = "";
  const tp: string[] = [];
  const stageIds: string[] = [];
  let visit = 0;
  const all: Array<Partial<ResponseWrite> & { nps: number; store: string }> = [];

  async function store(touchpointId: string, answers: Array<Partial<ResponseWrite>>): Promise<void> {
    const writes = answers.map((a) =>
      makeResponseWrite({ organisation_id: orgId, journey_id: journeyId, touchpoint_id: touchpointId, dedupe_key: `k:seg-${++visit}`, source: "api", started_at: day("2026-01-10"), ...a }),
    );
    await upsertResponses(t.ctx.db.kysely, writes, t.clock.now);
  }
  const url = (query: string) => `/api/v1/orgs/${orgId}/scores/segments?from=2026-01-01&to=2026-01-15&${query}`;
  const npsOf = (promoters: number, passives: number, detractors: number) => [...Array(promoters).fill(10), ...Array(passives).fill(7), ...Array(detractors).fill(2)] as number[];

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Tienda Segmentos"));
    reader = (await addApiKey(t, owner, orgId, "read")).client;
    journeyId = (await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Compra" })).body.id;
    for (const name of ["Comprar", "Recibir"]) stageIds.push((await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/stages`, { name })).body.id);
    for (const [stageId, name, channel] of [[stageIds[0], "Caja", "store"], [stageIds[1], "Entrega", "delivery"]] as const) {
      tp.push((await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/touchpoints`, { stageId, name, channel })).body.id);
    }
    const stores: Array<[string, number[]]> = [
      ["Centro", npsOf(70, 20, 10)],
      ["Norte", npsOf(20, 30, 50)],
      ["Este", npsOf(15, 10, 15)],
      ["Sur", npsOf(1, 1, 1)],
      ...Array.from({ length: 6 }, (_, i): [string, number[]] => [`Pequeña ${i}`, npsOf(2, 2, 2)]),
    ];
    for (const [name, answers] of stores) {
      for (const [i, nps] of answers.entries()) all.push({ nps, store: name, hidden_fields: JSON.stringify({ plan: i % 2 === 0 ? "gold" : "basic" }), language: i % 3 === 0 ? "en" : "es" });
    }
    await store(tp[0]!, all.slice(0, 150));
    await store(tp[1]!, all.slice(150));
  });

  it("gives each store's score with its interval, tested against the rest with false-discovery control", async () => {
    const reply = await reader.get(url("dimension=store&score=nps&limit=20"));
    expect(reply.status, reply.text).toBe(200);
    const { segments, overall, tested } = reply.body;
    expect(overall.n).toBe(all.length);
    expect(overall.value).toBe(scoreNps(countAnswers(scales.nps, all.map((r) => r.nps))).value);
    expect(segments.map((s: { key: string }) => s.key).slice(0, 3)).toEqual(["Centro", "Norte", "Este"]);
    const centro = segments[0];
    const own = countAnswers(scales.nps, all.filter((r) => r.store === "Centro").map((r) => r.nps));
    const rest = countAnswers(scales.nps, all.filter((r) => r.store !== "Centro").map((r) => r.nps));
    expect(centro.score).toMatchObject({ n: 100, value: 60, visibility: "shown" });
    expect(centro.versusRest.rest.value).toBe(scoreNps(rest).value);
    expect(centro.versusRest.difference).toBeCloseTo(60 - scoreNps(rest).value!, 10);
    expect(centro.versusRest.pValue).toBeCloseTo(compareNps(own, rest).pValue!, 12);
    expect(centro.versusRest.significant).toBe(true);

    // Every store with 5 answers or more is tested; q-values are BH over exactly those p-values.
    const testedRows = segments.filter((s: { versusRest: unknown }) => s.versusRest !== null);
    expect(tested).toBe(testedRows.length);
    expect(tested).toBe(9);
    const fdr = benjaminiHochberg(testedRows.map((s: { versusRest: { pValue: number } }) => s.versusRest.pValue));
    testedRows.forEach((s: { versusRest: { qValue: number; significant: boolean } }, i: number) => {
      expect(s.versusRest.qValue).toBeCloseTo(fdr.adjusted[i]!, 12);
      expect(s.versusRest.significant).toBe(fdr.significant[i]);
    });
    // Este (NPS 0) is "significant" on its own p-value? Whatever it is, the small stores never are.
    for (const small of segments.filter((s: { key: string }) => s.key.startsWith("Pequeña"))) {
      expect(small.score.visibility).toBe("few_answers");
      expect(small.versusRest.significant).toBe(false);
    }
  });

  it("withholds a segment below 5 answers and does not test it", async () => {
    const { segments } = (await reader.get(url("dimension=store&limit=20"))).body;
    const sur = segments.find((s: { key: string }) => s.key === "Sur");
    expect(sur).toMatchObject({ kind: "value", responses: 3, score: { n: 3, value: null, interval: null, visibility: "hidden" }, versusRest: null });
  });

  it("groups the segments beyond the limit as other", async () => {
    const { segments } = (await reader.get(url("dimension=store&limit=4"))).body;
    expect(segments).toHaveLength(4);
    expect(segments.map((s: { key: string | null }) => s.key)).toEqual(["Centro", "Norte", "Este", null]);
    expect(segments[3]).toMatchObject({ kind: "other", label: null, segments: 7, responses: 3 + 6 * 6 });
    expect(segments[3].versusRest).not.toBeNull();
  });

  it("splits by the map (touchpoint, stage, channel), by language and by the brand's own fields", async () => {
    const byTouchpoint = (await reader.get(url("dimension=touchpoint"))).body.segments;
    expect(byTouchpoint.map((s: { key: string; label: string; responses: number }) => [s.key, s.label, s.responses])).toEqual([
      [tp[0], "Caja", 150],
      [tp[1], "Entrega", all.length - 150],
    ]);
    const byStage = (await reader.get(url("dimension=stage"))).body.segments;
    expect(byStage.map((s: { label: string }) => s.label)).toEqual(["Comprar", "Recibir"]);
    const byChannel = (await reader.get(url("dimension=channel&score=nps"))).body.segments;
    expect(byChannel.map((s: { key: string }) => s.key)).toEqual(["store", "delivery"]);
    const byLanguage = (await reader.get(url("dimension=language"))).body.segments;
    expect(byLanguage.map((s: { key: string; responses: number }) => [s.key, s.responses])).toEqual([
      ["es", all.filter((r) => r.language === "es").length],
      ["en", all.filter((r) => r.language === "en").length],
    ]);
    const byPlan = (await reader.get(url("dimension=field:m_plan&score=nps"))).body;
    expect(byPlan.segments.map((s: { key: string }) => s.key).sort()).toEqual(["basic", "gold"]);
    const gold = byPlan.segments.find((s: { key: string }) => s.key === "gold");
    expect(gold.score.value).toBe(scoreNps(countAnswers(scales.nps, all.filter((r) => r.hidden_fields!.includes("gold")).map((r) => r.nps))).value);
    // Filters apply: only the first touchpoint's stores, only gold.
    const filtered = (await reader.get(url(`dimension=store&touchpointId=${tp[0]}&field=m_plan:gold`))).body;
    expect(filtered.responses).toBe(all.slice(0, 150).filter((r) => r.hidden_fields!.includes("gold")).length);
    // A field nobody has: every response is in the "none" segment.
    const none = (await reader.get(url("dimension=field:m_nothing"))).body.segments;
    expect(none).toEqual([expect.objectContaining({ kind: "none", key: null, responses: all.length, versusRest: null })]);
  });

  it("answers empty data with no segments", async () => {
    const reply = await reader.get(`/api/v1/orgs/${orgId}/scores/segments?from=2020-01-01&to=2020-01-31&dimension=store`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ responses: 0, tested: 0, segments: [], overall: { n: 0, value: null, visibility: "hidden" } });
  });

  it("refuses an unknown dimension, score or limit", async () => {
    for (const query of ["dimension=hair_colour", "dimension=field:plan", "dimension=field:m_", "score=mood", "limit=1", "limit=21", "dimension=store&field=m_x"]) {
      const reply = await reader.get(url(query));
      expect(reply.status, query).toBe(400);
      expect(reply.body.code).toBe("validation_failed");
    }
  });

  it("compares CSAT, CES, NES and the CX index too", async () => {
    for (const score of ["csat", "ces", "nes", "cx"]) {
      const reply = await reader.get(url(`dimension=store&score=${score}`));
      expect(reply.status, reply.text).toBe(200);
      // No CSAT, CES or emotion answers were given: every segment is hidden, none tested.
      expect(reply.body.tested, score).toBe(score === "cx" ? 9 : 0);
    }
  });
});
