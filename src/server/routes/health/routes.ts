// Liveness and readiness for load balancers and orchestrators.
import { z } from "zod";
import type { App, AppContext } from "../../context.js";
import { sendProblem } from "../../errors.js";

export function healthRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/healthz",
    { schema: { hide: true, response: { 200: z.object({ status: z.literal("ok") }) } }, logLevel: "warn" },
    async () => ({ status: "ok" as const }),
  );

  app.get("/readyz", { schema: { hide: true }, logLevel: "warn" }, async (request, reply) => {
    if (!ctx.ready.value) return sendProblem(reply, "not_ready", "shutting down");
    try {
      await ctx.db.ping();
      return { status: "ready", database: ctx.db.dialect };
    } catch (error) {
      request.log.error({ err: error }, "database is not answering");
      return sendProblem(reply, "not_ready", "the database is not answering");
    }
  });
}
