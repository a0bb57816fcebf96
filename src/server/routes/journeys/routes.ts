// Journeys: list, read as a board, create (blank or from a template), edit, duplicate, archive,
// export and import as JSON, the journey's audit trail, and the templates on offer.
import { z } from "zod";
import { countDraft, journeyDocumentSchema, toJourneyDocument, type JourneyDraft } from "../../../core/journeys/document.js";
import { createJourneyInput, duplicateJourneyInput, languageSchema, updateJourneyInput } from "../../../core/journeys/model.js";
import { buildJourneyFromTemplate, getJourneyTemplate, journeyTemplates, templateKeys } from "../../../core/journeys/templates/index.js";
import { defaultLanguage } from "../../../core/i18n/languages.js";
import {
  archiveJourney,
  boardToDraft,
  getJourney,
  getJourneyBoard,
  insertJourneyDraft,
  listJourneyAuditEvents,
  listJourneys,
  restoreJourney,
  updateJourney,
  type DraftSource,
  type MapChange,
} from "../../../db/queries/journeys.js";
import { listMembers } from "../../../db/queries/organisations.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation, type OrganisationAccess } from "../../auth/principal.js";
import { orgParams, problemResponses } from "../openapi.js";
import { journeyMapRoutes } from "./map-routes.js";
import {
  journeyAuditEventOut,
  journeyOut,
  journeySummaryOut,
  presentJourney,
  presentJourneyAuditEvent,
  presentJourneySummary,
} from "./present.js";
import { editMap, fieldProblem, includeArchivedQuery, journeyParams, mapProblem, readMap } from "./shared.js";

const templateKeySchema = z.enum(templateKeys).describe("A template's key, see GET /api/v1/journey-templates.");
const languageQuery = languageSchema.default(defaultLanguage).describe("The language of the texts (es, en, pt); Spanish by default.");

const templateSummaryOut = z.object({
  key: templateKeySchema,
  industry: z.string(),
  name: z.string(),
  description: z.string(),
  persona: z.object({ name: z.string(), description: z.string() }),
  stages: z.array(z.string()).describe("Stage names, in order."),
  counts: z.object({ stages: z.number().int(), touchpoints: z.number().int(), momentsOfTruth: z.number().int() }),
});

/** Import accepts up to this much JSON (a full journey at every limit is far smaller in practice). */
export const importBodyLimit = 2 * 1024 * 1024;

