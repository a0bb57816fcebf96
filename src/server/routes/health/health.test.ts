import { expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp } from "../../../../test/app.js";

describeEachDatabase("health, headers and the OpenAPI document", (dialect) => {
  const t = useTestApp(dialect);

  it("answers /healthz, and /readyz after checking the database", async () => {
    const client = t.client();
    expect((await client.get("/healthz")).body).toEqual({ status: "ok" });
    expect((await client.get("/readyz")).body).toEqual({ status: "ready", database: dialect });
  });

  it("answers /readyz with 503 while shutting down", async () => {
    t.ctx.ready.value = false;
    try {
      const reply = await t.client().get("/readyz");
      expect(reply.status).toBe(503);
      expect(reply.body.code).toBe("not_ready");
    } finally {
      t.ctx.ready.value = true;
    }
  });

  it("sends a strict Content-Security-Policy and security headers with every HTML page", async () => {
    const reply = await t.client().get("/app/");
    const csp = String(reply.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(reply.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("serves an OpenAPI 3.1 document that describes every /api/v1 route", async () => {
    const reply = await t.client().get("/api/openapi.json");
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe("3.1.0");
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(reply.body.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`);
    }
    const routes = t.app.routeTable.filter((r) => r.url.startsWith("/api/v1/")).map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
    expect(reply.body.components.securitySchemes.apiKey.scheme).toBe("bearer");
  });

  it("serves the API documentation at /api/docs", async () => {
    const reply = await t.client().get("/api/docs/");
    expect([200, 302]).toContain(reply.status);
    const page = reply.status === 302 ? await t.client().get(String(reply.headers.location)) : reply;
    expect(page.text).toMatch(/swagger/i);
  });
});
