// Members and invitations of an organisation. Only owners manage them; everyone may read who is in.
import { z } from "zod";
import { changeRoleInput, createInvitationInput, invitationLifetimeMs } from "../../../core/accounts/schema.js";
import { insertInvitation, listPendingInvitations, revokeInvitation } from "../../../db/queries/invitations.js";
import {
  countOwners,
  deleteMembership,
  getMembership,
  listMembers,
  updateMembershipRole,
} from "../../../db/queries/organisations.js";
import { recordAuditEvent } from "../../../db/queries/audit.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation } from "../../auth/principal.js";
import { orgParams, problemResponses } from "../openapi.js";
import { invitationOut, memberOut, presentInvitation, presentMember } from "../organisations/present.js";

const memberParams = orgParams.extend({ userId: z.string().min(1).max(64) });
const invitationParams = orgParams.extend({ invitationId: z.string().min(1).max(64) });

export function memberRoutes(app: App, ctx: AppContext): void {
  const db = ctx.db.kysely;

  app.get(
    "/api/v1/orgs/:orgId/members",
    {
      schema: {
        tags: ["members"],
        summary: "The members of an organisation",
        params: orgParams,
        response: { 200: z.object({ items: z.array(memberOut) }), ...problemResponses(401, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "read");
      return { items: (await listMembers(db, access.organisationId)).map(presentMember) };
    },
  );

  app.patch(
    "/api/v1/orgs/:orgId/members/:userId",
    {
      schema: {
        tags: ["members"],
        summary: "Change a member's role (owners)",
        params: memberParams,
        body: changeRoleInput,
        response: { 200: memberOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "manage_members");
      const { userId } = request.params;
      const role = request.body.role;
      const now = ctx.clock();
      const updated = await db.transaction().execute(async (trx) => {
        const membership = await getMembership(trx, access.organisationId, userId);
        if (!membership) return { ok: false as const, reason: "not_found" as const };
        if (membership.role === "owner" && role !== "owner" && (await countOwners(trx, access.organisationId)) <= 1) {
          return { ok: false as const, reason: "last_owner" as const };
        }
        await updateMembershipRole(trx, access.organisationId, userId, role);
        return { ok: true as const, from: membership.role };
      });
      if (!updated.ok) throw problem(updated.reason);
      await recordAuditEvent(
        db,
        { organisationId: access.organisationId, actor: access.actor, action: "member.role_changed", targetType: "member", targetId: userId, details: { from: updated.from, to: role } },
        now,
      );
      const member = (await listMembers(db, access.organisationId)).find((m) => m.user_id === userId);
      if (!member) throw problem("not_found");
      return presentMember(member);
    },
  );

  app.delete(
    "/api/v1/orgs/:orgId/members/:userId",
    {
      schema: {
        tags: ["members"],
        summary: "Remove a member (owners), or leave the organisation yourself",
        params: memberParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { orgId, userId } = request.params;
      const self = request.principal?.kind === "session" && request.principal.user.id === userId;
      const access = await requireOrganisation(request, ctx, orgId, self ? "read" : "manage_members");
      const now = ctx.clock();
      const removed = await db.transaction().execute(async (trx) => {
        const membership = await getMembership(trx, access.organisationId, userId);
        if (!membership) return { ok: false as const, reason: "not_found" as const };
        if (membership.role === "owner" && (await countOwners(trx, access.organisationId)) <= 1) {
          return { ok: false as const, reason: "last_owner" as const };
        }
        await deleteMembership(trx, access.organisationId, userId);
        return { ok: true as const, role: membership.role };
      });
      if (!removed.ok) throw problem(removed.reason);
      await recordAuditEvent(
        db,
        { organisationId: access.organisationId, actor: access.actor, action: self ? "member.left" : "member.removed", targetType: "member", targetId: userId, details: { role: removed.role } },
        now,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/invitations",
    {
      schema: {
        tags: ["members"],
        summary: "Pending invitations (owners)",
        params: orgParams,
        response: { 200: z.object({ items: z.array(invitationOut) }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "manage_members");
      return { items: (await listPendingInvitations(db, access.organisationId, ctx.clock())).map(presentInvitation) };
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/invitations",
    {
      schema: {
        tags: ["members"],
        summary: "Invite someone by link, with a role (owners). The link is shown once.",
        params: orgParams,
        body: createInvitationInput,
        response: {
          201: invitationOut.extend({ url: z.string().describe("Send this link to the person; it is shown only now.") }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "manage_members");
      const now = ctx.clock();
      const { row, token } = await insertInvitation(
        db,
        {
          organisationId: access.organisationId,
          role: request.body.role,
          email: request.body.email ?? null,
          createdBy: access.actor.userId ?? "",
          expiresAt: now + invitationLifetimeMs,
        },
        now,
      );
      await recordAuditEvent(
        db,
        { organisationId: access.organisationId, actor: access.actor, action: "invitation.created", targetType: "invitation", targetId: row.id, details: { role: row.role } },
        now,
      );
      const url = new URL(`/app/invite/${token}`, ctx.config.baseUrl).toString();
      return reply.code(201).send({ ...presentInvitation(row), url });
    },
  );

  app.delete(
    "/api/v1/orgs/:orgId/invitations/:invitationId",
    {
      schema: {
        tags: ["members"],
        summary: "Revoke a pending invitation (owners)",
        params: invitationParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "manage_members");
      const now = ctx.clock();
      if (!(await revokeInvitation(db, access.organisationId, request.params.invitationId, now))) throw problem("not_found");
      await recordAuditEvent(
        db,
        { organisationId: access.organisationId, actor: access.actor, action: "invitation.revoked", targetType: "invitation", targetId: request.params.invitationId },
        now,
      );
      return reply.code(204).send(null);
    },
  );
}

