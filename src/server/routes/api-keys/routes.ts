// API keys of an organisation: created by admins, shown once, stored hashed, revocable.
import { z } from "zod";
import { createApiKeyInput, apiKeyScopeSchema } from "../../../core/accounts/schema.js";
import { insertApiKey, listApiKeys, revokeApiKey, type ApiKeyRow } from "../../../db/queries/api-keys.js";
import { recordAuditEvent } from "../../../db/queries/audit.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation, requireUser } from "../../auth/principal.js";
import { orgParams, problemResponses } from "../openapi.js";
import { iso, isoOrNull } from "../organisations/present.js";

const apiKeyOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("The first characters of the key, to recognise it."),
  scope: apiKeyScopeSchema,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

function presentApiKey(row: ApiKeyRow): z.infer<typeof apiKeyOut> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    createdAt: iso(row.created_at),
    lastUsedAt: isoOrNull(row.last_used_at),
    revokedAt: isoOrNull(row.revoked_at),
  };
}

export function apiKeyRoutes(app: App, ctx: AppContext): void {
  const db = ctx.db.kysely;

  app.get(
    "/api/v1/orgs/:orgId/api-keys",
    {
      schema: {
        tags: ["api keys"],
        summary: "The organisation's API keys (admins)",
        params: orgParams,
        response: { 200: z.object({ items: z.array(apiKeyOut) }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "configure");
      return { items: (await listApiKeys(db, access.organisationId)).map(presentApiKey) };
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/api-keys",
    {
      schema: {
        tags: ["api keys"],
        summary: "Create an API key (admins). The key is returned only in this response.",
        params: orgParams,
        body: createApiKeyInput,
        response: { 201: apiKeyOut.extend({ key: z.string() }), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "configure");
      requireUser(request);
      const now = ctx.clock();
      const { row, key } = await insertApiKey(
        db,
        { organisationId: access.organisationId, name: request.body.name, scope: request.body.scope, createdBy: access.actor.userId },
        now,
      );
      await recordAuditEvent(
        db,
        { organisationId: access.organisationId, actor: access.actor, action: "api_key.created", targetType: "api_key", targetId: row.id, details: { scope: row.scope } },
        now,
      );
      return reply.code(201).send({ ...presentApiKey(row), key });
    },
  );

  app.delete(
    "/api/v1/orgs/:orgId/api-keys/:keyId",
    {
      schema: {
        tags: ["api keys"],
        summary: "Revoke an API key (admins)",
        params: orgParams.extend({ keyId: z.string().min(1).max(64) }),
        response: { 204: z.null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "configure");
      const now = ctx.clock();
      if (!(await revokeApiKey(db, access.organisationId, request.params.keyId, now))) throw problem("not_found");
      await recordAuditEvent(
        db,
        { organisationId: access.organisationId, actor: access.actor, action: "api_key.revoked", targetType: "api_key", targetId: request.params.keyId },
        now,
      );
      return reply.code(204).send(null);
    },
  );
}
