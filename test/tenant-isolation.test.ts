// Proves that a member or an API key of organisation A cannot reach organisation B's objects: every
// route that takes an id answers 404, whether B's id is put in the organisation slot or in the object slot.
import { beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "./db.js";
import { useTestApp, type Client } from "./app.js";
import { addApiKey, addMember, makeOrganisation, setupOwner } from "./factories.js";
import { isolationCases, notOrganisationScoped, seeders, type Victim } from "./isolation-cases.js";

function fill(route: string, params: Record<string, string>): string {
  return route.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (!value) throw new Error(`no value for :${name} in ${route}`);
    return value;
  });
}

describeEachDatabase("tenant isolation", (dialect) => {
  const t = useTestApp(dialect);
  let attackerOrgId = "";
  const attackers: Array<{ name: string; client: Client }> = [];
  const victim: Victim = { orgId: "", owner: null as unknown as Client, ids: {} };

  beforeAll(async () => {
    const { owner, orgId } = await setupOwner(t, "Organisation A");
    attackerOrgId = orgId;
    // B is created by A's owner, handed to its own owner, then A's owner leaves it.
    const orgB = await makeOrganisation(t, owner, "Organisation B");
    const bOwner = await addMember(t, owner, orgB, "owner");
    const me = (await owner.get("/api/session")).body.user.id;
    expect((await owner.delete(`/api/v1/orgs/${orgB}/members/${me}`)).status).toBe(204);
    victim.orgId = orgB;
    victim.owner = bOwner.client;
    for (const seed of seeders) Object.assign(victim.ids, await seed(t, victim));

    attackers.push({ name: "owner of A", client: owner });
    attackers.push({ name: "write API key of A", client: (await addApiKey(t, owner, attackerOrgId, "write")).client });
  });

  it("lists every route that takes an id, or says why it is not organisation-scoped", () => {
    const listed = new Set(isolationCases.map((c) => c.route));
    const missing = t.app.routeTable
      .map((r) => `${r.method} ${r.url}`)
      .filter((route) => /[:*]/.test(route) && !listed.has(route) && !(route in notOrganisationScoped));
    expect(missing).toEqual([]);
  });

  for (const testCase of isolationCases) {
    it(`${testCase.route} answers 404 for organisation B's objects`, async () => {
      const [method, url] = testCase.route.split(" ") as [string, string];
      const send = (client: Client, target: string) =>
        client.request(method, target, method === "GET" || method === "DELETE" ? undefined : (testCase.body ?? {}));
      const objectParams = [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!).filter((name) => name !== "orgId");
      for (const attacker of attackers) {
        // B's organisation in the path: always 404, whatever the attacker's rights.
        const inB = fill(url, { ...victim.ids, orgId: victim.orgId });
        const reply = await send(attacker.client, inB);
        expect(reply.status, `${attacker.name}: ${method} ${inB} → ${reply.text}`).toBe(404);
        expect(reply.body.code).toBe("not_found");
        if (objectParams.length === 0) continue;
        // A's organisation with B's object: 404 when the attacker may use the route at all; a key whose
        // scope forbids the route gets the same 403 as for an id that exists nowhere, so nothing leaks.
        const inA = fill(url, { ...victim.ids, orgId: attackerOrgId });
        const crossed = await send(attacker.client, inA);
        const nowhere = await send(attacker.client, fill(url, { ...Object.fromEntries(objectParams.map((p) => [p, "xyz_doesnotexist"])), orgId: attackerOrgId }));
        expect(crossed.status, `${attacker.name}: ${method} ${inA} → ${crossed.text}`).toBe(nowhere.status);
        expect(crossed.body).toEqual(nowhere.body);
        if (attacker.name.startsWith("owner")) expect(crossed.status).toBe(404);
        else expect([403, 404]).toContain(crossed.status);
      }
    });
  }

  it("leaves organisation B intact after every attempt", async () => {
    const org = await victim.owner.get(`/api/v1/orgs/${victim.orgId}`);
    expect(org.status).toBe(200);
    expect(org.body.name).toBe("Organisation B");
    const members = await victim.owner.get(`/api/v1/orgs/${victim.orgId}/members`);
    expect(members.body.items.map((m: { userId: string }) => m.userId)).toContain(victim.ids.userId);
    const keys = await victim.owner.get(`/api/v1/orgs/${victim.orgId}/api-keys`);
    expect(keys.body.items.find((k: { id: string }) => k.id === victim.ids.keyId).revokedAt).toBeNull();
    const invitations = await victim.owner.get(`/api/v1/orgs/${victim.orgId}/invitations`);
    expect(invitations.body.items.map((i: { id: string }) => i.id)).toContain(victim.ids.invitationId);
  });
});

describe("isolation registry", () => {
  it("has no duplicate routes", () => {
    const routes = isolationCases.map((c) => c.route);
    expect(new Set(routes).size).toBe(routes.length);
  });
});
