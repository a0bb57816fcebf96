import { describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp } from "../../../../test/app.js";
import { setupOwner, testPassword, uniqueEmail } from "../../../../test/factories.js";
import { signInLimits } from "./routes.js";

describeEachDatabase("setup and sessions", (dialect) => {
  const t = useTestApp(dialect);

  it("asks for setup on a new instance, then creates the owner and the first organisation once", async () => {
    const anonymous = t.client();
    expect((await anonymous.get("/api/setup")).body).toEqual({ needed: true });
    const { owner, email } = await setupOwner(t, "Tienda Aurora");
    const session = await owner.get("/api/session");
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe(email);
    expect(session.body.organisations).toEqual([expect.objectContaining({ name: "Tienda Aurora", role: "owner" })]);
    expect((await anonymous.get("/api/setup")).body).toEqual({ needed: false });

    const again = await t.client().post("/api/setup", { name: "Eve", email: uniqueEmail(), password: testPassword, organisationName: "X" });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("already_set_up");
  });

  it("sets an HttpOnly SameSite=Lax session cookie and never returns the password hash", async () => {
    const client = t.client();
    const ownerEmail = (await t.ctx.db.kysely.selectFrom("users").select("email").executeTakeFirstOrThrow()).email;
    const reply = await client.post("/api/session", { email: ownerEmail.toUpperCase(), password: testPassword });
    expect(reply.status).toBe(200);
    const cookie = String(reply.headers["set-cookie"]);
    expect(cookie).toMatch(/momentos_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(reply.text).not.toMatch(/scrypt|password/i);
  });

  it("stores only a hash of the session id", async () => {
    const client = t.client();
    const ownerEmail = (await t.ctx.db.kysely.selectFrom("users").select("email").executeTakeFirstOrThrow()).email;
    await client.post("/api/session", { email: ownerEmail, password: testPassword });
    const id = client.cookies.get("momentos_session")!;
    const rows = await t.ctx.db.kysely.selectFrom("sessions").select("id_hash").execute();
    expect(rows.some((r) => r.id_hash === id)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("rejects a wrong password with invalid_credentials, the same as an unknown e-mail", async () => {
    const ownerEmail = (await t.ctx.db.kysely.selectFrom("users").select("email").executeTakeFirstOrThrow()).email;
    const wrong = await t.client().post("/api/session", { email: ownerEmail, password: "not the password" });
    const unknown = await t.client().post("/api/session", { email: "nobody@example.com", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe("invalid_credentials");
    expect(unknown.body).toEqual(wrong.body);
  });

  it("refuses a state change without the CSRF token, and accepts it with the token", async () => {
    const { owner } = { owner: t.client() };
    const ownerEmail = (await t.ctx.db.kysely.selectFrom("users").select("email").executeTakeFirstOrThrow()).email;
    await owner.post("/api/session", { email: ownerEmail, password: testPassword });
    const without = await owner.patch("/api/account", { name: "Olga" }, { "x-csrf-token": "" });
    expect(without.status).toBe(403);
    expect(without.body.code).toBe("csrf_failed");
    const withToken = await owner.patch("/api/account", { name: "Olga Ortega" });
    expect(withToken.status).toBe(200);
    expect(withToken.body.name).toBe("Olga Ortega");
  });

  it("refuses a cross-site request even with a cookie", async () => {
    const owner = t.client();
    const ownerEmail = (await t.ctx.db.kysely.selectFrom("users").select("email").executeTakeFirstOrThrow()).email;
    await owner.post("/api/session", { email: ownerEmail, password: testPassword });
    const reply = await owner.patch("/api/account", { name: "Mallory" }, { origin: "https://evil.example" });
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe("origin_mismatch");
  });

  it("signs out, and the old cookie no longer works", async () => {
    const client = t.client();
    const ownerEmail = (await t.ctx.db.kysely.selectFrom("users").select("email").executeTakeFirstOrThrow()).email;
    await client.post("/api/session", { email: ownerEmail, password: testPassword });
    const cookie = client.cookies.get("momentos_session")!;
    expect((await client.delete("/api/session")).status).toBe(204);
    const stale = t.client();
    stale.cookies.set("momentos_session", cookie);
    expect((await stale.get("/api/session")).status).toBe(401);
  });

  it("signs out everywhere", async () => {
    const ownerEmail = (await t.ctx.db.kysely.selectFrom("users").select("email").executeTakeFirstOrThrow()).email;
    const laptop = t.client();
    const phone = t.client();
    await laptop.post("/api/session", { email: ownerEmail, password: testPassword });
    await phone.post("/api/session", { email: ownerEmail, password: testPassword });
    const reply = await laptop.post("/api/account/sign-out-everywhere");
    expect(reply.status).toBe(200);
    expect(reply.body.ended).toBeGreaterThanOrEqual(2);
    expect((await phone.get("/api/session")).status).toBe(401);
    expect((await laptop.get("/api/session")).status).toBe(401);
  });

  it("expires a session after two idle weeks", async () => {
    const ownerEmail = (await t.ctx.db.kysely.selectFrom("users").select("email").executeTakeFirstOrThrow()).email;
    const client = t.client();
    await client.post("/api/session", { email: ownerEmail, password: testPassword });
    t.clock.advance(15 * 24 * 3600 * 1000);
    expect((await client.get("/api/session")).status).toBe(401);
  });

  it("changes the password: the old one stops working and other sessions end", async () => {
    const { owner } = { owner: t.client() };
    const other = t.client();
    const ownerEmail = (await t.ctx.db.kysely.selectFrom("users").select("email").executeTakeFirstOrThrow()).email;
    await owner.post("/api/session", { email: ownerEmail, password: testPassword });
    await other.post("/api/session", { email: ownerEmail, password: testPassword });
    const wrongCurrent = await owner.post("/api/account/password", { currentPassword: "nope nope nope", newPassword: "a brand new password" });
    expect(wrongCurrent.status).toBe(401);
    const tooShort = await owner.post("/api/account/password", { currentPassword: testPassword, newPassword: "short" });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors[0].field).toBe("body.newPassword");
    expect((await owner.post("/api/account/password", { currentPassword: testPassword, newPassword: "a brand new password" })).status).toBe(204);
    expect((await owner.get("/api/session")).status).toBe(200);
    expect((await other.get("/api/session")).status).toBe(401);
    expect((await t.client().post("/api/session", { email: ownerEmail, password: testPassword })).status).toBe(401);
    expect((await t.client().post("/api/session", { email: ownerEmail, password: "a brand new password" })).status).toBe(200);
    await owner.post("/api/account/password", { currentPassword: "a brand new password", newPassword: testPassword });
  });

  it("rate-limits sign-in per account: after ten failures even the right password gets 429", async () => {
    const ownerEmail = (await t.ctx.db.kysely.selectFrom("users").select("email").executeTakeFirstOrThrow()).email;
    t.clock.advance(signInLimits.windowMs + 1);
    const statuses: number[] = [];
    for (let i = 0; i < signInLimits.perAccount; i++) {
      const client = t.client();
      client.ip = `198.51.100.${i + 1}`;
      statuses.push((await client.post("/api/session", { email: ownerEmail, password: `wrong ${i}` })).status);
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    const blocked = await t.client().post("/api/session", { email: ownerEmail, password: testPassword });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe("rate_limited");
    expect(blocked.headers["retry-after"]).toBeDefined();
    t.clock.advance(signInLimits.windowMs + 1);
    expect((await t.client().post("/api/session", { email: ownerEmail, password: testPassword })).status).toBe(200);
  });

  it("rate-limits sign-in per IP across accounts", async () => {
    t.clock.advance(signInLimits.windowMs + 1);
    const attacker = t.client();
    attacker.ip = "192.0.2.99";
    let last = 0;
    for (let i = 0; i <= signInLimits.perIp; i++) {
      last = (await attacker.post("/api/session", { email: `victim${i}@example.com`, password: "guess guess" })).status;
    }
    expect(last).toBe(429);
  });
});

describe("sign-in limits", () => {
  it("allow ten failures per account and fifty per IP in fifteen minutes", () => {
    expect(signInLimits).toEqual({ windowMs: 15 * 60 * 1000, perAccount: 10, perIp: 50 });
  });
});

describeEachDatabase("sessions behind https", (dialect) => {
  const t = useTestApp(dialect, { env: { BASE_URL: "https://cx.example.com" } });

  it("marks the session cookie Secure and sends HSTS when the public address is https", async () => {
    const client = t.client();
    const reply = await client.post("/api/setup", { name: "Olga", email: uniqueEmail(), password: testPassword, organisationName: "Aurora" }, { origin: "https://cx.example.com" });
    expect(reply.status).toBe(201);
    expect(String(reply.headers["set-cookie"])).toMatch(/;\s*Secure/i);
    expect(String(reply.headers["strict-transport-security"])).toContain("max-age=");
  });
});
