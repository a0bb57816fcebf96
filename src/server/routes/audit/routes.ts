// The organisation's audit trail, for admins: who changed what, and when.
import { z } from "zod";
import { listAuditEvents, type AuditEventRow } from "../../../db/queries/audit.js";
import type { App, AppContext } from "../../context.js";
import { requireOrganisation } from "../../auth/principal.js";
import { orgParams, problemResponses } from "../openapi.js";
import { iso } from "../organisations/present.js";

const auditEventOut = z.object({
  id: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  actorUserId: z.string().nullable(),
  actorApiKeyId: z.string().nullable(),
  details: z.unknown(),
  at: z.string(),
});

function presentAuditEvent(row: AuditEventRow): z.infer<typeof auditEventOut> {
  let details: unknown = null;
  if (row.details) {
    try {
      details = JSON.parse(row.details);
    } catch {
      details = null;
    }
  }
  return {
    id: row.id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    actorUserId: row.actor_user_id,
    actorApiKeyId: row.actor_api_key_id,
    details,
    at: iso(row.at),
  };
}

export function auditRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/v1/orgs/:orgId/audit-events",
    {
      schema: {
        tags: ["audit"],
        summary: "Who changed what, newest first (admins)",
        params: orgParams,
        querystring: z.object({
          targetType: z.string().max(40).optional(),
          targetId: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.string().datetime().optional(),
        }),
        response: { 200: z.object({ items: z.array(auditEventOut) }), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "configure");
      const q = request.query;
      const rows = await listAuditEvents(ctx.db.kysely, access.organisationId, {
        targetType: q.targetType,
        targetId: q.targetId,
        limit: q.limit,
        before: q.before ? Date.parse(q.before) : undefined,
      });
      return { items: rows.map(presentAuditEvent) };
    },
  );
}
