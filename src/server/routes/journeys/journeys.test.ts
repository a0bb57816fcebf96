import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { addApiKey, addMember, makeOrganisation, setupOwner } from "../../../../test/factories.js";

describeEachDatabase("journeys API", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let orgId = "";
  let admin: { client: Client; userId: string };
  let analyst: { client: Client; userId: string };
  let viewer: { client: Client; userId: string };
  let readKey: Client;
  let writeKey: Client;
  const base = () => `/api/v1/orgs/${orgId}/journeys`;

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Tienda Aurora"));
    admin = await addMember(t, owner, orgId, "admin");
    analyst = await addMember(t, owner, orgId, "analyst");
    viewer = await addMember(t, owner, orgId, "viewer");
    readKey = (await addApiKey(t, owner, orgId, "read")).client;
    writeKey = (await addApiKey(t, owner, orgId, "write")).client;
  });

  async function blankJourney(name: string) {
    const reply = await admin.client.post(base(), { name });
    expect(reply.status, reply.text).toBe(201);
    return reply.body;
  }

  it("creates the Spanish e-commerce template with its stages, touchpoints and moments of truth", async () => {
    const reply = await admin.client.post(`${base()}?template=ecommerce_purchase&language=es`, {});
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body.name).toBe("Compra online");
    expect(reply.body.language).toBe("es");
    expect(reply.body.persona.name).toMatch(/Lucía/);
    expect(reply.body.stages.map((s: { name: string }) => s.name)).toEqual([
      "Descubrimiento",
      "Compra",
      "Envío y entrega",
      "Primer uso",
      "Ayuda y devoluciones",
      "Nueva compra",
    ]);
    expect(reply.body.stages.map((s: { position: number }) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);
    const touchpoints = reply.body.stages.flatMap((s: { touchpoints: unknown[] }) => s.touchpoints);
    const packaging = touchpoints.find((tp: { channel: string }) => tp.channel === "packaging");
    expect(packaging).toMatchObject({ name: "Apertura del paquete", momentOfTruth: true, modules: ["sense", "feel"], status: "active" });
    expect(packaging.momentOfTruthReason).toMatch(/ilusión o decepción/);
    expect(touchpoints.some((tp: { name: string }) => tp.name === "Solicitud de devolución")).toBe(true);

    const again = await admin.client.post(`${base()}?template=ecommerce_purchase&language=es`, {});
    expect(again.status).toBe(201);
    expect(again.body.name).toBe("Compra online (2)");
  });

  it("creates every template in English and Portuguese too", async () => {
    const templates = await viewer.client.get("/api/v1/journey-templates?language=pt");
    expect(templates.status).toBe(200);
    expect(templates.body.items).toHaveLength(6);
    expect(templates.body.items[0]).toMatchObject({ key: "ecommerce_purchase", name: "Compra on-line", industry: "E-commerce" });
    for (const language of ["en", "pt"]) {
      for (const { key } of templates.body.items) {
        const reply = await owner.post(`${base()}?template=${key}&language=${language}`, {});
        expect(reply.status, `${key} ${language}: ${reply.text}`).toBe(201);
        expect(reply.body.language).toBe(language);
        expect(reply.body.stages.length).toBeGreaterThanOrEqual(4);
      }
    }
    const preview = await readKey.get("/api/v1/journey-templates/hotel_stay?language=en");
    expect(preview.status).toBe(200);
    expect(preview.body.journey.name).toBe("Hotel stay");
    expect((await t.client().get("/api/v1/journey-templates")).status).toBe(401);
    expect((await owner.get("/api/v1/journey-templates/nope")).status).toBe(400);
  });

  it("names the template that does not exist and the language it does not speak", async () => {
    const reply = await admin.client.post(`${base()}?template=spaceship&language=fr`, {});
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe("validation_failed");
    expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["querystring.language", "querystring.template"]);
  });

  it("creates a blank journey with persona and scope, lists it and reads it", async () => {
    const created = await admin.client.post(base(), {
      name: "  Visita a tienda  ",
      description: "Clientes que compran en la tienda de Gran Vía",
      scope: "Desde la entrada hasta la salida",
      persona: { name: "Marta", description: "Compra a la hora de comer" },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: "Visita a tienda", scope: "Desde la entrada hasta la salida", persona: { name: "Marta" }, stages: [], archivedAt: null });
    const list = await viewer.client.get(base());
    expect(list.status).toBe(200);
    const summary = list.body.items.find((j: { id: string }) => j.id === created.body.id);
    expect(summary.counts).toEqual({ stages: 0, touchpoints: 0, momentsOfTruth: 0 });
    const ecommerce = list.body.items.find((j: { name: string }) => j.name === "Compra online");
    expect(ecommerce.counts).toEqual({ stages: 6, touchpoints: 13, momentsOfTruth: 5 });
    expect((await analyst.client.get(`${base()}/${created.body.id}`)).body.name).toBe("Visita a tienda");
  });

  it("lists every invalid field of a request", async () => {
    const reply = await admin.client.post(base(), { name: "", persona: { name: "x".repeat(81) }, language: "fr" });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe("validation_failed");
    const fields = reply.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(["body.language", "body.name", "body.persona.name"]);
    const noName = await admin.client.post(base(), { description: "sin nombre" });
    expect(noName.status).toBe(400);
    expect(noName.body.errors).toEqual([{ field: "body.name", message: "is required (unless a template is given)" }]);
  });

  it("refuses a second journey with the same name, case-insensitively", async () => {
    await blankJourney("Renovación de contrato");
    const reply = await admin.client.post(base(), { name: "renovación  DE contrato " });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe("name_taken");
    expect(reply.body.errors[0].field).toBe("body.name");
  });

  it("adds, renames, reorders and removes stages", async () => {
    const journey = await blankJourney("Mapa de etapas");
    const url = `${base()}/${journey.id}/stages`;
    const names = ["Descubrir", "Comprar", "Recibir"];
    const ids: string[] = [];
    for (const name of names) ids.push((await admin.client.post(url, { name })).body.id);
    const first = await admin.client.post(url, { name: "Antes de todo", position: 0 });
    expect(first.status).toBe(201);
    expect(first.body.position).toBe(0);
    const dup = await admin.client.post(url, { name: "COMPRAR" });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe("name_taken");

    const renamed = await admin.client.patch(`${url}/${ids[1]}`, { name: "Pagar", description: "El momento del pago" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Pagar", description: "El momento del pago" });

    const moved = await admin.client.post(`${url}/${ids[2]}/move`, { position: 0 });
    expect(moved.status).toBe(200);
    expect(moved.body.stages.map((s: { name: string }) => s.name)).toEqual(["Recibir", "Antes de todo", "Descubrir", "Pagar"]);
    const clamped = await admin.client.post(`${url}/${ids[2]}/move`, { position: 99 });
    expect(clamped.body.stages.map((s: { name: string }) => s.name)).toEqual(["Antes de todo", "Descubrir", "Pagar", "Recibir"]);

    expect((await admin.client.delete(`${url}/${ids[0]}`)).status).toBe(204);
    const after = await admin.client.get(`${base()}/${journey.id}`);
    expect(after.body.stages.map((s: { name: string; position: number }) => [s.name, s.position])).toEqual([
      ["Antes de todo", 0],
      ["Pagar", 1],
      ["Recibir", 2],
    ]);
    const withArchived = await admin.client.get(`${base()}/${journey.id}?includeArchived=true`);
    expect(withArchived.body.stages.at(-1)).toMatchObject({ name: "Descubrir", archivedAt: expect.any(String) });
    expect((await admin.client.patch(`${url}/${ids[0]}`, { name: "Vuelta" })).body.code).toBe("archived");
    // The name of a removed stage is free again.
    expect((await admin.client.post(url, { name: "Descubrir" })).status).toBe(201);
  });

  it("adds, edits, moves across stages and removes touchpoints", async () => {
    const journey = await blankJourney("Mapa de puntos de contacto");
    const stages = `${base()}/${journey.id}/stages`;
    const buy = (await admin.client.post(stages, { name: "Comprar" })).body;
    const receive = (await admin.client.post(stages, { name: "Recibir" })).body;
    const url = `${base()}/${journey.id}/touchpoints`;

    const pay = await admin.client.post(url, {
      stageId: buy.id,
      name: "Pago",
      channel: "web",
      customerNeed: "Pagar rápido",
      customerExpectation: "Sin sorpresas",
      modules: ["think", "act"],
      targets: { csat: 85, ces: 6 },
      ownerUserId: analyst.userId,
    });
    expect(pay.status, pay.text).toBe(201);
    expect(pay.body).toMatchObject({
      stageId: buy.id,
      position: 0,
      modules: ["think", "act"],
      targets: { nps: null, csat: 85, ces: 6 },
      ownerUserId: analyst.userId,
      momentOfTruth: false,
      status: "active",
    });
    const box = (await admin.client.post(url, { stageId: receive.id, name: "Apertura del paquete", channel: "packaging" })).body;
    const invoice = (await admin.client.post(url, { stageId: receive.id, name: "Factura", channel: "invoice", position: 0 })).body;
    expect(invoice.position).toBe(0);

    const flagged = await admin.client.patch(`${url}/${box.id}`, { momentOfTruth: true, momentOfTruthReason: "Primer contacto físico con la marca", status: "paused", targets: { nps: 40 } });
    expect(flagged.status, flagged.text).toBe(200);
    expect(flagged.body).toMatchObject({ momentOfTruth: true, status: "paused", targets: { nps: 40, csat: null, ces: null } });

    const moved = await admin.client.post(`${url}/${pay.body.id}/move`, { stageId: receive.id, position: 1 });
    expect(moved.status, moved.text).toBe(200);
    const receiveCards = moved.body.stages.find((s: { id: string }) => s.id === receive.id).touchpoints;
    expect(receiveCards.map((c: { name: string; position: number }) => [c.name, c.position])).toEqual([
      ["Factura", 0],
      ["Pago", 1],
      ["Apertura del paquete", 2],
    ]);
    expect(moved.body.stages.find((s: { id: string }) => s.id === buy.id).touchpoints).toEqual([]);

    const reordered = await admin.client.post(`${url}/${box.id}/move`, { position: 0 });
    expect(reordered.body.stages[1].touchpoints.map((c: { name: string }) => c.name)).toEqual(["Apertura del paquete", "Factura", "Pago"]);

    expect((await admin.client.delete(`${url}/${invoice.id}`)).status).toBe(204);
    const after = (await viewer.client.get(`${base()}/${journey.id}`)).body;
    expect(after.stages[1].touchpoints.map((c: { name: string; position: number }) => [c.name, c.position])).toEqual([
      ["Apertura del paquete", 0],
      ["Pago", 1],
    ]);
    const archived = await viewer.client.get(`${url}/${invoice.id}`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await admin.client.delete(`${url}/${invoice.id}`)).status).toBe(204);
    expect((await admin.client.post(`${url}/${invoice.id}/move`, { position: 0 })).body.code).toBe("archived");
  });

  it("validates touchpoints: a moment of truth needs a reason, the owner must be a member, ranges hold", async () => {
    const journey = await blankJourney("Validación");
    const stage = (await admin.client.post(`${base()}/${journey.id}/stages`, { name: "Etapa" })).body;
    const url = `${base()}/${journey.id}/touchpoints`;
    const noReason = await admin.client.post(url, { stageId: stage.id, name: "Llamada", momentOfTruth: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ field: "body.momentOfTruthReason", message: "a moment of truth needs a reason" }]);

    const outsider = await setupStranger();
    const notMember = await admin.client.post(url, { stageId: stage.id, name: "Llamada", ownerUserId: outsider });
    expect(notMember.status).toBe(400);
    expect(notMember.body.errors).toEqual([{ field: "body.ownerUserId", message: "is not a member of this organisation" }]);

    const ranges = await admin.client.post(url, { stageId: stage.id, name: "Llamada", channel: "fax", targets: { nps: 120, csat: -1, ces: 8 }, modules: ["smell"] });
    expect(ranges.status).toBe(400);
    expect(ranges.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ["body.channel", "body.modules.0", "body.targets.ces", "body.targets.csat", "body.targets.nps"].sort(),
    );

    const call = (await admin.client.post(url, { stageId: stage.id, name: "Llamada", channel: "phone" })).body;
    const flagOnly = await admin.client.patch(`${url}/${call.id}`, { momentOfTruth: true });
    expect(flagOnly.status).toBe(400);
    expect(flagOnly.body.errors[0].field).toBe("body.momentOfTruthReason");
    const taken = await admin.client.post(url, { stageId: stage.id, name: " LLAMADA" });
    expect(taken.body.code).toBe("name_taken");
    const noStage = await admin.client.post(url, { stageId: "stg_nope", name: "X" });
    expect(noStage.status).toBe(404);
  });

  async function setupStranger(): Promise<string> {
    const stranger = await addMember(t, owner, await makeOrganisation(t, owner, `Otra ${Math.random()}`), "viewer");
    return stranger.userId;
  }

  it("lets admins edit the map, and analysts, viewers and API keys only read it", async () => {
    const journey = await blankJourney("Permisos");
    const stage = (await admin.client.post(`${base()}/${journey.id}/stages`, { name: "Etapa" })).body;
    for (const [who, client] of [
      ["analyst", analyst.client],
      ["viewer", viewer.client],
      ["read key", readKey],
      ["write key", writeKey],
    ] as const) {
      expect((await client.get(`${base()}/${journey.id}`)).status, who).toBe(200);
      expect((await client.get(`${base()}/${journey.id}/export`)).status, who).toBe(200);
      expect((await client.get(`${base()}/${journey.id}/audit-events`)).status, who).toBe(200);
      const attempts = [
        await client.post(base(), { name: `De ${who}` }),
        await client.post(`${base()}?template=hotel_stay`, {}),
        await client.patch(`${base()}/${journey.id}`, { name: "Cambiado" }),
        await client.post(`${base()}/${journey.id}/stages`, { name: "Otra" }),
        await client.post(`${base()}/${journey.id}/stages/${stage.id}/move`, { position: 0 }),
        await client.post(`${base()}/${journey.id}/touchpoints`, { stageId: stage.id, name: "Nueva" }),
        await client.post(`${base()}/${journey.id}/duplicate`, {}),
        await client.delete(`${base()}/${journey.id}/stages/${stage.id}`),
        await client.delete(`${base()}/${journey.id}`),
      ];
      expect(
        attempts.map((r) => r.status),
        who,
      ).toEqual(attempts.map(() => 403));
      expect(attempts[0]!.body.code).toBe("forbidden");
    }
    expect((await owner.patch(`${base()}/${journey.id}`, { name: "Permisos (dueña)" })).status).toBe(200);
    expect((await t.client().get(base())).status).toBe(401);
  });

  it("edits and removes a journey, hiding it from the list unless asked", async () => {
    const journey = await blankJourney("Temporal");
    const edited = await admin.client.patch(`${base()}/${journey.id}`, { description: "Campaña de verano", persona: null, language: "pt" });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ description: "Campaña de verano", persona: null, language: "pt" });
    expect((await admin.client.delete(`${base()}/${journey.id}`)).status).toBe(204);
    const list = (await admin.client.get(base())).body.items.map((j: { id: string }) => j.id);
    expect(list).not.toContain(journey.id);
    const all = (await admin.client.get(`${base()}?includeArchived=true`)).body.items.map((j: { id: string }) => j.id);
    expect(all).toContain(journey.id);
    expect((await admin.client.get(`${base()}/${journey.id}`)).body.archivedAt).not.toBeNull();
    expect((await admin.client.patch(`${base()}/${journey.id}`, { name: "Revivida" })).body.code).toBe("archived");
    expect((await admin.client.post(`${base()}/${journey.id}/stages`, { name: "Nueva" })).body.code).toBe("archived");
    expect((await admin.client.post(base(), { name: "Temporal" })).status).toBe(201);
  });

  it("brings removed touchpoints, stages and journeys back in their old place", async () => {
    const journey = (await admin.client.post(`${base()}?template=saas_onboarding&language=en`, {})).body;
    const url = `${base()}/${journey.id}`;
    const stage = journey.stages[2];
    const middle = stage.touchpoints[1];
    expect((await admin.client.delete(`${url}/touchpoints/${middle.id}`)).status).toBe(204);
    const back = await admin.client.post(`${url}/touchpoints/${middle.id}/restore`, {});
    expect(back.status, back.text).toBe(200);
    expect(back.body.stages[2].touchpoints.map((c: { id: string }) => c.id)).toEqual(stage.touchpoints.map((c: { id: string }) => c.id));

    // A touchpoint of a removed stage comes back only with its stage.
    await admin.client.delete(`${url}/touchpoints/${middle.id}`);
    await admin.client.delete(`${url}/stages/${stage.id}`);
    const blocked = await admin.client.post(`${url}/touchpoints/${middle.id}/restore`, {});
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe("archived");
    const stageBack = await admin.client.post(`${url}/stages/${stage.id}/restore`, {});
    expect(stageBack.status).toBe(200);
    expect(stageBack.body.stages.map((s: { id: string }) => s.id)).toEqual(journey.stages.map((s: { id: string }) => s.id));
    expect(stageBack.body.stages.map((s: { position: number }) => s.position)).toEqual([0, 1, 2, 3, 4]);

    // A restored item whose name was taken meanwhile must be renamed first.
    await admin.client.delete(`${url}/touchpoints/${stage.touchpoints[0].id}`);
    await admin.client.post(`${url}/touchpoints`, { stageId: stage.id, name: stage.touchpoints[0].name });
    expect((await admin.client.post(`${url}/touchpoints/${stage.touchpoints[0].id}/restore`, {})).body.code).toBe("name_taken");

    expect((await admin.client.delete(url)).status).toBe(204);
    const journeyBack = await admin.client.post(`${url}/restore`, {});
    expect(journeyBack.status).toBe(200);
    expect(journeyBack.body.archivedAt).toBeNull();
    expect((await viewer.client.post(`${url}/restore`, {})).status).toBe(403);
  });

  it("duplicates a journey with its live stages and touchpoints", async () => {
    const original = (await admin.client.post(`${base()}?template=restaurant_visit&language=es`, {})).body;
    const firstTouchpoint = original.stages[0].touchpoints[0];
    await admin.client.delete(`${base()}/${original.id}/touchpoints/${firstTouchpoint.id}`);
    const copy = await admin.client.post(`${base()}/${original.id}/duplicate`, {});
    expect(copy.status, copy.text).toBe(201);
    expect(copy.body.name).toBe("Visita al restaurante (2)");
    expect(copy.body.id).not.toBe(original.id);
    expect(copy.body.stages.map((s: { name: string }) => s.name)).toEqual(original.stages.map((s: { name: string }) => s.name));
    expect(copy.body.stages[0].touchpoints.map((tp: { name: string }) => tp.name)).not.toContain(firstTouchpoint.name);
    const named = await admin.client.post(`${base()}/${original.id}/duplicate`, { name: "Visita (copia para Lisboa)" });
    expect(named.body.name).toBe("Visita (copia para Lisboa)");
    expect((await admin.client.post(`${base()}/${original.id}/duplicate`, { name: "visita (copia para lisboa)" })).body.code).toBe("name_taken");
  });

  it("exports a journey and imports it into another organisation the caller administers", async () => {
    const original = (await admin.client.post(`${base()}?template=bank_account_opening&language=es`, {})).body;
    const card = original.stages[3].touchpoints[0];
    await admin.client.patch(`${base()}/${original.id}/touchpoints/${card.id}`, { ownerUserId: analyst.userId });
    const exported = await viewer.client.get(`${base()}/${original.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers["content-disposition"]).toMatch(/attachment; filename="journey-jny_/);
    expect(exported.body).toMatchObject({ format: "momentos.journey", version: 1 });

    const otherOrg = await makeOrganisation(t, owner, "Banco Sur");
    const imported = await owner.post(`/api/v1/orgs/${otherOrg}/journeys/import`, exported.body);
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body.ownersCleared).toBe(1);
    const again = await owner.get(`/api/v1/orgs/${otherOrg}/journeys/${imported.body.journey.id}/export`);
    const strip = (doc: { journey: { stages: Array<{ touchpoints: Array<{ ownerUserId: string | null }> }> } }) => ({
      ...doc.journey,
      stages: doc.journey.stages.map((s) => ({ ...s, touchpoints: s.touchpoints.map((tp) => ({ ...tp, ownerUserId: null })) })),
    });
    expect(strip(again.body)).toEqual(strip(exported.body));

    // Into the same organisation: the name is numbered and owners who are members are kept.
    const same = await admin.client.post(`${base()}/import`, exported.body);
    expect(same.status).toBe(201);
    expect(same.body.journey.name).toBe("Apertura de cuenta bancaria (2)");
    expect(same.body.ownersCleared).toBe(0);

    // Only into organisations the caller administers.
    expect((await admin.client.post(`/api/v1/orgs/${otherOrg}/journeys/import`, exported.body)).status).toBe(404);
    expect((await analyst.client.post(`${base()}/import`, exported.body)).status).toBe(403);
  });

  it("refuses an import in an unknown version or with repeated names, saying where", async () => {
    const document = { format: "momentos.journey", version: 1, journey: { name: "Importada", stages: [{ name: "A" }, { name: "a" }] } };
    const repeated = await admin.client.post(`${base()}/import`, document);
    expect(repeated.status).toBe(400);
    expect(repeated.body.errors).toEqual([{ field: "body.journey.stages", message: "two stages are named “a”" }]);
    const future = await admin.client.post(`${base()}/import`, { ...document, version: 2 });
    expect(future.status).toBe(400);
    expect(future.body.errors.map((e: { field: string }) => e.field)).toContain("body.version");
  });

  it("does not reach another organisation's stage through the request body", async () => {
    const otherOrg = await makeOrganisation(t, owner, "Ajena");
    const foreign = (await owner.post(`/api/v1/orgs/${otherOrg}/journeys?template=hotel_stay&language=es`, {})).body;
    const foreignStage = foreign.stages[0].id;
    const journey = await blankJourney("Propia");
    const stage = (await admin.client.post(`${base()}/${journey.id}/stages`, { name: "Etapa" })).body;
    const tp = (await admin.client.post(`${base()}/${journey.id}/touchpoints`, { stageId: stage.id, name: "Tarjeta" })).body;
    expect((await admin.client.post(`${base()}/${journey.id}/touchpoints`, { stageId: foreignStage, name: "X" })).status).toBe(404);
    expect((await admin.client.post(`${base()}/${journey.id}/touchpoints/${tp.id}/move`, { stageId: foreignStage, position: 0 })).status).toBe(404);
    // Nor a stage of another journey of the same organisation.
    const sibling = (await admin.client.post(`${base()}?template=hotel_stay&language=en`, {})).body;
    expect((await admin.client.post(`${base()}/${journey.id}/touchpoints/${tp.id}/move`, { stageId: sibling.stages[0].id, position: 0 })).status).toBe(404);
    const untouched = (await owner.get(`/api/v1/orgs/${otherOrg}/journeys/${foreign.id}`)).body;
    expect(untouched.stages[0].touchpoints.map((c: { name: string }) => c.name)).not.toContain("X");
  });

  it("keeps the order consistent when many people move cards at once", async () => {
    const journey = (await admin.client.post(`${base()}?template=telco_support&language=es`, {})).body;
    const url = `${base()}/${journey.id}/touchpoints`;
    const cards = journey.stages.flatMap((s: { touchpoints: Array<{ id: string }> }) => s.touchpoints.map((c) => c.id));
    const stageIds = journey.stages.map((s: { id: string }) => s.id);
    const people = [admin.client, owner];
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        people[i % 2]!.post(`${url}/${cards[(i * 7) % cards.length]}/move`, {
          stageId: i % 3 === 0 ? stageIds[i % stageIds.length] : undefined,
          position: (i * 5) % 4,
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
    const after = (await viewer.client.get(`${base()}/${journey.id}`)).body;
    for (const stage of after.stages) {
      expect(stage.touchpoints.map((c: { position: number }) => c.position)).toEqual(stage.touchpoints.map((_: unknown, i: number) => i));
    }
    const afterIds = after.stages.flatMap((s: { touchpoints: Array<{ id: string }> }) => s.touchpoints.map((c) => c.id));
    expect([...afterIds].sort()).toEqual([...cards].sort());
  });

  it("shows who changed what and when in a journey", async () => {
    const journey = await blankJourney("Con historia");
    t.clock.advance(1000);
    const stage = (await admin.client.post(`${base()}/${journey.id}/stages`, { name: "Etapa" })).body;
    t.clock.advance(1000);
    const tp = (await owner.post(`${base()}/${journey.id}/touchpoints`, { stageId: stage.id, name: "Correo" })).body;
    t.clock.advance(1000);
    await admin.client.patch(`${base()}/${journey.id}/touchpoints/${tp.id}`, { channel: "email", momentOfTruth: true, momentOfTruthReason: "Confirma la compra" });
    t.clock.advance(1000);
    await admin.client.delete(`${base()}/${journey.id}/touchpoints/${tp.id}`);
    t.clock.advance(1000);
    await blankJourney("Otra sin relación");

    const trail = await viewer.client.get(`${base()}/${journey.id}/audit-events`);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      "touchpoint.archived",
      "touchpoint.updated",
      "touchpoint.created",
      "stage.created",
      "journey.created",
    ]);
    const updated = trail.body.items[1];
    expect(updated.actor).toEqual({ userId: admin.userId, apiKeyId: null, name: "admin person" });
    expect(updated.details.changes).toEqual({
      channel: { from: "other", to: "email" },
      momentOfTruth: { from: false, to: true },
      momentOfTruthReason: { from: "", to: "Confirma la compra" },
    });
    expect(trail.body.items[0].details.hasData).toBe(true);
    expect(trail.body.items[2].actor.name).toBe("Olga Owner");
    const page = await viewer.client.get(`${base()}/${journey.id}/audit-events?limit=2&before=${encodeURIComponent(trail.body.items[1].at)}`);
    expect(page.body.items.map((e: { action: string }) => e.action)).toEqual(["touchpoint.created", "stage.created"]);
  });

  it("describes every journey route in the OpenAPI document", async () => {
    const doc = (await t.client().get("/api/openapi.json")).body;
    const routes = t.app.routeTable.filter((r) => r.url.includes("journey") && !r.url.includes("/scores/"));
    expect(routes.length).toBe(23);
    for (const route of routes) {
      const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
      expect(doc.paths[path]?.[route.method.toLowerCase()]?.summary, `${route.method} ${route.url}`).toBeTruthy();
    }
    const create = doc.paths["/api/v1/orgs/{orgId}/journeys"].post;
    expect(create.requestBody.content["application/json"].schema.properties.persona).toBeDefined();
    expect(JSON.stringify(create)).toMatch(/unless the journey is created from a template/);
    expect(JSON.stringify(doc.paths["/api/v1/orgs/{orgId}/journeys/{journeyId}/touchpoints"].post)).toMatch(/Experiential modules/);
  });
});
