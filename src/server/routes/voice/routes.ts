// Importing voice of the customer: files (CSV or JSON lines, streamed from the raw request body, never
// buffered whole), the JSON API for batches of items, and the imports with their progress and report.
// A file can be sent in one request (POST …/voice/imports with Content-Type text/csv or
// application/x-ndjson) or in two (POST the import's description as JSON, then PUT its content), so
// that the dashboard knows the import's id and polls its progress while the file uploads.
import type { Readable } from "node:stream";
import { z } from "zod";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { importFormats, importKinds, importListOut, importOut, importQuery, voiceItemsRequest, voiceSources } from "../../../core/voice/schema.js";
import { getImport, listImports, touchpointDirectory } from "../../../db/queries/voice.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation } from "../../auth/principal.js";
import type { TextServices } from "../../jobs/index.js";
import { createImport, importJsonItems, presentImport, runImport } from "../../jobs/voice-import.js";
import { orgParams, problemResponses } from "../openapi.js";

/** Importing is sending data: admins and owners, and API keys with scope write. */
const importData = "write" as const;
const readImports = "read" as const;

const streamTypes = ["text/csv", "application/csv", "application/x-ndjson", "application/jsonl", "application/x-jsonlines"];
const formatOfType = (contentType: string | undefined): "csv" | "jsonl" | null => {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/csv" || type === "application/csv") return "csv";
  if (type === "application/x-ndjson" || type === "application/jsonl" || type === "application/x-jsonlines") return "jsonl";
  return null;
};

const importParams = orgParams.extend({ importId: z.string().min(1).max(64) });

const createImportBody = z.object({
  kind: z.enum(importKinds).default("voice"),
  format: z.enum(importFormats.filter((f) => f !== "json") as ["csv", "jsonl"]),
  touchpointId: z.string().min(1).max(64).optional(),
  fileName: z.string().max(200).optional(),
  bytesTotal: z.number().int().min(0).max(1024 * 1024 * 1024).optional().describe("The file's size, for progress."),
  source: z.enum(voiceSources).optional(),
});

const streamQuery = importQuery.extend({ bytesTotal: z.coerce.number().int().min(0).optional() });

