// Bad input never crashes the server: each of these gets a 4xx problem document, and the app keeps serving.
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "./db.js";
import { useTestApp, type Client } from "./app.js";
import { setupOwner } from "./factories.js";

describeEachDatabase("hardening", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let orgId = "";

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t));
  });

  async function expectProblem(reply: { status: number; headers: Record<string, unknown>; body: any }, status: number, code: string) {
    expect(reply.status).toBe(status);
    expect(String(reply.headers["content-type"])).toMatch(/^application\/problem\+json/);
    expect(reply.body.code).toBe(code);
    expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.(ts|js):\d+|select |insert |sqlite|postgres/i);
    // …and the server still answers.
    expect((await owner.get("/api/session")).status).toBe(200);
  }

  it("answers malformed JSON with malformed_json", async () => {
    await expectProblem(await owner.request("PATCH", "/api/account", '{"name": "Olga"', { "content-type": "application/json" }), 400, "malformed_json");
  });

  it("answers a 1 MB body with body_too_large", async () => {
    const huge = JSON.stringify({ name: "x".repeat(1024 * 1024) });
    await expectProblem(await owner.request("PATCH", "/api/account", huge, { "content-type": "application/json" }), 413, "body_too_large");
  });

  it("answers a wrong content type with unsupported_media_type", async () => {
    await expectProblem(await owner.request("PATCH", "/api/account", "name=Olga", { "content-type": "application/x-www-form-urlencoded" }), 415, "unsupported_media_type");
    await expectProblem(await owner.request("PATCH", "/api/account", "<xml/>", { "content-type": "text/xml" }), 415, "unsupported_media_type");
  });

  it("answers an unknown route with route_not_found", async () => {
    await expectProblem(await owner.get("/api/v1/nothing-here"), 404, "route_not_found");
    await expectProblem(await owner.request("PUT", "/api/session", {}), 404, "route_not_found");
  });

  it("answers a missing CSRF token with csrf_failed and changes nothing", async () => {
    const before = (await owner.get(`/api/v1/orgs/${orgId}`)).body.name;
    await expectProblem(await owner.patch(`/api/v1/orgs/${orgId}`, { name: "Changed" }, { "x-csrf-token": "" }), 403, "csrf_failed");
    expect((await owner.get(`/api/v1/orgs/${orgId}`)).body.name).toBe(before);
  });

  it("answers ten wrong passwords with problems, then rate_limited", async () => {
    const email = (await owner.get("/api/session")).body.user.email;
    const attacker = t.client();
    attacker.ip = "192.0.2.200";
    for (let i = 0; i < 10; i++) await expectProblem(await attacker.post("/api/session", { email, password: `wrong-${i}` }), 401, "invalid_credentials");
    await expectProblem(await attacker.post("/api/session", { email, password: "wrong again" }), 429, "rate_limited");
  });

  it("answers wrong types and unknown enum values with the fields at fault", async () => {
    const reply = await owner.post(`/api/v1/orgs/${orgId}/invitations`, { role: 42, email: "not-an-email" });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe("validation_failed");
    expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["body.email", "body.role"]);
  });

  it("answers an empty body on a JSON route with a problem", async () => {
    const reply = await owner.request("POST", `/api/v1/orgs/${orgId}/invitations`, "", { "content-type": "application/json" });
    expect(reply.status).toBe(400);
    expect(["empty_body", "validation_failed"]).toContain(reply.body.code);
  });

  it("answers an unexpected failure with internal_error and no detail", async () => {
    // Break the database under the app: the next query fails with an SQL error that must not leak.
    await t.ctx.db.kysely.schema.alterTable("api_keys").renameTo("api_keys_moved").execute();
    try {
      const reply = await owner.get(`/api/v1/orgs/${orgId}/api-keys`);
      await expectProblem(reply, 500, "internal_error");
    } finally {
      await t.ctx.db.kysely.schema.alterTable("api_keys_moved").renameTo("api_keys").execute();
    }
  });
});
