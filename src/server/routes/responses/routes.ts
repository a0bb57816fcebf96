// Responses for programs and the dashboard: posting responses through the API (one, or a batch of up
// to 1,000, each item stored or reported on its own), the recent responses of a touchpoint, and the
// counts of dropped submissions per touchpoint and reason.
import { z } from "zod";
import { validatorCompiler } from "fastify-type-provider-zod";
import type { FastifySchemaCompiler } from "fastify";
import { formLimits } from "../../../core/forms/limits.js";
import { dropReasons, type DropReason } from "../../../core/responses/sources.js";
import { ensureForm } from "../../../db/queries/forms.js";
import { listDrops, listRecentResponses } from "../../../db/queries/responses.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation } from "../../auth/principal.js";
import { apiItemDocSchema } from "../../ingest/api-item.js";
import type { Ingestor } from "../../ingest/ingestor.js";
import { orgParams, problemResponses } from "../openapi.js";
import { dropOut, itemResultOut, presentResponse, responseOut } from "./present.js";

/** Posting responses is sending data: API keys with scope write, and admins and owners. */
const postResponses = "write" as const;
/** Drop counts are about the brand's set-up (links, widget, integrations): admins and owners. */
const readDrops = "configure" as const;

const touchpointParams = orgParams.extend({ touchpointId: z.string().min(1).max(64) });

const postBodyDoc = z.union([apiItemDocSchema, z.object({ items: z.array(apiItemDocSchema).min(1).max(formLimits.batchMax) })]);

/**
 * The body of POST …/responses is parsed item by item by the ingestor, so that one bad item does not
 * refuse the batch; Fastify only checks the other parts. The Zod body schema stays for the OpenAPI document.
 */
const bodyParsedByIngestor: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === "body" ? (data: unknown) => ({ value: data }) : (validatorCompiler as FastifySchemaCompiler<unknown>)(route);

const postResultOut = z.object({
  stored: z.number().int(),
  dropped: z.number().int(),
  items: z.array(itemResultOut).describe("One result per item, in the order sent."),
});

/** The cursor of the recent-responses list: the last row's start time and id, opaque to clients. */
function encodeCursor(startedAt: number, id: string): string {
  return Buffer.from(`${startedAt}:${id}`, "utf8").toString("base64url");
}
function decodeCursor(cursor: string): { startedAt: number; id: string } | null {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split(":");
  const startedAt = Number(time);
  return Number.isSafeInteger(startedAt) && id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? { startedAt, id } : null;
}

export function responseRoutes(app: App, ctx: AppContext, ingestor: Ingestor): void {
  const db = ctx.db.kysely;

  app.post(
    "/api/v1/orgs/:orgId/responses",
    {
      bodyLimit: formLimits.batchBodyMaxBytes,
      validatorCompiler: bodyParsedByIngestor,
      schema: {
        tags: ["responses"],
        summary: "Send responses (one, or a batch of up to 1,000)",
        description:
          "Send one item, or `{ items: [...] }` with up to 1,000. Each item is stored or dropped on its own: the answer lists every item with its " +
          "index and status. **201** when every item was stored; **200** when some (or all) were dropped — check `dropped` and each item's `reason` " +
          "and `issues`. An item's `idempotencyKey` identifies the response: sending it again updates the same response, so retries are safe. " +
          `One item's body is at most ${formLimits.bodyMaxBytes / 1024} KiB; a batch at most ${formLimits.batchBodyMaxBytes / 1024 / 1024} MiB. ` +
          "Needs an API key with scope write, or an admin's session.",
        params: orgParams,
        body: postBodyDoc,
        response: { 200: postResultOut, 201: postResultOut, ...problemResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, postResponses);
      const body: unknown = request.body;
      let items: readonly unknown[];
      if (typeof body === "object" && body !== null && !Array.isArray(body) && "items" in body) {
        const list = (body as { items: unknown }).items;
        if (!Array.isArray(list) || list.length === 0) {
          throw problem("validation_failed", undefined, { errors: [{ field: "body.items", message: "must be a list of 1 to 1,000 responses" }] });
        }
        if (list.length > formLimits.batchMax) throw problem("batch_too_large");
        items = list;
      } else {
        if (Number(request.headers["content-length"] ?? 0) > formLimits.bodyMaxBytes) throw problem("body_too_large");
        items = [body];
      }

      const outcomes = await ingestor.recordApiItems(access.organisationId, items);
      const results = outcomes.map((outcome, index) =>
        outcome.ok
          ? { index, status: "stored" as const, responseId: outcome.responseId }
          : { index, status: "dropped" as const, reason: outcome.reason, ...(outcome.issues ? { issues: [...outcome.issues] } : {}) },
      );
      const stored = results.filter((r) => r.status === "stored").length;
      reply.code(stored === results.length ? 201 : 200);
      return { stored, dropped: results.length - stored, items: results };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/touchpoints/:touchpointId/responses",
    {
      schema: {
        tags: ["responses"],
        summary: "A touchpoint's recent responses, newest first",
        description: "Partial responses included. Page with `cursor`: pass the previous page's `nextCursor` until it is null.",
        params: touchpointParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional().describe("The nextCursor of the previous page."),
        }),
        response: { 200: z.object({ items: z.array(responseOut), nextCursor: z.string().nullable() }), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId, touchpointId } = request.params;
      const access = await requireOrganisation(request, ctx, orgId, "read");
      const before = request.query.cursor === undefined ? undefined : decodeCursor(request.query.cursor);
      if (before === null) throw problem("validation_failed", undefined, { errors: [{ field: "querystring.cursor", message: "is not a cursor of this list" }] });
      if (!(await ensureForm(db, access.organisationId, touchpointId, ctx.clock()))) throw problem("not_found");
      const limit = request.query.limit;
      const rows = await listRecentResponses(db, access.organisationId, touchpointId, { limit: limit + 1, ...(before ? { before } : {}) });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { items: page.map(presentResponse), nextCursor: rows.length > limit && last ? encodeCursor(last.started_at, last.id) : null };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/ingestion-drops",
    {
      schema: {
        tags: ["responses"],
        summary: "Submissions not stored, per touchpoint and reason",
        description:
          "Counts of dropped submissions over the last `days` days (UTC), e.g. form_closed from an old QR code, invalid_answer from a broken integration, " +
          "rate_limited and spam_suspected from abuse. Admins and owners.",
        params: orgParams,
        querystring: z.object({
          days: z.coerce.number().int().min(1).max(366).default(30),
          touchpointId: z.string().min(1).max(64).optional().describe("Only this touchpoint's drops."),
        }),
        response: {
          200: z.object({ since: z.string().describe("The first day counted (UTC)."), items: z.array(dropOut) }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readDrops);
      await ingestor.flushDrops();
      const today = Math.floor(ctx.clock() / 86_400_000);
      const sinceDay = today - request.query.days + 1;
      const rows = await listDrops(db, access.organisationId, sinceDay, request.query.touchpointId);
      const items = rows
        .filter((row): row is typeof row & { reason: DropReason } => (dropReasons as readonly string[]).includes(row.reason))
        .map((row) => ({ touchpointId: row.touchpoint_id, reason: row.reason, count: Number(row.count) }))
        .sort((a, b) => b.count - a.count || a.touchpointId.localeCompare(b.touchpointId) || a.reason.localeCompare(b.reason));
      return { since: new Date(sinceDay * 86_400_000).toISOString().slice(0, 10), items };
    },
  );
}
