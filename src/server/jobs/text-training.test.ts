// Learned models through the HTTP API, on every database: the threshold, training in the background
// with progress and held-back quality, the model used for imported texts, and never for another
// organisation's.
import { beforeAll, expect, it } from "vitest";
import { useTestApp, type Client } from "../../../test/app.js";
import { describeEachDatabase } from "../../../test/db.js";
import { addMember, makeOrganisation, makeResponseWrite, setupOwner } from "../../../test/factories.js";
import { upsertResponses } from "../../db/queries/responses.js";
import { isHeldBack } from "./text-training.js";

const positive = ["el envío fue zumbón", "producto zumbón, repetiré", "atención zumbona en la tienda", "todo zumbón como siempre", "la caja llegó zumbona"];
const negative = ["el envío fue un chasco total", "producto chasco, no repetiré", "atención de chasco en la tienda", "otro chasco como siempre", "la caja llegó hecha un chasco"];

describeEachDatabase("learned text models", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let orgId: string;
  let otherOrg: string;
  let touchpointId: string;
  let otherTouchpoint: string;

  async function touchpointIn(org: string): Promise<string> {
    const journey = await owner.post(`/api/v1/orgs/${org}/journeys?template=ecommerce_purchase&language=es`, {});
    expect(journey.status, journey.text).toBe(201);
    return journey.body.stages[0].touchpoints[0].id;
  }

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Marca Zumbona"));
    otherOrg = await makeOrganisation(t, owner, "Otra Marca");
    touchpointId = await touchpointIn(orgId);
    otherTouchpoint = await touchpointIn(otherOrg);
    // 360 form responses whose comments carry the customer's own emotion: the brand's words
    // ("zumbón", "chasco") mean what the customer felt.
    const writes = Array.from({ length: 360 }, (_, i) => {
      const good = i % 2 === 0;
      return makeResponseWrite({
        organisation_id: orgId,
        touchpoint_id: touchpointId,
        dedupe_key: `k:train-${i}`,
        source: "api",
        comment: `${(good ? positive : negative)[i % 5]} ${i}`,
        emotion: good ? "joy" : "frustration",
        intensity: 3,
        nps: good ? 10 : 2,
      });
    });
    await upsertResponses(t.ctx.db.kysely, writes, t.clock.now);
  });

  it("holds back the same responses every time", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `rsp_${i}`);
    const held = ids.filter(isHeldBack).length;
    expect(held).toBeGreaterThan(150);
    expect(held).toBeLessThan(250);
    // Pinned: a change of the split would compare a new model's quality on different responses.
    expect(ids.filter(isHeldBack).slice(0, 8)).toEqual(["rsp_2", "rsp_11", "rsp_17", "rsp_25", "rsp_38", "rsp_42", "rsp_46", "rsp_55"]);
    // The answer depends on the id alone, not on what was asked before.
    expect([...ids].reverse().filter(isHeldBack).reverse()).toEqual(ids.filter(isHeldBack));
  });

  it("refuses to train below the threshold and for members who may not configure", async () => {
    const few = await owner.post(`/api/v1/orgs/${otherOrg}/text/models`, { scope: "organisation" });
    expect(few.status, few.text).toBe(409);
    const analyst = await addMember(t, owner, orgId, "analyst");
    expect((await analyst.client.post(`/api/v1/orgs/${orgId}/text/models`, { scope: "organisation" })).status).toBe(403);
    const models = await analyst.client.get(`/api/v1/orgs/${orgId}/text/models`);
    expect(models.body).toMatchObject({ models: [], eligible: 360, threshold: 300 });
  });

  it("trains in the background, reports quality on held-back responses, and analyses imports of its own organisation only", async () => {
    const queued = await owner.post(`/api/v1/orgs/${orgId}/text/models`, { scope: "organisation" });
    expect(queued.status, queued.text).toBe(202);
    expect(["queued", "training"]).toContain(queued.body.status);
    expect((await owner.post(`/api/v1/orgs/${orgId}/text/models`, { scope: "organisation" })).status).toBe(409);
    await t.app.text.training.runQueued();
    let listed = await owner.get(`/api/v1/orgs/${orgId}/text/models`);
    for (let i = 0; i < 100 && listed.body.models[0].status !== "ready" && listed.body.models[0].status !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      listed = await owner.get(`/api/v1/orgs/${orgId}/text/models`);
    }
    const model = listed.body.models[0];
    expect(model, JSON.stringify(model)).toMatchObject({ id: queued.body.id, status: "ready", progress: 1, inUse: true });
    expect(model.trainedOn + model.heldBack).toBe(360);
    expect(model.heldBack).toBeGreaterThan(40);
    console.log(`[${dialect}] learned model on held-back responses: accuracy ${model.quality.accuracy.toFixed(3)}, macro-F1 ${model.quality.macroF1.toFixed(3)} (lexicon ${model.quality.lexiconMacroF1.toFixed(3)})`);
    expect(model.quality.accuracy).toBeGreaterThan(0.9);
    expect(model.quality.macroF1).toBeGreaterThan(0.9);
    expect(model.quality.lexiconMacroF1).toBeLessThan(model.quality.macroF1);

    const items = [{ source: "review", text: "la entrega fue un chasco", date: "2026-01-10" }];
    const mine = await owner.post(`/api/v1/orgs/${orgId}/voice/items`, { touchpointId, items });
    const theirs = await owner.post(`/api/v1/orgs/${otherOrg}/voice/items`, { touchpointId: otherTouchpoint, items });
    expect([mine.body.accepted, theirs.body.accepted]).toEqual([1, 1]);
    const texts = async (org: string) => (await owner.get(`/api/v1/orgs/${org}/text/texts?from=2026-01-01&to=2026-01-31&kind=voice`)).body.texts;
    const [mineText] = await texts(orgId);
    const [theirText] = await texts(otherOrg);
    expect(mineText).toMatchObject({ model: model.id, sentiment: { label: "negative" } });
    expect(theirText.model).toBe("lexicon");
  });

  it("trains for a touchpoint of its own organisation only, and refuses another organisation's touchpoint", async () => {
    expect((await owner.post(`/api/v1/orgs/${orgId}/text/models`, { scope: "touchpoint" })).status).toBe(400);
    expect((await owner.post(`/api/v1/orgs/${orgId}/text/models`, { scope: "touchpoint", scopeId: otherTouchpoint })).status).toBe(404);
    const queued = await owner.post(`/api/v1/orgs/${orgId}/text/models`, { scope: "touchpoint", scopeId: touchpointId });
    expect(queued.status, queued.text).toBe(202);
    expect(queued.body).toMatchObject({ scope: "touchpoint", scopeId: touchpointId });
    await t.app.text.training.runQueued();
    const listed = await owner.get(`/api/v1/orgs/${orgId}/text/models`);
    const models = listed.body.models as Array<{ scope: string; status: string }>;
    // The touchpoint's model and the organisation's are both in use, each for its scope.
    expect(models.filter((m) => m.status === "ready").map((m) => m.scope).sort()).toEqual(["organisation", "touchpoint"]);
  });
});
