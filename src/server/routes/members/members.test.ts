import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { addMember, makeOrganisation, setupOwner, testPassword, uniqueEmail } from "../../../../test/factories.js";

describeEachDatabase("members, invitations and roles", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let orgId = "";

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t));
  });

  it("invites by a link shown once; the invitee creates an account and joins with the role", async () => {
    const created = await owner.post(`/api/v1/orgs/${orgId}/invitations`, { role: "analyst", email: "Ana@Example.com" });
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^http:\/\/momentos\.test\/app\/invite\/[\w-]{20,}$/);
    expect(created.body.email).toBe("ana@example.com");
    const token = created.body.url.split("/").pop();
    const pending = await owner.get(`/api/v1/orgs/${orgId}/invitations`);
    expect(pending.body.items).toHaveLength(1);
    expect(JSON.stringify(pending.body)).not.toContain(token);

    const invitee = t.client();
    const preview = await invitee.get(`/api/invitations/${token}`);
    expect(preview.body).toEqual({
      organisationName: "Tienda Aurora",
      role: "analyst",
      email: "ana@example.com",
      expiresAt: new Date(t.clock.now + 7 * 24 * 3600 * 1000).toISOString(),
    });
    const wrongEmail = await invitee.post("/api/invitations/accept", { token, name: "Ana", email: "other@example.com", password: testPassword });
    expect(wrongEmail.status).toBe(400);
    const accepted = await invitee.post("/api/invitations/accept", { token, name: "Ana", email: "ana@example.com", password: testPassword });
    expect(accepted.status).toBe(200);
    expect(accepted.body.organisations).toEqual([expect.objectContaining({ id: orgId, role: "analyst" })]);

    const reused = await t.client().post("/api/invitations/accept", { token, name: "Eve", email: uniqueEmail(), password: testPassword });
    expect(reused.status).toBe(410);
    expect(reused.body.code).toBe("invitation_invalid");
    expect((await owner.get(`/api/v1/orgs/${orgId}/invitations`)).body.items).toHaveLength(0);
  });

  it("lets a signed-in person of another organisation accept with their account and switch between both", async () => {
    const secondOrg = await makeOrganisation(t, owner, "Banco Sol");
    const { client: member } = await addMember(t, owner, secondOrg, "viewer");
    const invitation = await owner.post(`/api/v1/orgs/${orgId}/invitations`, { role: "admin" });
    const token = invitation.body.url.split("/").pop();
    const accepted = await member.post("/api/invitations/accept", { token });
    expect(accepted.status).toBe(200);
    const orgs = (await member.get("/api/v1/orgs")).body.items;
    expect(orgs.map((o: { name: string; role: string }) => [o.name, o.role])).toEqual([
      ["Banco Sol", "viewer"],
      ["Tienda Aurora", "admin"],
    ]);
    const again = await owner.post(`/api/v1/orgs/${orgId}/invitations`, { role: "viewer" });
    const duplicate = await member.post("/api/invitations/accept", { token: again.body.url.split("/").pop() });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe("already_member");
  });

  it("refuses an expired or revoked invitation", async () => {
    const expiring = await owner.post(`/api/v1/orgs/${orgId}/invitations`, { role: "viewer" });
    const revoked = await owner.post(`/api/v1/orgs/${orgId}/invitations`, { role: "viewer" });
    expect((await owner.delete(`/api/v1/orgs/${orgId}/invitations/${revoked.body.id}`)).status).toBe(204);
    const revokedToken = revoked.body.url.split("/").pop();
    expect((await t.client().get(`/api/invitations/${revokedToken}`)).status).toBe(410);
    t.clock.advance(8 * 24 * 3600 * 1000);
    const expiredToken = expiring.body.url.split("/").pop();
    const reply = await t.client().post("/api/invitations/accept", { token: expiredToken, name: "Late", email: uniqueEmail(), password: testPassword });
    expect(reply.status).toBe(410);
    expect((await t.client().get(`/api/invitations/unknown-token-123456`)).status).toBe(404);
  });

  it("enforces roles on the server: viewer reads, analyst exports, admin configures, owner manages members", async () => {
    const viewer = (await addMember(t, owner, orgId, "viewer")).client;
    const analyst = (await addMember(t, owner, orgId, "analyst")).client;
    const admin = (await addMember(t, owner, orgId, "admin")).client;

    for (const client of [viewer, analyst, admin, owner]) expect((await client.get(`/api/v1/orgs/${orgId}/members`)).status).toBe(200);

    for (const client of [viewer, analyst]) {
      expect((await client.patch(`/api/v1/orgs/${orgId}`, { name: "Nope" })).status).toBe(403);
      expect((await client.get(`/api/v1/orgs/${orgId}/api-keys`)).status).toBe(403);
      expect((await client.post(`/api/v1/orgs/${orgId}/api-keys`, { name: "k", scope: "read" })).status).toBe(403);
    }
    expect((await admin.patch(`/api/v1/orgs/${orgId}`, { name: "Tienda Aurora" })).status).toBe(200);
    expect((await admin.post(`/api/v1/orgs/${orgId}/api-keys`, { name: "k", scope: "read" })).status).toBe(201);

    for (const client of [viewer, analyst, admin]) {
      const invite = await client.post(`/api/v1/orgs/${orgId}/invitations`, { role: "viewer" });
      expect(invite.status).toBe(403);
      expect(invite.body.code).toBe("forbidden");
      expect((await client.delete(`/api/v1/orgs/${orgId}`)).status).toBe(403);
    }
  });

  it("changes a role and removes a member, but never the last owner", async () => {
    const { client: person, userId } = await addMember(t, owner, orgId, "viewer");
    const promoted = await owner.patch(`/api/v1/orgs/${orgId}/members/${userId}`, { role: "admin" });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe("admin");
    expect((await person.get(`/api/v1/orgs/${orgId}/api-keys`)).status).toBe(200);

    const me = (await owner.get("/api/session")).body.user.id;
    const demoteSelf = await owner.patch(`/api/v1/orgs/${orgId}/members/${me}`, { role: "admin" });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.code).toBe("last_owner");
    expect((await owner.delete(`/api/v1/orgs/${orgId}/members/${me}`)).body.code).toBe("last_owner");

    const badRole = await owner.patch(`/api/v1/orgs/${orgId}/members/${userId}`, { role: "emperor" });
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0].field).toBe("body.role");

    expect((await owner.delete(`/api/v1/orgs/${orgId}/members/${userId}`)).status).toBe(204);
    expect((await person.get(`/api/v1/orgs/${orgId}`)).status).toBe(404);
    expect((await owner.delete(`/api/v1/orgs/${orgId}/members/${userId}`)).status).toBe(404);
  });

  it("lets a member leave an organisation by themselves", async () => {
    const { client: person, userId } = await addMember(t, owner, orgId, "viewer");
    expect((await person.delete(`/api/v1/orgs/${orgId}/members/${userId}`)).status).toBe(204);
    expect((await person.get("/api/v1/orgs")).body.items).toEqual([]);
  });

  it("records member changes in the audit trail, readable by admins", async () => {
    const events = await owner.get(`/api/v1/orgs/${orgId}/audit-events?limit=100`);
    expect(events.status).toBe(200);
    const actions = events.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["invitation.created", "member.joined", "member.role_changed", "member.removed", "member.left"]));
    expect((await owner.get(`/api/v1/orgs/${orgId}/audit-events?limit=1000`)).status).toBe(400);
  });

  it("creates another organisation whose creator is its owner, and deletes it with everything in it", async () => {
    const created = await owner.post("/api/v1/orgs", { name: "  Hotel Brisa  " });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ name: "Hotel Brisa", role: "owner" }));
    const newOrg = created.body.id;
    await owner.post(`/api/v1/orgs/${newOrg}/api-keys`, { name: "k", scope: "write" });
    const { client: admin } = await addMember(t, owner, newOrg, "admin");
    expect((await admin.delete(`/api/v1/orgs/${newOrg}`)).status).toBe(403);
    expect((await owner.delete(`/api/v1/orgs/${newOrg}`)).status).toBe(204);
    expect((await owner.get(`/api/v1/orgs/${newOrg}`)).status).toBe(404);
    const leftovers = await t.ctx.db.kysely.selectFrom("api_keys").select("id").where("organisation_id", "=", newOrg).execute();
    expect(leftovers).toEqual([]);
  });
});
