import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { addApiKey, makeResponseWrite, setupOwner } from "../../../../test/factories.js";
import { countAnswers, emptyValenceCounts, scales, scoreCes, scoreCsat, scoreNes, scoreNps, valenceIndex } from "../../../core/metrics/index.js";
import { upsertResponses, type ResponseWrite } from "../../../db/queries/responses.js";

const day = (date: string) => Date.parse(`${date}T10:00:00Z`);

describeEachDatabase("scores API", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let reader: Client;
  let orgId = "";
  let journeyId = "";
  const stageIds: string[] = [];
  const tp: string[] = [];
  let visit = 0;

  /** Factory: stores responses through the production write path (rollups kept current by it). */
  async function store(touchpointId: string, answers: Array<Partial<ResponseWrite>>, defaults: Partial<ResponseWrite> = {}): Promise<void> {
    const writes = answers.map(
      (a): ResponseWrite =>
        makeResponseWrite({
          organisation_id: orgId,
          journey_id: journeyId,
          stage_id: "stg",
          touchpoint_id: touchpointId,
          dedupe_key: `k:scores-${++visit}`,
          source: "api",
          started_at: day("2026-01-10"),
          ...defaults,
          ...a,
        }),
    );
    await upsertResponses(t.ctx.db.kysely, writes, t.clock.now);
  }

  const url = (path: string) => `/api/v1/orgs/${orgId}/scores/${path}`;

  // Touchpoint 0, period 2026-01-06 … 2026-01-15 (10 days): 50 promoters, 30 passives, 20 detractors; csat and ces known.
  const npsAnswers = [...Array(25).fill(10), ...Array(25).fill(9), ...Array(30).fill(8), ...Array(20).fill(3)] as number[];
  const csatAnswers = npsAnswers.map((_, i) => 1 + (i % 5));
  const cesAnswers = npsAnswers.map((_, i) => 1 + (i % 7));
  const emotionAnswers = npsAnswers.map((_, i) => (i % 4 === 0 ? { emotion: "frustration", intensity: 3 } : { emotion: "joy", intensity: 1 + (i % 3) }));

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Tienda Sol"));
    reader = (await addApiKey(t, owner, orgId, "read")).client;
    const journey = await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Compra" });
    expect(journey.status, journey.text).toBe(201);
    journeyId = journey.body.id;
    for (const name of ["Descubrir", "Comprar"]) {
      const stage = await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/stages`, { name });
      expect(stage.status, stage.text).toBe(201);
      stageIds.push(stage.body.id);
    }
    const touchpoints = [
      { stageId: stageIds[0], name: "Web", channel: "web", targets: { nps: 40 } },
      { stageId: stageIds[1], name: "Tienda", channel: "store", momentOfTruth: true, momentOfTruthReason: "La compra", targets: { nps: 20 } },
      { stageId: stageIds[1], name: "Teléfono", channel: "phone" },
    ];
    for (const body of touchpoints) {
      const created = await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/touchpoints`, body);
      expect(created.status, created.text).toBe(201);
      tp.push(created.body.id);
    }

    await store(
      tp[0]!,
      npsAnswers.map((nps, i) => ({
        nps,
        csat: csatAnswers[i]!,
        ces: cesAnswers[i]!,
        ...emotionAnswers[i]!,
        started_at: day(`2026-01-${String(6 + (i % 10)).padStart(2, "0")}`),
        source: i % 2 === 0 ? "api" : "qr",
        language: i < 80 ? "es" : "en",
      })),
    );
    // The previous period (2025-12-27 … 2026-01-05): 40 answers, NPS −50.
    await store(tp[0]!, Array.from({ length: 40 }, (_, i) => ({ nps: i < 10 ? 10 : 2, csat: 2, ces: 3, started_at: day("2025-12-30") })));
    // Touchpoint 1: 10 answers (few); touchpoint 2: 4 answers (hidden).
    await store(tp[1]!, Array.from({ length: 10 }, (_, i) => ({ nps: 6 + (i % 5), csat: 4, emotion: "calm", intensity: 2, started_at: day("2026-01-12") })));
    await store(tp[2]!, Array.from({ length: 4 }, () => ({ nps: 0, csat: 1, emotion: "anger", intensity: 3, started_at: day("2026-01-12") })));
  });

  const period = "from=2026-01-06&to=2026-01-15";

  it("gives the overview's scores exactly as core computes them from the raw answers, with intervals", async () => {
    const reply = await reader.get(url(`overview?${period}&channel=web`));
    expect(reply.status, reply.text).toBe(200);
    const { scores } = reply.body;
    expect(reply.body.period).toEqual({ from: "2026-01-06", to: "2026-01-15" });
    expect(reply.body.previousPeriod).toEqual({ from: "2025-12-27", to: "2026-01-05" });
    const nps = scoreNps(countAnswers(scales.nps, npsAnswers));
    expect(scores.nps).toMatchObject({ n: 100, value: 30, visibility: "shown", promoters: 50, passives: 30, detractors: 20 });
    expect(scores.nps.interval.lower).toBeCloseTo(nps.interval!.lower, 10);
    expect(scores.nps.interval.upper).toBeCloseTo(nps.interval!.upper, 10);
    const csat = scoreCsat(countAnswers(scales.csat, csatAnswers));
    expect(scores.csat.value).toBeCloseTo(csat.topBox.value!, 10);
    expect(scores.csat.interval).toEqual(csat.topBox.interval);
    expect(scores.csat.mean.value).toBeCloseTo(csat.mean.value!, 10);
    const ces = scoreCes(countAnswers(scales.ces, cesAnswers));
    expect(scores.ces.value).toBeCloseTo(ces.mean.value!, 10);
    expect(scores.ces.interval).toEqual(ces.mean.interval);
    const valence = emptyValenceCounts();
    for (const e of emotionAnswers) valence[valenceIndex(((e.emotion === "joy" ? 1 : -1) * e.intensity) / 3)]! += 1;
    expect(scores.nes.value).toBeCloseTo(scoreNes(valence).value!, 10);
    expect(scores.responses).toEqual({ count: 100, previous: 40, change: 60 });
    expect(scores.completionRate).toMatchObject({ n: 100, value: 100, visibility: "shown" });
    expect(scores.cxIndex.visibility).toBe("shown");
    expect(scores.cxIndex.interval.lower).toBeLessThan(scores.cxIndex.value);
    expect(scores.cxIndex.interval.upper).toBeGreaterThan(scores.cxIndex.value);
    expect(scores.topEmotions[0]).toMatchObject({ code: "joy", mentions: 75 });
  });

  it("reports the change against the previous period, significant only when it is", async () => {
    const { scores } = (await reader.get(url(`overview?${period}&channel=web`))).body;
    expect(scores.nps.change).toMatchObject({ previous: -50, change: 80, significant: true });
    expect(scores.nps.change.pValue).toBeLessThan(0.001);
    const small = (await reader.get(url(`overview?${period}&channel=web&language=en`))).body.scores;
    expect(small.nps.change).toBeNull(); // no English answers before: the previous period is hidden
  });

  it("filters by source, language, channel and journey", async () => {
    const bySource = (await reader.get(url(`overview?${period}&source=qr`))).body.scores;
    expect(bySource.responses.count).toBe(50);
    expect(bySource.nps.n).toBe(50);
    const byLanguage = (await reader.get(url(`overview?${period}&language=en`))).body.scores;
    expect(byLanguage.responses.count).toBe(20);
    const byChannel = (await reader.get(url(`overview?${period}&channel=store`))).body.scores;
    expect(byChannel.responses.count).toBe(10);
    const all = (await reader.get(url(`overview?${period}`))).body.scores;
    expect(all.responses.count).toBe(114);
    const byJourney = (await reader.get(url(`overview?${period}&journeyId=${journeyId}`))).body.scores;
    expect(byJourney.responses.count).toBe(114);
    const other = await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Vacío" });
    const empty = await reader.get(url(`overview?${period}&journeyId=${other.body.id}`));
    expect(empty.status).toBe(200);
    expect(empty.body.scores.responses.count).toBe(0);
  });

  it("answers empty data with hidden scores and no change", async () => {
    const reply = await reader.get(url("overview?from=2020-01-01&to=2020-01-31"));
    expect(reply.status).toBe(200);
    const { scores } = reply.body;
    expect(scores.responses).toEqual({ count: 0, previous: 0, change: 0 });
    for (const name of ["nps", "csat", "ces", "nes", "cxIndex", "completionRate"]) {
      expect(scores[name], name).toMatchObject({ n: 0, value: null, interval: null, visibility: "hidden", change: null });
    }
    expect(scores.topEmotions).toEqual([]);
  });

  it("withholds a score below 5 answers and greys it below 30", async () => {
    const hidden = (await reader.get(url(`overview?${period}&channel=phone`))).body.scores;
    expect(hidden.nps).toMatchObject({ n: 4, value: null, interval: null, visibility: "hidden", promoters: null, detractors: null });
    expect(hidden.topEmotions).toEqual([]);
    const few = (await reader.get(url(`overview?${period}&channel=store`))).body.scores;
    expect(few.nps.visibility).toBe("few_answers");
    expect(few.nps.value).toBe(scoreNps(countAnswers(scales.nps, Array.from({ length: 10 }, (_, i) => 6 + (i % 5)))).value);
    expect(few.nps.interval).not.toBeNull();
  });

  it("shows a journey's stages and touchpoints in map order with the measured emotion curve", async () => {
    const reply = await reader.get(url(`journeys/${journeyId}?${period}`));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.stages.map((s: { id: string }) => s.id)).toEqual(stageIds);
    expect(reply.body.stages[1].touchpoints.map((x: { id: string }) => x.id)).toEqual([tp[1], tp[2]]);
    expect(reply.body.stages[0].touchpoints[0]).toMatchObject({ name: "Web", targets: { nps: 40 }, scores: { responses: 100, nps: { value: 30 } } });
    expect(reply.body.stages[1].touchpoints[0]).toMatchObject({ momentOfTruth: true, scores: { nps: { visibility: "few_answers" } } });
    expect(reply.body.stages[1].touchpoints[1].scores.nps).toMatchObject({ visibility: "hidden", value: null });
    expect(reply.body.stages[1].scores.responses).toBe(14);
    // The journey's CX index carries its bootstrap interval; stages and touchpoints skip it (never shown).
    expect(reply.body.scores.cxIndex.interval.lower).toBeLessThan(reply.body.scores.cxIndex.value);
    expect(reply.body.stages[0].scores.cxIndex).toMatchObject({ visibility: "shown", interval: null });
    expect(reply.body.stages[0].scores.cxIndex.value).toBeGreaterThan(0);
    expect(reply.body.stages[0].touchpoints[0].scores.cxIndex).toMatchObject({ n: 100, interval: null });
    expect(reply.body.scores.responses).toBe(114);
    // Asked for, every cell's CX index carries its own interval, the same the touchpoint detail gives.
    const cells = await reader.get(url(`journeys/${journeyId}?${period}&cxIntervals=cells`));
    expect(cells.status, cells.text).toBe(200);
    const cell = cells.body.stages[0].touchpoints[0].scores.cxIndex;
    expect(cell.interval.lower).toBeLessThan(cell.value);
    const detail = await reader.get(url(`touchpoints/${tp[0]}?${period}`));
    expect(cell.interval).toEqual(detail.body.scores.cxIndex.interval);
    expect((await reader.get(url(`journeys/${journeyId}?${period}&cxIntervals=all`))).status).toBe(400);
    const [first, second] = reply.body.emotionCurve;
    expect(first).toMatchObject({ stageId: stageIds[0], n: 100, visibility: "shown" });
    const evs = emotionAnswers.map((e) => ((e.emotion === "joy" ? 1 : -1) * e.intensity) / 3);
    expect(first.valence.value).toBeCloseTo(evs.reduce((a, b) => a + b, 0) / evs.length, 10);
    expect(second).toMatchObject({ stageId: stageIds[1], n: 14, visibility: "few_answers" });
    expect(second.valence.value).toBeCloseTo((10 * (2 / 3) - 4) / 14, 10);
  });

  it("details a touchpoint: distributions, bond segments, completion and a trend by day, week and month", async () => {
    const reply = await reader.get(url(`touchpoints/${tp[0]}?${period}&interval=week`));
    expect(reply.status, reply.text).toBe(200);
    const { detail, trend, scores } = reply.body;
    expect(scores.nps.value).toBe(30);
    expect(detail.distributions.nps).toEqual(countAnswers(scales.nps, npsAnswers));
    expect(detail.distributions.csat).toEqual(countAnswers(scales.csat, csatAnswers));
    expect(detail.distributions.emotions.map((e: { code: string }) => e.code)).toEqual(["joy", "frustration"]);
    expect(detail.bonds.segments.find((s: { segment: string }) => s.segment === "at_risk").count).toBe(
      npsAnswers.filter((n, i) => n <= 6 || emotionAnswers[i]!.emotion === "frustration").length,
    );
    expect(detail.completion).toMatchObject({ completed: 100, answered: { nps: 100, csat: 100, ces: 100, emotion: 100, usefulness: 0 } });
    expect(trend.interval).toBe("week");
    // 2026-01-06 is a Tuesday: weeks start on Mondays 2026-01-05 and 2026-01-12.
    expect(trend.points.map((p: { start: string }) => p.start)).toEqual(["2026-01-05", "2026-01-12"]);
    expect(trend.points.reduce((sum: number, p: { responses: number }) => sum + p.responses, 0)).toBe(100);
    expect(trend.points[0].nps.interval).not.toBeNull();

    const byDay = (await reader.get(url(`touchpoints/${tp[0]}?${period}&interval=day`))).body.trend.points;
    expect(byDay).toHaveLength(10);
    expect(byDay[0]).toMatchObject({ start: "2026-01-06", responses: 10, nps: { visibility: "few_answers" } });
    const byMonth = (await reader.get(url(`touchpoints/${tp[0]}?from=2025-12-01&to=2026-01-15&interval=month`))).body.trend.points;
    expect(byMonth.map((p: { start: string; responses: number }) => [p.start, p.responses])).toEqual([["2025-12-01", 40], ["2026-01-01", 100]]);

    const hidden = (await reader.get(url(`touchpoints/${tp[2]}?${period}`))).body;
    expect(hidden.detail.distributions.nps).toBeNull();
    expect(hidden.detail.bonds).toMatchObject({ n: 4, visibility: "hidden", segments: [] });
    expect(hidden.detail.completion.answered).toBeNull();
  });

  it("says in a plain sentence when there are too few data for the priority matrix", async () => {
    const reply = await reader.get(url(`priorities?journeyId=${journeyId}&${period}`));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ status: "too_few_data", reason: "too_few_observations", message: "scores.priorities.too_few_observations", needed: 30 });
    expect(reply.body.touchpoints.map((x: { performance: number | null }) => x.performance)).toEqual([30, expect.any(Number), null]);
  });

  it("places touchpoints in the priority matrix when enough days have answers everywhere", async () => {
    const other = await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Devoluciones" });
    const stage = await owner.post(`/api/v1/orgs/${orgId}/journeys/${other.body.id}/stages`, { name: "Devolver" });
    const ids: string[] = [];
    for (const [name, targets] of [["Formulario", { nps: 50 }], ["Recogida", { nps: -20 }], ["Reembolso", {}]] as const) {
      const created = await owner.post(`/api/v1/orgs/${orgId}/journeys/${other.body.id}/touchpoints`, { stageId: stage.body.id, name, targets });
      ids.push(created.body.id);
    }
    // 40 days; the refund's experience drives recommendation, the others are noise.
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let d = 0; d < 40; d++) {
      const date = new Date(Date.UTC(2025, 11, 1 + d)).toISOString().slice(0, 10);
      const quality = random();
      for (const [k, id] of ids.entries()) {
        const answers = Array.from({ length: 6 }, () => {
          const nps = k === 2 ? Math.min(10, Math.round(quality * 10)) : Math.floor(random() * 11);
          return { nps, csat: 1 + Math.floor(random() * 5), started_at: day(date) };
        });
        await store(id, answers);
      }
    }
    const reply = await reader.get(url(`priorities?journeyId=${other.body.id}&from=2025-12-01&to=2026-01-09`));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.status).toBe("ready");
    expect(reply.body.observations).toBe(40);
    const refund = reply.body.points.find((p: { touchpointId: string }) => p.touchpointId === ids[2]);
    expect(refund.importance).toBeGreaterThan(0.5);
    expect(reply.body.points.reduce((sum: number, p: { importance: number }) => sum + p.importance, 0)).toBeCloseTo(1, 10);
    expect(reply.body.points.every((p: { quadrant: string | null }) => p.quadrant !== null)).toBe(true);
  });

  it("refuses a period that ends before it starts or is too long", async () => {
    const backwards = await reader.get(url("overview?from=2026-01-10&to=2026-01-01"));
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].field).toBe("querystring.from");
    expect((await reader.get(url("overview?from=2020-01-01&to=2026-01-01"))).status).toBe(400);
    expect((await reader.get(url("overview?from=yesterday"))).status).toBe(400);
  });

  it("answers 404 for a journey or touchpoint that does not exist", async () => {
    expect((await reader.get(url(`journeys/jny_nope?${period}`))).status).toBe(404);
    expect((await reader.get(url(`touchpoints/tp_nope?${period}`))).status).toBe(404);
    expect((await reader.get(url(`priorities?journeyId=jny_nope`))).status).toBe(404);
    expect((await reader.get(url(`overview?journeyId=jny_nope`))).status).toBe(404);
  });

  it("answers 404 for another organisation's journey named in the query, and never counts its responses", async () => {
    const otherOrg = await owner.post("/api/v1/orgs", { name: "Otra marca" });
    const otherJourney = await owner.post(`/api/v1/orgs/${otherOrg.body.id}/journeys`, { name: "Ajeno" });
    expect(otherJourney.status).toBe(201);
    expect((await reader.get(url(`overview?journeyId=${otherJourney.body.id}`))).status).toBe(404);
    expect((await reader.get(url(`priorities?journeyId=${otherJourney.body.id}`))).status).toBe(404);
    const theirs = await owner.get(`/api/v1/orgs/${otherOrg.body.id}/scores/overview?${period}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.scores.responses.count).toBe(0);
    expect((await reader.get(`/api/v1/orgs/${otherOrg.body.id}/scores/overview`)).status).toBe(404);
  });

  it("places every live touchpoint of the organisation when no journey is named", async () => {
    const reply = await reader.get(url(`priorities?${period}`));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.status).toBe("too_few_data");
    expect(reply.body.touchpoints.length).toBeGreaterThanOrEqual(3);
  });

  it("describes every score route, with its filters, in the OpenAPI document", async () => {
    const doc = (await t.client().get("/api/openapi.json")).body;
    const routes = t.app.routeTable.filter((r) => r.url.includes("/scores/"));
    expect(routes).toHaveLength(6);
    for (const route of routes) {
      const operation = doc.paths[route.url.replace(/:([A-Za-z]+)/g, "{$1}")]?.get;
      expect(operation?.summary, route.url).toBeTruthy();
      expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["from", "to", "source", "language"]));
    }
  });
});