export async function voiceRoutes(root: App, ctx: AppContext, services: TextServices): Promise<void> {
  const db = ctx.db.kysely;

  /** The file's touchpoint, when given, must be one of the organisation's (rows may name their own). */
  async function checkTouchpoint(orgId: string, touchpointId: string | undefined): Promise<void> {
    if (!touchpointId) return;
    const { byId } = await touchpointDirectory(db, orgId);
    if (!byId.has(touchpointId)) throw problem("validation_failed", undefined, { errors: [{ field: "touchpointId", message: "is not a touchpoint of this organisation" }] });
  }

  // Raw request bodies (files) stay streams: only within this scope, so no other route accepts them.
  await root.register(async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.addContentTypeParser(streamTypes, (_request, payload, done) => done(null, payload));

    app.post(
      "/api/v1/orgs/:orgId/voice/imports",
      {
        schema: {
          tags: ["voice"],
          summary: "Import a file of voice items or NPS answers (or create an import to upload next)",
          description:
            "Send the file as the raw body with `Content-Type: text/csv` or `application/x-ndjson` (JSON lines), the options in the query: it is streamed, checked row by row, and the answer is the import's report (**201**). " +
            "Or send `application/json` describing the import (**201**, status `waiting`), then PUT its content to …/imports/{importId}/content while polling GET …/imports/{importId} for progress. " +
            "Kinds: `voice` (reviews, social posts, tickets, chats: source, text, date, rating, author, url, id, language, touchpoint), `nps` (score 0–10, comment, date, e-mail or customer reference), `delighted` (Delighted's CSV export). See docs/import.md.",
          params: orgParams,
          querystring: streamQuery,
          response: { 201: importOut, ...problemResponses(400, 401, 403, 404, 415) },
        },
      },
      async (request, reply) => {
        const access = await requireOrganisation(request, ctx, request.params.orgId, importData);
        const orgId = request.params.orgId;
        const format = formatOfType(request.headers["content-type"]);
        if (format === null) {
          const parsed = createImportBody.safeParse(request.body);
          if (!parsed.success) {
            throw problem("validation_failed", undefined, { errors: parsed.error.issues.map((i) => ({ field: `body.${i.path.join(".")}`, message: i.message })) });
          }
          await checkTouchpoint(orgId, parsed.data.touchpointId);
          const row = await createImport(
            db,
            {
              organisationId: orgId,
              kind: parsed.data.kind,
              format: parsed.data.format,
              touchpointId: parsed.data.touchpointId,
              fileName: parsed.data.fileName,
              bytesTotal: parsed.data.bytesTotal,
              createdBy: access.actor.userId,
              status: "waiting",
            },
            ctx.clock(),
          );
          // The source default travels in the report until the content arrives.
          if (parsed.data.source) await db.updateTable("voice_imports").set({ report: JSON.stringify({ rejections: [], truncated: false, source: parsed.data.source }) }).where("id", "=", row.id).execute();
          return reply.code(201).send(presentImport(row));
        }
        const q = request.query;
        await checkTouchpoint(orgId, q.touchpointId);
        const length = Number(request.headers["content-length"]);
        const row = await createImport(
          db,
          {
            organisationId: orgId,
            kind: q.kind,
            format,
            touchpointId: q.touchpointId,
            fileName: q.fileName,
            bytesTotal: q.bytesTotal ?? (Number.isSafeInteger(length) && length > 0 ? length : undefined),
            createdBy: access.actor.userId,
          },
          ctx.clock(),
        );
        const final = await runImport(services.importDeps, row, request.body as Readable, { source: q.source });
        return reply.code(201).send(presentImport(final));
      },
    );

    app.put(
      "/api/v1/orgs/:orgId/voice/imports/:importId/content",
      {
        schema: {
          tags: ["voice"],
          summary: "Upload the file of an import created as waiting",
          description: "The raw file, `Content-Type: text/csv` or `application/x-ndjson`, matching the import's format. Answers the import's report when the file is read.",
          params: importParams,
          response: { 200: importOut, ...problemResponses(400, 401, 403, 404, 409, 415) },
        },
      },
      async (request) => {
        await requireOrganisation(request, ctx, request.params.orgId, importData);
        const row = await getImport(db, request.params.orgId, request.params.importId);
        if (!row) throw problem("not_found");
        const format = formatOfType(request.headers["content-type"]);
        if (format === null) throw problem("unsupported_media_type", "Send the file as text/csv or application/x-ndjson.");
        if (format !== row.format) throw problem("validation_failed", undefined, { errors: [{ field: "content-type", message: `this import expects ${row.format}` }] });
        // Claim it: only one upload per import.
        const claimed = await db
          .updateTable("voice_imports")
          .set({ status: "running", updated_at: ctx.clock() })
          .where("id", "=", row.id)
          .where("organisation_id", "=", row.organisation_id)
          .where("status", "=", "waiting")
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) throw problem("limit_reached", "This import's file was already uploaded.");
        const report = JSON.parse(row.report) as { source?: (typeof voiceSources)[number] };
        const final = await runImport(services.importDeps, { ...row, status: "running" }, request.body as Readable, { source: report.source });
        return presentImport(final);
      },
    );
  });

  root.get(
    "/api/v1/orgs/:orgId/voice/imports",
    {
      schema: {
        tags: ["voice"],
        summary: "The organisation's latest imports",
        params: orgParams,
        response: { 200: importListOut, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await requireOrganisation(request, ctx, request.params.orgId, readImports);
      return { imports: (await listImports(db, request.params.orgId)).map(presentImport) };
    },
  );

  root.get(
    "/api/v1/orgs/:orgId/voice/imports/:importId",
    {
      schema: {
        tags: ["voice"],
        summary: "One import: status, progress, counts and rejected rows",
        params: importParams,
        response: { 200: importOut, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await requireOrganisation(request, ctx, request.params.orgId, readImports);
      const row = await getImport(db, request.params.orgId, request.params.importId);
      if (!row) throw problem("not_found");
      return presentImport(row);
    },
  );

  root.post(
    "/api/v1/orgs/:orgId/voice/items",
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ["voice"],
        summary: "Send up to 1,000 voice items (reviews, social posts, tickets, chats)",
        description: "Each item is checked on its own; the answer is an import report (accepted, rejected with reasons, duplicates). Items are analysed before the answer.",
        params: orgParams,
        body: voiceItemsRequest,
        response: { 201: importOut, ...problemResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, importData);
      const orgId = request.params.orgId;
      await checkTouchpoint(orgId, request.body.touchpointId);
      const row = await createImport(db, { organisationId: orgId, kind: "voice", format: "json", touchpointId: request.body.touchpointId, createdBy: access.actor.userId }, ctx.clock());
      const final = await importJsonItems(services.importDeps, row, request.body.items);
      return reply.code(201).send(presentImport(final));
    },
  );
}
