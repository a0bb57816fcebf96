// Inside a journey: stages and touchpoints added, edited, moved and removed (archived).
// Moves answer with the whole journey, so the board can redraw from one consistent order.
import { z } from "zod";
import {
  createStageInput,
  createTouchpointInput,
  moveStageInput,
  moveTouchpointInput,
  updateStageInput,
  updateTouchpointInput,
} from "../../../core/journeys/model.js";
import {
  addStage,
  addTouchpoint,
  archiveStage,
  archiveTouchpoint,
  getTouchpoint,
  moveStage,
  moveTouchpoint,
  restoreStage,
  restoreTouchpoint,
  updateStage,
  updateTouchpoint,
} from "../../../db/queries/journey-map.js";
import { getJourneyBoard, type MapChange } from "../../../db/queries/journeys.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation, type OrganisationAccess } from "../../auth/principal.js";
import { problemResponses } from "../openapi.js";
import { journeyOut, presentJourney, presentStage, presentTouchpoint, stageOut, touchpointOut } from "./present.js";
import { checkOwner, editMap, fieldProblem, journeyParams, mapProblem, readMap, stageParams, touchpointParams } from "./shared.js";

export function journeyMapRoutes(app: App, ctx: AppContext): void {
  const db = ctx.db.kysely;
  const changeBy = (access: OrganisationAccess): MapChange => ({ organisationId: access.organisationId, actor: access.actor, now: ctx.clock() });

  async function presentBoard(organisationId: string, journeyId: string) {
    const board = await getJourneyBoard(db, organisationId, journeyId, { includeArchived: false });
    if (!board) throw problem("not_found");
    return presentJourney(board);
  }

  // ---- stages ---------------------------------------------------------------------------------

  app.post(
    "/api/v1/orgs/:orgId/journeys/:journeyId/stages",
    {
      schema: {
        tags: ["journeys"],
        summary: "Add a stage (admins)",
        params: journeyParams,
        body: createStageInput,
        response: { 201: stageOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const outcome = await addStage(ctx.db, request.params.journeyId, request.body, changeBy(access));
      if (!outcome.ok) mapProblem(outcome);
      return reply.code(201).send(presentStage(outcome.value));
    },
  );

  app.patch(
    "/api/v1/orgs/:orgId/journeys/:journeyId/stages/:stageId",
    {
      schema: {
        tags: ["journeys"],
        summary: "Rename a stage or change its description (admins)",
        params: stageParams,
        body: updateStageInput,
        response: { 200: stageOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const outcome = await updateStage(ctx.db, request.params.journeyId, request.params.stageId, request.body, changeBy(access));
      if (!outcome.ok) mapProblem(outcome);
      return presentStage(outcome.value);
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/journeys/:journeyId/stages/:stageId/move",
    {
      schema: {
        tags: ["journeys"],
        summary: "Move a stage to another place in the journey (admins)",
        description: "The other stages shift to make room; positions stay 0…n−1. Answers with the whole journey.",
        params: stageParams,
        body: moveStageInput,
        response: { 200: journeyOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const outcome = await moveStage(ctx.db, request.params.journeyId, request.params.stageId, request.body.position, changeBy(access));
      if (!outcome.ok) mapProblem(outcome);
      return presentBoard(access.organisationId, request.params.journeyId);
    },
  );

  app.delete(
    "/api/v1/orgs/:orgId/journeys/:journeyId/stages/:stageId",
    {
      schema: {
        tags: ["journeys"],
        summary: "Remove a stage (admins): it is archived with its touchpoints, never destroyed",
        params: stageParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const outcome = await archiveStage(ctx.db, request.params.journeyId, request.params.stageId, changeBy(access));
      if (!outcome.ok) mapProblem(outcome);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/journeys/:journeyId/stages/:stageId/restore",
    {
      schema: {
        tags: ["journeys"],
        summary: "Bring a removed stage back with its touchpoints, at its old place (admins)",
        params: stageParams,
        response: { 200: journeyOut, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const outcome = await restoreStage(ctx.db, request.params.journeyId, request.params.stageId, changeBy(access));
      if (!outcome.ok) mapProblem(outcome);
      return presentBoard(access.organisationId, request.params.journeyId);
    },
  );

  // ---- touchpoints ----------------------------------------------------------------------------

  app.post(
    "/api/v1/orgs/:orgId/journeys/:journeyId/touchpoints",
    {
      schema: {
        tags: ["journeys"],
        summary: "Add a touchpoint to a stage (admins)",
        params: journeyParams,
        body: createTouchpointInput,
        response: { 201: touchpointOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      await checkOwner(db, access.organisationId, request.body.ownerUserId);
      const outcome = await addTouchpoint(ctx.db, request.params.journeyId, request.body, changeBy(access));
      if (!outcome.ok) {
        if (outcome.reason === "validation_failed") fieldProblem(outcome.issues);
        mapProblem(outcome);
      }
      return reply.code(201).send(presentTouchpoint(outcome.value));
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/journeys/:journeyId/touchpoints/:touchpointId",
    {
      schema: {
        tags: ["journeys"],
        summary: "One touchpoint (archived ones too)",
        params: touchpointParams,
        response: { 200: touchpointOut, ...problemResponses(401, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readMap);
      const row = await getTouchpoint(db, access.organisationId, request.params.journeyId, request.params.touchpointId);
      if (!row) throw problem("not_found");
      return presentTouchpoint(row);
    },
  );

  app.patch(
    "/api/v1/orgs/:orgId/journeys/:journeyId/touchpoints/:touchpointId",
    {
      schema: {
        tags: ["journeys"],
        summary: "Edit a touchpoint (admins)",
        description: "Only the fields sent change. A moment of truth needs a reason, in this request or already stored.",
        params: touchpointParams,
        body: updateTouchpointInput,
        response: { 200: touchpointOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      await checkOwner(db, access.organisationId, request.body.ownerUserId);
      const outcome = await updateTouchpoint(ctx.db, request.params.journeyId, request.params.touchpointId, request.body, changeBy(access));
      if (!outcome.ok) {
        if (outcome.reason === "validation_failed") fieldProblem(outcome.issues);
        mapProblem(outcome);
      }
      return presentTouchpoint(outcome.value);
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/journeys/:journeyId/touchpoints/:touchpointId/move",
    {
      schema: {
        tags: ["journeys"],
        summary: "Move a touchpoint within its stage or to another stage (admins)",
        description:
          "Give `position` to reorder, and `stageId` to move to another stage of the same journey. Positions stay 0…n−1 in both stages, also when several people move cards at once. Answers with the whole journey.",
        params: touchpointParams,
        body: moveTouchpointInput,
        response: { 200: journeyOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const outcome = await moveTouchpoint(ctx.db, request.params.journeyId, request.params.touchpointId, request.body, changeBy(access));
      if (!outcome.ok) mapProblem(outcome);
      return presentBoard(access.organisationId, request.params.journeyId);
    },
  );

  app.delete(
    "/api/v1/orgs/:orgId/journeys/:journeyId/touchpoints/:touchpointId",
    {
      schema: {
        tags: ["journeys"],
        summary: "Remove a touchpoint (admins): it is archived with its history, never destroyed",
        params: touchpointParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const outcome = await archiveTouchpoint(ctx.db, request.params.journeyId, request.params.touchpointId, changeBy(access));
      if (!outcome.ok) mapProblem(outcome);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/orgs/:orgId/journeys/:journeyId/touchpoints/:touchpointId/restore",
    {
      schema: {
        tags: ["journeys"],
        summary: "Bring a removed touchpoint back, at its old place in its stage (admins)",
        description: "Its stage must be live; restore the stage first otherwise (409 archived).",
        params: touchpointParams,
        response: { 200: journeyOut, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editMap);
      const outcome = await restoreTouchpoint(ctx.db, request.params.journeyId, request.params.touchpointId, changeBy(access));
      if (!outcome.ok) mapProblem(outcome);
      return presentBoard(access.organisationId, request.params.journeyId);
    },
  );
}
