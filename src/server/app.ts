// Builds the Momentos HTTP app (without listening): security headers, problem documents,
// authentication, the OpenAPI document and every route. Tests and main.ts both call buildApp.
import Fastify, { type FastifyServerOptions } from "fastify";
import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext, App } from "./context.js";
import { handleError, sendProblem } from "./errors.js";
import { computeSecurityHeaders } from "./security-headers.js";
import { registerPrincipal, csrfHeader, sessionCookie } from "./auth/principal.js";
import { healthRoutes } from "./routes/health/routes.js";
import { sessionRoutes } from "./routes/session/routes.js";
import { organisationRoutes } from "./routes/organisations/routes.js";
import { memberRoutes } from "./routes/members/routes.js";
import { apiKeyRoutes } from "./routes/api-keys/routes.js";
import { auditRoutes } from "./routes/audit/routes.js";
import { journeyRoutes } from "./routes/journeys/routes.js";
import { formRoutes } from "./routes/forms/routes.js";
import { widgetRoutes } from "./routes/forms/widget-routes.js";
import { dashboardRoutes } from "./routes/app/routes.js";
import { webBuildDir } from "./paths.js";
import { createIngestor, type IngestOptions, type Ingestor } from "./ingest/ingestor.js";
import { publicFormRoutes } from "./routes/public-form/routes.js";
import { responseRoutes } from "./routes/responses/routes.js";
import { scoreRoutes } from "./routes/scores/routes.js";
import { startTextServices, type TextJobOptions } from "./jobs/index.js";
import { textRoutes } from "./routes/text/routes.js";
import { voiceRoutes } from "./routes/voice/routes.js";
import { verbatimRoutes } from "./routes/verbatims/routes.js";
import { exportRoutes } from "./routes/exports/routes.js";

export interface RouteSummary {
  method: string;
  url: string;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route of the app, as registered (the tenant-isolation suite checks each one). */
    routeTable: RouteSummary[];
    /** The app's one ingestion service (forgetTouchpoint after saving a form applies the change at once). */
    ingestor: Ingestor;
  }
}

export interface BuildOptions {
  /** Fastify logger setting; tests pass false. */
  logger?: FastifyServerOptions["logger"];
  /** Where the built dashboard lives (default dist/web). */
  webDir?: string;
  /** Ingestion settings (rate limits, group commit, form cache); the defaults suit production. */
  ingest?: Partial<IngestOptions>;
  /** Text analysis jobs (analysis on arrival, model training); the defaults suit production. */
  text?: Partial<TextJobOptions>;
}

/** The largest JSON body any route accepts unless it says otherwise. */
export const defaultBodyLimit = 256 * 1024;

/** The Content-Security-Policy of every HTML page Momentos serves. */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel, redact: ["req.headers.authorization", "req.headers.cookie"] },
    // Fastify accepts a hop count too; its typings omit it.
    trustProxy: ctx.config.trustProxy as FastifyServerOptions["trustProxy"],
    bodyLimit: defaultBodyLimit,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  const routeTable: RouteSummary[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routeTable.push({ method, url: route.url });
    }
  });
  app.decorate("routeTable", routeTable);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, "route_not_found", `${request.method} ${request.url.split("?")[0]}`));

  const securityHeaders = computeSecurityHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    crossOriginEmbedderPolicy: false,
    hsts: ctx.config.baseUrl.protocol === "https:" ? { maxAge: 31536000 } : false,
  });
  // Routes that need another policy (the public form, the QR card, the API docs) set their own afterwards.
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of securityHeaders) reply.header(name, value);
    done();
  });
  // Cookies are parsed for /api requests only, by registerPrincipal: nothing else reads them.
  await app.register(fastifyCookie, { hook: false });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Momentos API",
        version: "1",
        description:
          "The Momentos REST API. Programs authenticate with an API key (`Authorization: Bearer mk_…`); the dashboard uses a session cookie plus the `X-CSRF-Token` header on every change. Errors are `application/problem+json` documents with a stable `code`.",
      },
      servers: [{ url: ctx.config.baseUrl.origin }],
      components: {
        securitySchemes: {
          apiKey: { type: "http", scheme: "bearer", description: "An organisation's API key, mk_…" },
          session: { type: "apiKey", in: "cookie", name: sessionCookie },
          csrf: { type: "apiKey", in: "header", name: csrfHeader },
        },
      },
      security: [{ apiKey: [] }, { session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true, uiConfig: { deepLinking: true } });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  // While shutting down, every response closes its connection, so that keep-alive clients let go.
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (!ctx.ready.value) reply.header("connection", "close");
    done(null, payload);
  });

  registerPrincipal(app, ctx);
  healthRoutes(app, ctx);
  sessionRoutes(app, ctx);
  organisationRoutes(app, ctx);
  memberRoutes(app, ctx);
  apiKeyRoutes(app, ctx);
  auditRoutes(app, ctx);
  journeyRoutes(app, ctx);

  // One ingestor per app; closing the app stores what is queued and writes the counted drops.
  // Text analysis runs beside ingestion: each stored comment kicks the analysis job, off the write path
  // (answers without one give it nothing to do; its poll catches everything else within a second).
  const text = startTextServices(ctx, app.log, options.text);
  app.decorate("text", text);
  const onStored = options.ingest?.onStored;
  const ingestor = createIngestor(ctx, app.log, {
    ...options.ingest,
    onStored: (stored) => {
      onStored?.(stored);
      if (stored.withComment) text.analysis.kick();
    },
  });
  app.decorate("ingestor", ingestor);
  app.addHook("onClose", async () => {
    await ingestor.close();
    await text.stop();
  });
  await publicFormRoutes(app, ctx, ingestor);
  responseRoutes(app, ctx, ingestor);
  scoreRoutes(app, ctx);
  textRoutes(app, ctx, text);
  await voiceRoutes(app, ctx, text);
  verbatimRoutes(app, ctx);
  exportRoutes(app, ctx);
  formRoutes(app, ctx);
  widgetRoutes(app);
  await dashboardRoutes(app, options.webDir ?? webBuildDir);

  return app;
}
