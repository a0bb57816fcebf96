import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { addApiKey, makeResponseWrite, setupOwner } from "../../../../test/factories.js";
import { countAnswers, scales, scoreNps } from "../../../core/metrics/index.js";
import { upsertResponses, type ResponseWrite } from "../../../db/queries/responses.js";
import { aggregateRawResponses, readTotals, readTotalsByTouchpoint, readTotalsByDay, type RollupFilter } from "../../../db/queries/scores.js";

const day = (date: string, hour = 10) => Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);

describeEachDatabase("score filters, compared periods and moments of truth at risk", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let reader: Client;
  let orgId = "";
  let journeyId = "";
  const stageIds: string[] = [];
  const tp: string[] = [];
  let visit = 0;

  async function store(touchpointId: string, answers: Array<Partial<ResponseWrite>>): Promise<void> {
    const writes = answers.map((a) =>
      makeResponseWrite({ organisation_id: orgId, journey_id: journeyId, touchpoint_id: touchpointId, dedupe_key: `k:filters-${++visit}`, source: "api", started_at: day("2026-01-10"), ...a }),
    );
    await upsertResponses(t.ctx.db.kysely, writes, t.clock.now);
  }
  const url = (path: string) => `/api/v1/orgs/${orgId}/scores/${path}`;
  const period = "from=2026-01-06&to=2026-01-15";

  // Touchpoint 0 (a moment of truth, NPS target 50): 60 answers in the period, placements "mesa-1" (40) and
  // "mesa-2" (20), stores, declared channels and the brand's own field plan=gold|basic.
  const tp0 = Array.from({ length: 60 }, (_, i) => ({
    nps: i % 3 === 0 ? 10 : i % 3 === 1 ? 8 : 4,
    csat: 1 + (i % 5),
    ces: 1 + (i % 7),
    emotion: i % 2 === 0 ? "joy" : "worry",
    intensity: 1 + (i % 3),
    placement: i < 40 ? "mesa-1" : "mesa-2",
    store: i % 2 === 0 ? "Centro" : "Norte",
    channel: i % 4 === 0 ? "email" : "sms",
    hidden_fields: JSON.stringify(i % 5 === 0 ? { plan: "gold", region: "sur" } : { plan: "basic" }),
    started_at: day(`2026-01-${String(6 + (i % 10)).padStart(2, "0")}`, i % 24),
    source: i % 2 === 0 ? "qr" : "link",
    language: i % 6 === 0 ? null : "es",
    comment: `comentario ${i}`,
  }));

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Tienda Filtros"));
    reader = (await addApiKey(t, owner, orgId, "read")).client;
    const journey = await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Compra" });
    journeyId = journey.body.id;
    for (const name of ["Comprar", "Recibir"]) {
      const stage = await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/stages`, { name });
      stageIds.push(stage.body.id);
    }
    for (const body of [
      { stageId: stageIds[0], name: "Caja", channel: "store", momentOfTruth: true, momentOfTruthReason: "Pagar decide", targets: { nps: 50 } },
      { stageId: stageIds[1], name: "Entrega", channel: "delivery", momentOfTruth: true, momentOfTruthReason: "Llega o no", targets: { nps: -100 } },
      { stageId: stageIds[1], name: "Web", channel: "web", targets: { nps: 90 } },
    ]) {
      const created = await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/touchpoints`, body);
      expect(created.status, created.text).toBe(201);
      tp.push(created.body.id);
    }
    await store(tp[0]!, tp0);
    // Entrega: promoters before (2025-12-27 … 2026-01-05), detractors now: a significant drop, though above its target.
    await store(tp[1]!, Array.from({ length: 40 }, () => ({ nps: 10, started_at: day("2025-12-30") })));
    await store(tp[1]!, Array.from({ length: 40 }, (_, i) => ({ nps: i < 10 ? 9 : 2, started_at: day("2026-01-12") })));
    // Web: far below its target, but not a moment of truth.
    await store(tp[2]!, Array.from({ length: 30 }, () => ({ nps: 0, started_at: day("2026-01-12") })));
  });

  const count = async (query: string) => {
    const reply = await reader.get(url(`overview?${period}&${query}`));
    expect(reply.status, reply.text).toBe(200);
    return reply.body.scores.responses.count as number;
  };

  it("filters by placement, store, the declared channel and the brand's own fields", async () => {
    expect(await count("placement=mesa-1")).toBe(40);
    expect(await count("placement=mesa-2")).toBe(20);
    expect(await count("placement=nowhere")).toBe(0);
    expect(await count("store=Centro")).toBe(30);
    expect(await count("customerChannel=email")).toBe(15);
    expect(await count("field=m_plan:gold")).toBe(12);
    expect(await count("field=m_plan:gold&field=m_region:sur")).toBe(12);
    expect(await count("field=m_plan:basic&field=m_region:sur")).toBe(0);
    expect(await count("field=m_region:sur&placement=mesa-1")).toBe(tp0.filter((r, i) => i % 5 === 0 && r.placement === "mesa-1").length);
    // Combined with rollup-key filters: source and language.
    expect(await count("placement=mesa-1&source=qr")).toBe(20);
    expect(await count("placement=mesa-2&language=es")).toBe(tp0.filter((r) => r.placement === "mesa-2" && r.language === "es").length);
  });

  it("computes a filtered score exactly as core does from the same raw answers", async () => {
    const { scores } = (await reader.get(url(`overview?${period}&placement=mesa-1`))).body;
    const expected = scoreNps(countAnswers(scales.nps, tp0.filter((r) => r.placement === "mesa-1").map((r) => r.nps)));
    expect(scores.nps).toMatchObject({ n: 40, value: expected.value, visibility: "shown" });
    expect(scores.nps.interval.lower).toBeCloseTo(expected.interval!.lower, 10);
  });

  it("aggregates raw responses exactly as the rollups hold them, in total, per touchpoint and per day", async () => {
    const db = t.ctx.db.kysely;
    const filter: RollupFilter = { organisationId: orgId, fromDay: Math.floor(day("2025-12-01") / 864e5), toDay: Math.floor(day("2026-01-31") / 864e5), touchpointIds: null };
    const raw = await aggregateRawResponses(db, filter, []);
    expect(raw.get("")).toEqual(await readTotals(db, filter));
    expect(raw.get("")!.aggregate.responses).toBe(170);
    // A raw-only filter that selects everything takes the raw path through readTotals' own splits.
    const everyone = { ...filter, fields: [] as { key: string; value: string }[] };
    const rawByTouchpoint = await aggregateRawResponses(db, everyone, ["touchpoint_id"]);
    expect(rawByTouchpoint).toEqual(await readTotalsByTouchpoint(db, filter));
    const byLanguage = { ...filter, language: "" };
    expect((await aggregateRawResponses(db, byLanguage, [])).get("")).toEqual(await readTotals(db, byLanguage));
    // Completion times: timed sources, answered within the hour before now, ties at .5 s and over the one-hour cap.
    const journey = (await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Cronometrado" })).body.id;
    const stage = (await owner.post(`/api/v1/orgs/${orgId}/journeys/${journey}/stages`, { name: "Etapa" })).body.id;
    const timed = (await owner.post(`/api/v1/orgs/${orgId}/journeys/${journey}/touchpoints`, { stageId: stage, name: "Reloj" })).body.id;
    const complete = { emotion: "calm", intensity: 2, csat: 4, ces: 6, nps: 9, source: "link" };
    await store(timed, [2500, 1499, 1500, 500, 0, 3_700_000, 61_000, 61_000].map((ms) => ({ ...complete, started_at: t.clock.now - ms, placement: "reloj" })));
    const timedTotals = (await aggregateRawResponses(db, filter, [])).get("")!;
    expect(timedTotals).toEqual(await readTotals(db, filter));
    expect((await aggregateRawResponses(db, { ...filter, touchpointIds: [timed] }, [])).get("")!.completionSeconds).toEqual({ n: 8, sum: 3 + 1 + 2 + 1 + 0 + 3600 + 61 + 61, sumOfSquares: 9 + 1 + 4 + 1 + 0 + 3600 ** 2 + 2 * 61 ** 2 });
    expect((await aggregateRawResponses(db, filter, ["touchpoint_id"])).get(timed)).toEqual((await readTotalsByTouchpoint(db, filter)).get(timed));
    const rollupDays = await readTotalsByDay(db, { ...filter, source: "qr" });
    const rawDays = await aggregateRawResponses(db, { ...filter, source: "qr" }, ["day"]);
    expect(new Map([...rawDays].map(([d, totals]) => [Number(d), totals]))).toEqual(rollupDays);
  });

  it("filters the journey view, the touchpoint detail and the priorities by placement too", async () => {
    const journey = (await reader.get(url(`journeys/${journeyId}?${period}&placement=mesa-2`))).body;
    expect(journey.scores.responses).toBe(20);
    expect(journey.stages[0].touchpoints[0].scores.responses).toBe(20);
    const oneStage = (await reader.get(url(`journeys/${journeyId}?${period}&stageId=${stageIds[1]}`))).body;
    expect(oneStage.scores.responses).toBe(70);
    expect(oneStage.stages[0].touchpoints).toEqual([]);
    const oneTouchpoint = (await reader.get(url(`journeys/${journeyId}?${period}&touchpointId=${tp[2]}`))).body;
    expect(oneTouchpoint.stages[1].touchpoints.map((x: { id: string }) => x.id)).toEqual([tp[2]]);
    expect((await reader.get(url(`journeys/${journeyId}?${period}&stageId=stg_nope`))).status).toBe(404);
    const detail = await reader.get(url(`touchpoints/${tp[0]}?${period}&store=Norte&interval=week`));
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.scores.responses.count).toBe(30);
    expect(detail.body.trend.points.reduce((sum: number, p: { responses: number }) => sum + p.responses, 0)).toBe(30);
    const priorities = await reader.get(url(`priorities?${period}&journeyId=${journeyId}&field=m_plan:gold`));
    expect(priorities.status, priorities.text).toBe(200);
    expect(priorities.body.status).toBe("too_few_data");
  });

  it("narrows the overview to a stage or a touchpoint, and answers 404 for ones the organisation does not have", async () => {
    expect(await count(`stageId=${stageIds[1]}`)).toBe(70);
    expect(await count(`touchpointId=${tp[2]}`)).toBe(30);
    expect(await count(`journeyId=${journeyId}&touchpointId=${tp[0]}&placement=mesa-2`)).toBe(20);
    expect((await reader.get(url(`overview?stageId=stg_nope`))).status).toBe(404);
    expect((await reader.get(url(`overview?touchpointId=tp_nope`))).status).toBe(404);
    const other = await owner.post("/api/v1/orgs", { name: "Ajena" });
    const theirs = await owner.post(`/api/v1/orgs/${other.body.id}/journeys?template=ecommerce_purchase&language=es`, {});
    expect(theirs.status, theirs.text).toBe(201);
    expect((await reader.get(url(`overview?stageId=${theirs.body.stages[0].id}`))).status).toBe(404);
    expect((await reader.get(url(`overview?touchpointId=${theirs.body.stages[0].touchpoints[0].id}`))).status).toBe(404);
  });

  it("refuses malformed filters with a validation problem naming the field", async () => {
    const cases: Array<[string, string]> = [
      ["field=plan:gold", "querystring.field"],
      ["field=m_Plan:gold", "querystring.field"],
      ["field=m_plan", "querystring.field"],
      ["field=m_plan:", "querystring.field"],
      ["field=m_plan:a&field=m_plan:b", "querystring.field"],
      [Array.from({ length: 6 }, (_, i) => `field=m_k${i}:v`).join("&"), "querystring.field"],
      ["placement=", "querystring.placement"],
      [`store=${"x".repeat(201)}`, "querystring.store"],
      ["source=carrier_pigeon", "querystring.source"],
      ["channel=telepathy", "querystring.channel"],
      ["compareTo=2026-01-01", "querystring.compareFrom"],
      ["compareFrom=2026-01-10&compareTo=2026-01-01", "querystring.compareFrom"],
      ["compareFrom=soon", "querystring.compareFrom"],
    ];
    for (const [query, field] of cases) {
      const reply = await reader.get(url(`overview?${period}&${query}`));
      expect(reply.status, query).toBe(400);
      expect(reply.body.code, query).toBe("validation_failed");
      expect(reply.body.errors.map((e: { field: string }) => e.field), query).toContain(field);
    }
  });

  it("compares with any period named by compareFrom and compareTo", async () => {
    const reply = await reader.get(url(`overview?${period}&touchpointId=${tp[1]}&compareFrom=2025-12-01&compareTo=2025-12-31`));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.previousPeriod).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(reply.body.scores.responses).toMatchObject({ count: 40, previous: 40 });
    expect(reply.body.scores.nps.change).toMatchObject({ previous: 100, change: -150, significant: true });
    // compareFrom alone: a period of the current one's length.
    const alone = await reader.get(url(`overview?${period}&compareFrom=2025-11-01`));
    expect(alone.body.previousPeriod).toEqual({ from: "2025-11-01", to: "2025-11-10" });
    const detail = await reader.get(url(`touchpoints/${tp[1]}?${period}&compareFrom=2025-12-30&compareTo=2025-12-30`));
    expect(detail.body.previousPeriod).toEqual({ from: "2025-12-30", to: "2025-12-30" });
    expect(detail.body.scores.responses.previous).toBe(40);
  });

  it("lists moments of truth below target or with a significant drop, most hurtful first", async () => {
    const reply = await reader.get(url(`overview?${period}`));
    const atRisk = reply.body.momentsOfTruthAtRisk;
    // Web is far below its target but not a moment of truth.
    expect(atRisk.map((m: { touchpointId: string }) => m.touchpointId)).toEqual([tp[1], tp[0]]);
    const [entrega, caja] = atRisk;
    expect(entrega).toMatchObject({ name: "Entrega", stageName: "Recibir", journeyName: "Compra", reason: "Llega o no", responses: 40 });
    expect(entrega.risks).toEqual([expect.objectContaining({ kind: "significant_drop", score: "nps", change: -150 })]);
    expect(entrega.impact).toBeCloseTo((40 * 150) / 200, 10);
    const cajaNps = scoreNps(countAnswers(scales.nps, tp0.map((r) => r.nps))).value!;
    expect(caja.risks).toEqual([{ kind: "below_target", score: "nps", value: cajaNps, target: 50 }]);
    expect(caja.impact).toBeCloseTo((60 * (50 - cajaNps)) / 200, 10);
    // Scoped to a stage: only its moments; too few answers: none.
    const inStage = (await reader.get(url(`overview?${period}&stageId=${stageIds[0]}`))).body.momentsOfTruthAtRisk;
    expect(inStage.map((m: { touchpointId: string }) => m.touchpointId)).toEqual([tp[0]]);
    const few = (await reader.get(url(`overview?${period}&field=m_region:nowhere`))).body.momentsOfTruthAtRisk;
    expect(few).toEqual([]);
  });
});
