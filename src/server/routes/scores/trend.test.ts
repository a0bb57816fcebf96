import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { addApiKey, makeResponseWrite, setupOwner } from "../../../../test/factories.js";
import { countAnswers, scales, scoreCsat, scoreNps } from "../../../core/metrics/index.js";
import { upsertResponses, type ResponseWrite } from "../../../db/queries/responses.js";

const day = (date: string, hour = 10) => Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
const date = (dayOfJanuary: number) => `2026-01-${String(dayOfJanuary).padStart(2, "0")}`;

interface Point {
  start: string;
  responses: number;
  cxIndex: { n: number; value: number | null; interval: unknown; visibility: string };
  nps: { n: number; value: number | null; interval: { lower: number; upper: number } | null; visibility: string };
  csat: { n: number; value: number | null; interval: unknown; visibility: string };
  ces: { n: number; value: number | null; interval: unknown; visibility: string };
  nes: { n: number; value: number | null; interval: unknown; visibility: string };
}

describeEachDatabase("scores trend API (organisation and journey level)", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let reader: Client;
  let orgId = "";
  let journeyId = "";
  let otherJourneyId = "";
  const stageIds: string[] = [];
  const tp: string[] = [];
  let visit = 0;

  async function store(touchpointId: string, journey: string, answers: Array<Partial<ResponseWrite>>): Promise<void> {
    const writes = answers.map((a) =>
      makeResponseWrite({ organisation_id: orgId, journey_id: journey, touchpoint_id: touchpointId, dedupe_key: `k:trend-${++visit}`, source: "api", started_at: day(date(10)), ...a }),
    );
    await upsertResponses(t.ctx.db.kysely, writes, t.clock.now);
  }
  const url = (query: string) => `/api/v1/orgs/${orgId}/scores/trend?${query}`;
  const points = async (query: string): Promise<Point[]> => {
    const reply = await reader.get(url(query));
    expect(reply.status, reply.text).toBe(200);
    return reply.body.trend.points;
  };
  const sum = (ps: Point[]) => ps.reduce((total, p) => total + p.responses, 0);

  // Web (stage 0, journey Compra): 8 answers a day from Mon 5 to Sun 18 January 2026 (112), NPS 10 on even
  // days and 3 on odd ones, CSAT 5; half of them placed at "mesa-1" with plan=gold, half via QR.
  const web = Array.from({ length: 14 * 8 }, (_, i) => {
    const d = 5 + Math.floor(i / 8);
    return {
      nps: d % 2 === 0 ? 10 : 3,
      csat: 5,
      ces: 2,
      emotion: "joy",
      intensity: 2,
      started_at: day(date(d), i % 24),
      placement: i % 2 === 0 ? "mesa-1" : "mesa-2",
      hidden_fields: JSON.stringify({ plan: i % 2 === 0 ? "gold" : "basic" }),
      source: i % 2 === 0 ? "qr" : "link",
      language: "es",
    };
  });
  // Tienda (stage 1, store): 10 answers on Wed 14 January, 4 on Sat 17 January (withheld on that day alone).
  const store14 = Array.from({ length: 10 }, () => ({ nps: 0, csat: 1, started_at: day(date(14)), language: "en", source: "api" }));
  const store17 = Array.from({ length: 4 }, () => ({ nps: 9, csat: 4, started_at: day(date(17)), language: "en", source: "api" }));

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Tienda Tendencia"));
    reader = (await addApiKey(t, owner, orgId, "read")).client;
    const journey = await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Compra" });
    journeyId = journey.body.id;
    for (const name of ["Descubrir", "Comprar"]) {
      const stage = await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/stages`, { name });
      expect(stage.status, stage.text).toBe(201);
      stageIds.push(stage.body.id);
    }
    for (const body of [
      { stageId: stageIds[0], name: "Web", channel: "web" },
      { stageId: stageIds[1], name: "Tienda", channel: "store" },
    ]) {
      const created = await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/touchpoints`, body);
      expect(created.status, created.text).toBe(201);
      tp.push(created.body.id);
    }
    // A second journey of the same organisation: counted at the organisation's level, not in Compra's.
    const other = await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Devolver" });
    otherJourneyId = other.body.id;
    const otherStage = await owner.post(`/api/v1/orgs/${orgId}/journeys/${otherJourneyId}/stages`, { name: "Devolver" });
    const phone = await owner.post(`/api/v1/orgs/${orgId}/journeys/${otherJourneyId}/touchpoints`, { stageId: otherStage.body.id, name: "Teléfono", channel: "phone" });
    expect(phone.status, phone.text).toBe(201);
    tp.push(phone.body.id);

    await store(tp[0]!, journeyId, web);
    await store(tp[1]!, journeyId, [...store14, ...store17]);
    await store(tp[2]!, otherJourneyId, Array.from({ length: 6 }, () => ({ nps: 5, started_at: day(date(12)) })));
  });

  const period = "from=2026-01-05&to=2026-01-18";

  it("gives one point per day, ISO week or month, each scored as core scores the bucket's answers", async () => {
    const byDay = await points(`${period}&interval=day`);
    expect(byDay.map((p) => p.start)).toEqual(Array.from({ length: 14 }, (_, i) => date(5 + i)));
    expect(sum(byDay)).toBe(112 + 14 + 6);
    const monday = byDay[0]!;
    expect(monday.responses).toBe(8);
    expect(monday.nps).toMatchObject({ n: 8, value: -100, visibility: "few_answers" });
    expect(monday.nps.interval).not.toBeNull();
    expect(byDay[9]!.responses).toBe(8 + 10); // Wednesday 14: the web's 8 and the store's 10

    const weeks = await points(`${period}&interval=week`);
    expect(weeks.map((p) => p.start)).toEqual(["2026-01-05", "2026-01-12"]);
    expect(weeks.map((p) => p.responses)).toEqual([56, 56 + 14 + 6]);
    // The second week, recomputed from the raw answers: the web's, the store's 14 and the phone's 6.
    const secondWeekNps = [...web.slice(56).map((a) => a.nps), ...store14.map((a) => a.nps), ...store17.map((a) => a.nps), ...Array(6).fill(5)];
    const expected = scoreNps(countAnswers(scales.nps, secondWeekNps));
    expect(weeks[1]!.nps).toMatchObject({ n: 76, value: expected.value, visibility: "shown" });
    expect(weeks[1]!.nps.interval!.lower).toBeCloseTo(expected.interval!.lower, 10);
    expect(weeks[1]!.nps.interval!.upper).toBeCloseTo(expected.interval!.upper, 10);
    const csat = scoreCsat(countAnswers(scales.csat, [...web.slice(56).map((a) => a.csat), ...store14.map((a) => a.csat), ...store17.map((a) => a.csat)]));
    expect(weeks[1]!.csat.value).toBeCloseTo(csat.topBox.value!, 10);
    // The CX index has a value but, as on the touchpoint's trend, no interval per point.
    expect(weeks[0]!.cxIndex.value).not.toBeNull();
    expect(weeks[0]!.cxIndex.interval).toBeNull();

    // A month bucket starts on the 1st, even when the period starts later; only the period's days count.
    const months = await points("from=2025-12-20&to=2026-01-06&interval=month");
    expect(months.map((p) => p.start)).toEqual(["2025-12-01", "2026-01-01"]);
    expect(months.map((p) => p.responses)).toEqual([0, 16]);
  });

  it("answers a touchpoint exactly as the touchpoint's own trend does (one shared computation)", async () => {
    const own = await reader.get(`/api/v1/orgs/${orgId}/scores/touchpoints/${tp[1]}?${period}&interval=week`);
    expect(own.status, own.text).toBe(200);
    expect(await points(`${period}&interval=week&touchpointId=${tp[1]}`)).toEqual(own.body.trend.points);
    const reply = await reader.get(url(`${period}&interval=week`));
    expect(reply.body.period).toEqual({ from: "2026-01-05", to: "2026-01-18" });
    expect(reply.body.trend.interval).toBe("week");
  });

  it("narrows by journey, stage, touchpoint, channel, source and language", async () => {
    expect(sum(await points(`${period}&journeyId=${journeyId}`))).toBe(126);
    expect(sum(await points(`${period}&journeyId=${otherJourneyId}`))).toBe(6);
    expect(sum(await points(`${period}&stageId=${stageIds[1]}`))).toBe(14);
    expect(sum(await points(`${period}&touchpointId=${tp[0]}`))).toBe(112);
    expect(sum(await points(`${period}&channel=store`))).toBe(14);
    expect(sum(await points(`${period}&source=qr`))).toBe(56);
    expect(sum(await points(`${period}&language=en`))).toBe(14);
  });

  it("reads filters outside the rollup key (placement, store, declared channel, own fields) from raw responses, with the same scores", async () => {
    const placed = await points(`${period}&interval=week&placement=mesa-1`);
    expect(placed.map((p) => p.responses)).toEqual([28, 28]);
    // mesa-1 holds exactly the even-indexed web answers, as do source=qr and plan=gold: the same totals either way.
    expect(placed).toEqual(await points(`${period}&interval=week&source=qr`));
    expect(await points(`${period}&interval=week&field=m_plan:gold`)).toEqual(placed);
    expect(sum(await points(`${period}&field=m_plan:gold&placement=mesa-2`))).toBe(0);
    expect(sum(await points(`${period}&store=Nowhere`))).toBe(0);
    expect(sum(await points(`${period}&customerChannel=email`))).toBe(0);
  });

  it("answers a period without responses with empty, withheld points", async () => {
    const empty = await points("from=2025-06-01&to=2025-06-03&interval=day");
    expect(empty).toHaveLength(3);
    for (const point of empty) {
      expect(point.responses).toBe(0);
      for (const score of [point.cxIndex, point.nps, point.csat, point.ces, point.nes]) expect(score).toMatchObject({ n: 0, value: null, interval: null, visibility: "hidden" });
    }
  });

  it("withholds a bucket's score below 5 answers and marks it below 30", async () => {
    const store = await points(`from=2026-01-14&to=2026-01-17&interval=day&touchpointId=${tp[1]}`);
    expect(store.map((p) => p.responses)).toEqual([10, 0, 0, 4]);
    expect(store[0]!.nps).toMatchObject({ n: 10, value: -100, visibility: "few_answers" });
    expect(store[3]!.nps).toMatchObject({ n: 4, value: null, interval: null, visibility: "hidden" });
    expect(store[3]!.csat).toMatchObject({ value: null, visibility: "hidden" });
  });

  it("keeps organisations apart: another organisation's journey is not found, its trend never counts these responses", async () => {
    const otherOrg = await owner.post("/api/v1/orgs", { name: "Otra marca" });
    const theirJourney = await owner.post(`/api/v1/orgs/${otherOrg.body.id}/journeys`, { name: "Ajeno" });
    expect(theirJourney.status).toBe(201);
    expect((await reader.get(url(`${period}&journeyId=${theirJourney.body.id}`))).status).toBe(404);
    expect((await reader.get(url(`${period}&touchpointId=tp_nope`))).status).toBe(404);
    const theirs = await owner.get(`/api/v1/orgs/${otherOrg.body.id}/scores/trend?${period}`);
    expect(theirs.status, theirs.text).toBe(200);
    expect(sum(theirs.body.trend.points)).toBe(0);
    // This organisation's read key cannot read the other organisation at all.
    expect((await reader.get(`/api/v1/orgs/${otherOrg.body.id}/scores/trend?${period}`)).status).toBe(404);
    expect((await t.client().get(url(period))).status).toBe(401);
  });

  it("refuses an unknown interval, a period that is backwards or too long, and malformed filters", async () => {
    for (const query of [
      `${period}&interval=year`,
      "from=2026-01-10&to=2026-01-01",
      "from=2020-01-01&to=2026-01-01",
      "from=yesterday",
      `${period}&channel=pigeon`,
      `${period}&field=plan:gold`,
      `${period}&field=m_plan:gold&field=m_plan:basic`,
    ]) {
      const reply = await reader.get(url(query));
      expect(reply.status, query).toBe(400);
      expect(reply.body.code, query).toBe("validation_failed");
    }
  });

  it("is described, with its filters and interval, in the OpenAPI document", async () => {
    const doc = (await t.client().get("/api/openapi.json")).body;
    const operation = doc.paths["/api/v1/orgs/{orgId}/scores/trend"]?.get;
    expect(operation?.summary).toBeTruthy();
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["from", "to", "interval", "journeyId", "stageId", "touchpointId", "channel", "source", "language", "placement", "store", "customerChannel", "field"]),
    );
    expect(operation.responses["200"]).toBeTruthy();
  });
});
