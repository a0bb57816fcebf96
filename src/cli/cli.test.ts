import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase, testDatabases } from "../../test/db.js";
import { runCli, startServerProcess, tempDataDir, type ServerProcess } from "../../test/process.js";

describe("the momentos command", () => {
  const servers: ServerProcess[] = [];
  afterAll(() => {
    for (const server of servers) server.child.kill("SIGKILL");
  });

  it("lists its commands with --help", async () => {
    const result = await runCli(["--help"], {});
    expect(result.code).toBe(0);
    for (const command of ["serve", "migrate", "create-user", "api-key"]) expect(result.stdout).toContain(command);
  });

  it("migrates an empty database and says when it is up to date", async () => {
    const env = { DATA_DIR: tempDataDir() };
    const first = await runCli(["migrate"], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("0001-foundation");
    expect(existsSync(join(env.DATA_DIR, "momentos.db"))).toBe(true);
    expect((await runCli(["migrate"], env)).stdout).toContain("up to date");
  });

  it.runIf(testDatabases.includes("postgres"))("migrates PostgreSQL on start when DATABASE_URL points to it, and serves from it", async () => {
    const database = await createEmptyPostgresDatabase();
    try {
      const server = await startServerProcess({ DATA_DIR: tempDataDir(), DATABASE_URL: database.url });
      servers.push(server);
      expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: "ready", database: "postgres" });
      expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needed: true });
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      expect((await runCli(["migrate"], { DATA_DIR: tempDataDir(), DATABASE_URL: database.url })).stdout).toContain("up to date");
    } finally {
      await database.drop();
    }
  });

  it("stops with every configuration problem listed", async () => {
    const result = await runCli(["migrate"], { DATA_DIR: tempDataDir(), PORT: "x", LOG_LEVEL: "loud" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("PORT");
    expect(result.stderr).toContain("LOG_LEVEL");
  });

  it("creates a member without printing a secret, then an API key printed once, which works", async () => {
    const env = { DATA_DIR: tempDataDir() };
    const password = "automation password 1";
    const created = await runCli(["create-user", "--email", "Bot@Example.com", "--name", "Ops", "--role", "owner", "--new-org", "Aurora"], env, `${password}\n`);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout + created.stderr).not.toContain(password);
    const { organisationId, email, role } = JSON.parse(created.stdout);
    expect(email).toBe("bot@example.com");
    expect(role).toBe("owner");

    const shortPassword = await runCli(["create-user", "--email", "x@example.com", "--name", "X", "--org", organisationId], { ...env, MOMENTOS_PASSWORD: "short" });
    expect(shortPassword.code).toBe(1);

    const key = await runCli(["api-key", "create", "--org", organisationId, "--name", "ETL", "--scope", "read"], env);
    expect(key.code, key.stderr).toBe(0);
    const plain = key.stdout.trim();
    expect(plain).toMatch(/^mk_/);
    expect(key.stderr).toContain("only once");

    const reset = await runCli(["reset-password", "--email", "bot@example.com"], env, "a forgotten password\n");
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).not.toContain("a forgotten password");
    expect((await runCli(["reset-password", "--email", "nobody@example.com"], env, "a forgotten password\n")).code).toBe(1);

    const server = await startServerProcess(env);
    servers.push(server);
    const org = await fetch(`${server.url}/api/v1/orgs/${organisationId}`, { headers: { authorization: `Bearer ${plain}` } });
    expect(org.status).toBe(200);
    expect((await org.json()).name).toBe("Aurora");
    // Setup is done: the wizard is not offered to strangers.
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needed: false });
    const signIn = await fetch(`${server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "bot@example.com", password: "a forgotten password" }),
    });
    expect(signIn.status).toBe(200);
  }, 90_000); // six processes started one after another: each tsx start takes 1–2 s on a quiet machine, several times that while other test files run

  it("finishes requests in flight on SIGTERM, then exits cleanly", async () => {
    const server = await startServerProcess({ DATA_DIR: tempDataDir() });
    servers.push(server);
    // A sign-in takes a few hundred milliseconds (scrypt): it is in flight when the signal arrives.
    const inFlight = fetch(`${server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nobody@example.com", password: "some password here" }),
    });
    await new Promise((r) => setTimeout(r, 30));
    server.child.kill("SIGTERM");
    const reply = await inFlight;
    expect(reply.status).toBe(401);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("shutting down");
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
