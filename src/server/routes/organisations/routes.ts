// Organisations: list the ones you belong to, create, rename and delete one.
import { z } from "zod";
import { createOrganisationInput, renameOrganisationInput } from "../../../core/accounts/schema.js";
import {
  deleteOrganisation,
  getOrganisation,
  insertMembership,
  insertOrganisation,
  listOrganisationsOfUser,
  renameOrganisation,
} from "../../../db/queries/organisations.js";
import { recordAuditEvent } from "../../../db/queries/audit.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation, requireUser } from "../../auth/principal.js";
import { orgParams, problemResponses } from "../openapi.js";
import { organisationOut, presentOrganisation } from "./present.js";

export function organisationRoutes(app: App, ctx: AppContext): void {
  const db = ctx.db.kysely;

  app.get(
    "/api/v1/orgs",
    {
      schema: {
        tags: ["organisations"],
        summary: "The organisations you belong to (an API key sees its own)",
        response: { 200: z.object({ items: z.array(organisationOut) }), ...problemResponses(401) },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (!principal) throw problem("unauthenticated");
      if (principal.kind === "api_key") {
        const organisation = await getOrganisation(db, principal.organisationId);
        return { items: organisation ? [presentOrganisation(organisation, null)] : [] };
      }
      const rows = await listOrganisationsOfUser(db, principal.user.id);
      return { items: rows.map((row) => presentOrganisation(row, row.role)) };
    },
  );

  app.post(
    "/api/v1/orgs",
    {
      schema: {
        tags: ["organisations"],
        summary: "Create an organisation; you become its owner",
        body: createOrganisationInput,
        response: { 201: organisationOut, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { user } = requireUser(request);
      const now = ctx.clock();
      const organisation = await db.transaction().execute(async (trx) => {
        const row = await insertOrganisation(trx, request.body.name, now);
        await insertMembership(trx, row.id, user.id, "owner", now);
        return row;
      });
      return reply.code(201).send(presentOrganisation(organisation, "owner"));
    },
  );

  app.get(
    "/api/v1/orgs/:orgId",
    {
      schema: {
        tags: ["organisations"],
        summary: "One organisation",
        params: orgParams,
        response: { 200: organisationOut, ...problemResponses(401, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "read");
      const organisation = await getOrganisation(db, access.organisationId);
      if (!organisation) throw problem("not_found");
      return presentOrganisation(organisation, access.role);
    },
  );

  app.patch(
    "/api/v1/orgs/:orgId",
    {
      schema: {
        tags: ["organisations"],
        summary: "Rename an organisation (admins)",
        params: orgParams,
        body: renameOrganisationInput,
        response: { 200: organisationOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "configure");
      const now = ctx.clock();
      await renameOrganisation(db, access.organisationId, request.body.name, now);
      await recordAuditEvent(
        db,
        { organisationId: access.organisationId, actor: access.actor, action: "organisation.renamed", targetType: "organisation", targetId: access.organisationId, details: { name: request.body.name } },
        now,
      );
      const organisation = await getOrganisation(db, access.organisationId);
      if (!organisation) throw problem("not_found");
      return presentOrganisation(organisation, access.role);
    },
  );

  app.delete(
    "/api/v1/orgs/:orgId",
    {
      schema: {
        tags: ["organisations"],
        summary: "Delete an organisation and everything in it (owners)",
        params: orgParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "delete_organisation");
      await deleteOrganisation(db, access.organisationId);
      request.log.info({ organisationId: access.organisationId, by: access.actor.userId }, "organisation deleted");
      return reply.code(204).send(null);
    },
  );
}