export function journeyRoutes(app: App, ctx: AppContext): void {
  const db = ctx.db.kysely;
  const changeBy = (access: OrganisationAccess): MapChange => ({ organisationId: access.organisationId, actor: access.actor, now: ctx.clock() });

  async function boardOrThrow(organisationId: string, journeyId: string, includeArchived = false) {
    const board = await getJourneyBoard(db, organisationId, journeyId, { includeArchived });
    if (!board) throw problem("not_found");
    return board;
  }

  async function create(access: OrganisationAccess, draft: JourneyDraft, nameMode: "exact" | "free", source: DraftSource) {
    const outcome = await insertJourneyDraft(ctx.db, draft, changeBy(access), { nameMode, source });
    if (!outcome.ok) mapProblem(outcome);
    return presentJourney(await boardOrThrow(access.organisationId, outcome.value.id));
  }

  app.get(
    "/api/v1/journey-templates",
    {
      schema: {
        tags: ["journeys"],
        summary: "The journey templates a brand can start from",
        querystring: z.object({ language: languageQuery }),
        response: { 200: z.object({ items: z.array(templateSummaryOut) }), ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      if (!request.principal) throw problem("unauthenticated");
      const { language } = request.query;
      return {
        items: journeyTemplates.map((template) => {
          const draft = buildJourneyFromTemplate(template, language);
          return {
            key: template.key as (typeof templateKeys)[number],
            industry: template.industry[language],
            name: draft.name,
            description: draft.description,
            persona: draft.persona ?? { name: "", description: "" },
            stages: draft.stages.map((s) => s.name),
            counts: countDraft(draft),
          };
        }),
      };
    },
  );

  app.get(
    "/api/v1/journey-templates/:templateKey",
    {
      schema: {
        tags: ["journeys"],
        summary: "One template in full, as the journey it creates (a preview)",
        params: z.object({ templateKey: templateKeySchema }),
        querystring: z.object({ language: languageQuery }),
        response: { 200: journeyDocumentSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      if (!request.principal) throw problem("unauthenticated");
      const draft = buildJourneyFromTemplate(getJourneyTemplate(request.params.templateKey), request.query.language);
      return toJourneyDocument(draft, ctx.clock());
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/journeys",
    {
      schema: {
        tags: ["journeys"],
        summary: "The organisation's journeys, by name",
        params: orgParams,
        querystring: includeArchivedQuery,
        response: { 200: z.object({ items: z.array(journeySummaryOut) }), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readMap);
      const rows = await listJourneys(db, access.organisationId, { includeArchived: request.query.includeArchived });
      return { items: rows.map(presentJourneySummary) };
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/journeys",
    {
      schema: {
        tags: ["journeys"],
        summary: "Create a journey, blank or from a template (admins)",
        description:
          "Without `template`, creates an empty journey named `name`. With `?template=…&language=…`, creates the template's stages and touchpoints in that language; only `name` is taken from the body, and without it the template's name is used (numbered if taken, e.g. “Compra online (2)”).",
        params: orgParams,
        querystring: z.object({ template: templateKeySchema.optional(), language: languageQuery }),
        body: createJourneyInput,
        response: { 201: journeyOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const { template, language } = request.query;
      const body = request.body;
      if (template) {
        const draft = buildJourneyFromTemplate(getJourneyTemplate(template), language);
        const named = body.name ? { ...draft, name: body.name } : draft;
        const journey = await create(access, named, body.name ? "exact" : "free", { kind: "template", template });
        return reply.code(201).send(journey);
      }
      if (!body.name) fieldProblem([{ field: "name", message: "is required (unless a template is given)" }]);
      const { name, ...fields } = body;
      const journey = await create(access, { name, ...fields, stages: [] }, "exact", { kind: "blank" });
      return reply.code(201).send(journey);
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/journeys/import",
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags: ["journeys"],
        summary: "Import a journey exported as JSON (admins of the target organisation)",
        description:
          "Takes the document GET …/export returns, from this or any other organisation. The journey is created with its stages and touchpoints; a taken name is numbered. Owners who are not members of this organisation are cleared.",
        params: orgParams,
        body: journeyDocumentSchema,
        response: {
          201: z.object({ journey: journeyOut, ownersCleared: z.number().int().describe("Touchpoint owners dropped because they are not members here.") }),
          ...problemResponses(400, 401, 403, 404, 409, 413),
        },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const members = new Set((await listMembers(db, access.organisationId)).map((m) => m.user_id));
      let ownersCleared = 0;
      const draft: JourneyDraft = {
        ...request.body.journey,
        stages: request.body.journey.stages.map((stage) => ({
          ...stage,
          touchpoints: stage.touchpoints.map((t) => {
            if (t.ownerUserId === null || members.has(t.ownerUserId)) return t;
            ownersCleared++;
            return { ...t, ownerUserId: null };
          }),
        })),
      };
      const journey = await create(access, draft, "free", { kind: "import" });
      return reply.code(201).send({ journey, ownersCleared });
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/journeys/:journeyId",
    {
      schema: {
        tags: ["journeys"],
        summary: "A journey with its stages and touchpoints, in board order",
        params: journeyParams,
        querystring: includeArchivedQuery,
        response: { 200: journeyOut, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readMap);
      return presentJourney(await boardOrThrow(access.organisationId, request.params.journeyId, request.query.includeArchived));
    },
  );

  app.patch(
    "/api/v1/orgs/:orgId/journeys/:journeyId",
    {
      schema: {
        tags: ["journeys"],
        summary: "Edit a journey's name, description, scope, persona or language (admins)",
        params: journeyParams,
        body: updateJourneyInput,
        response: { 200: journeyOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const outcome = await updateJourney(ctx.db, request.params.journeyId, request.body, changeBy(access));
      if (!outcome.ok) mapProblem(outcome);
      return presentJourney(await boardOrThrow(access.organisationId, request.params.journeyId));
    },
  );

  app.delete(
    "/api/v1/orgs/:orgId/journeys/:journeyId",
    {
      schema: {
        tags: ["journeys"],
        summary: "Remove a journey (admins): it is archived, never destroyed",
        params: journeyParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const outcome = await archiveJourney(ctx.db, request.params.journeyId, changeBy(access));
      if (!outcome.ok) mapProblem(outcome);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/journeys/:journeyId/restore",
    {
      schema: {
        tags: ["journeys"],
        summary: "Bring a removed journey back (admins)",
        params: journeyParams,
        response: { 200: journeyOut, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const outcome = await restoreJourney(ctx.db, request.params.journeyId, changeBy(access));
      if (!outcome.ok) mapProblem(outcome);
      return presentJourney(await boardOrThrow(access.organisationId, request.params.journeyId));
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/journeys/:journeyId/duplicate",
    {
      schema: {
        tags: ["journeys"],
        summary: "Duplicate a journey with its live stages and touchpoints (admins)",
        params: journeyParams,
        body: duplicateJourneyInput,
        response: { 201: journeyOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const draft = boardToDraft(await boardOrThrow(access.organisationId, request.params.journeyId));
      const name = request.body.name;
      const journey = await create(access, name ? { ...draft, name } : draft, name ? "exact" : "free", { kind: "duplicate", from: request.params.journeyId });
      return reply.code(201).send(journey);
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/journeys/:journeyId/export",
    {
      schema: {
        tags: ["journeys"],
        summary: "Export a journey as portable JSON (format momentos.journey, version 1)",
        description: "Live stages and touchpoints only. Import the document into any organisation with POST /api/v1/orgs/{orgId}/journeys/import.",
        params: journeyParams,
        response: { 200: journeyDocumentSchema, ...problemResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readMap);
      const board = await boardOrThrow(access.organisationId, request.params.journeyId);
      const filename = `journey-${board.journey.id}.json`;
      reply.header("content-disposition", `attachment; filename="${filename}"`);
      return toJourneyDocument(boardToDraft(board), ctx.clock());
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/journeys/:journeyId/audit-events",
    {
      schema: {
        tags: ["journeys"],
        summary: "Who changed what in a journey, and when, newest first",
        description: "Events on the journey itself and on its stages and touchpoints (archived ones included).",
        params: journeyParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.string().datetime().optional().describe("Only events before this time, for paging."),
        }),
        response: { 200: z.object({ items: z.array(journeyAuditEventOut) }), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readMap);
      if (!(await getJourney(db, access.organisationId, request.params.journeyId))) throw problem("not_found");
      const rows = await listJourneyAuditEvents(db, access.organisationId, request.params.journeyId, {
        limit: request.query.limit,
        before: request.query.before ? Date.parse(request.query.before) : undefined,
      });
      return { items: rows.map(presentJourneyAuditEvent) };
    },
  );

  journeyMapRoutes(app, ctx);
}
