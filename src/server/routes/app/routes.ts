// Serves the dashboard (a built React app) under /app: hashed assets cached for a year, and
// index.html for every other /app path so that the dashboard's own router takes over.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { App } from "../../context.js";

export async function dashboardRoutes(app: App, webDir: string): Promise<void> {
  const indexFile = join(webDir, "index.html");
  const built = existsSync(indexFile);
  const index = built ? readFileSync(indexFile) : null;

  if (built) {
    await app.register(fastifyStatic, {
      root: join(webDir, "assets"),
      prefix: "/app/assets/",
      immutable: true,
      maxAge: "365d",
      index: false,
      wildcard: true,
    });
  }

  const sendIndex = async (_request: unknown, reply: import("fastify").FastifyReply) => {
    if (!index) {
      return reply
        .code(503)
        .type("text/html; charset=utf-8")
        .send("<!doctype html><title>Momentos</title><p>The dashboard is not built yet. Run <code>npm run build</code>.</p>");
    }
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(index);
  };
  app.get("/", { schema: { hide: true } }, async (_request, reply) => reply.redirect("/app/"));
  app.get("/app", { schema: { hide: true } }, sendIndex);
  app.get("/app/", { schema: { hide: true } }, sendIndex);
  app.get("/app/*", { schema: { hide: true } }, sendIndex);
}
