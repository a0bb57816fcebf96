import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { setupOwner } from "../../../../test/factories.js";
import { hashSecret } from "../../../db/ids.js";

describeEachDatabase("API keys", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let orgId = "";

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t));
  });

  it("shows a new key once, stores only its hash, and lists it without the secret", async () => {
    const created = await owner.post(`/api/v1/orgs/${orgId}/api-keys`, { name: "Zendesk", scope: "write" });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^mk_[\w-]{20,}$/);
    const row = await t.ctx.db.kysely.selectFrom("api_keys").selectAll().where("id", "=", created.body.id).executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashSecret(key));
    expect(JSON.stringify(row)).not.toContain(key);
    const listed = await owner.get(`/api/v1/orgs/${orgId}/api-keys`);
    expect(listed.text).not.toContain(key);
    expect(listed.body.items[0]).toEqual(
      expect.objectContaining({ name: "Zendesk", scope: "write", prefix: key.slice(0, 10), lastUsedAt: null, revokedAt: null }),
    );
  });

  it("acts for its organisation within its scope, and records when it was last used", async () => {
    const read = await owner.post(`/api/v1/orgs/${orgId}/api-keys`, { name: "BI", scope: "read" });
    const program = t.client().withApiKey(read.body.key);
    const org = await program.get(`/api/v1/orgs/${orgId}`);
    expect(org.status).toBe(200);
    expect(org.body.role).toBeNull();
    expect((await program.get("/api/v1/orgs")).body.items.map((o: { id: string }) => o.id)).toEqual([orgId]);
    expect((await program.get(`/api/v1/orgs/${orgId}/members`)).status).toBe(200);
    const rename = await program.patch(`/api/v1/orgs/${orgId}`, { name: "Hacked" });
    expect(rename.status).toBe(403);
    expect((await program.get("/api/session")).status).toBe(403);
    const listed = await owner.get(`/api/v1/orgs/${orgId}/api-keys`);
    expect(listed.body.items.find((k: { id: string }) => k.id === read.body.id).lastUsedAt).toBe(new Date(t.clock.now).toISOString());
  });

  it("cannot create keys, invite or delete the organisation, whatever its scope", async () => {
    const write = await owner.post(`/api/v1/orgs/${orgId}/api-keys`, { name: "CRM", scope: "write" });
    const program = t.client().withApiKey(write.body.key);
    expect((await program.post(`/api/v1/orgs/${orgId}/api-keys`, { name: "x", scope: "write" })).status).toBe(403);
    expect((await program.post(`/api/v1/orgs/${orgId}/invitations`, { role: "owner" })).status).toBe(403);
    expect((await program.delete(`/api/v1/orgs/${orgId}`)).status).toBe(403);
  });

  it("stops working once revoked", async () => {
    const created = await owner.post(`/api/v1/orgs/${orgId}/api-keys`, { name: "Old", scope: "read" });
    const program = t.client().withApiKey(created.body.key);
    expect((await program.get(`/api/v1/orgs/${orgId}`)).status).toBe(200);
    expect((await owner.delete(`/api/v1/orgs/${orgId}/api-keys/${created.body.id}`)).status).toBe(204);
    const denied = await program.get(`/api/v1/orgs/${orgId}`);
    expect(denied.status).toBe(401);
    expect(denied.body.code).toBe("invalid_api_key");
    expect((await owner.delete(`/api/v1/orgs/${orgId}/api-keys/${created.body.id}`)).status).toBe(404);
  });

  it("rejects malformed and unknown keys with invalid_api_key", async () => {
    for (const header of ["Bearer nope", "Bearer mk_unknownunknownunknown", "Basic abc", "Bearer"]) {
      const reply = await t.client().get(`/api/v1/orgs/${orgId}`, { authorization: header });
      expect(reply.status, header).toBe(401);
      expect(reply.body.code).toBe("invalid_api_key");
    }
  });

  it("validates the name and scope, listing the fields", async () => {
    const reply = await owner.post(`/api/v1/orgs/${orgId}/api-keys`, { name: "", scope: "admin" });
    expect(reply.status).toBe(400);
    expect(reply.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["body.name", "body.scope"]);
  });
});
