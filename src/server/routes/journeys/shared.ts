// Pieces the journey routes share: parameters, the permissions they need, and how an expected
// failure of the map becomes a problem document.
import { z } from "zod";
import type { FieldIssue } from "../../../core/journeys/model.js";
import type { MapFailure } from "../../../db/queries/journeys.js";
import { getMembership } from "../../../db/queries/organisations.js";
import type { Kdb } from "../../../db/tables.js";
import { problem } from "../../errors.js";
import { orgParams } from "../openapi.js";

/**
 * Reading the map needs "read" (every member, every API key). Changing it needs "configure": the map
 * is the organisation's configuration, like its API keys and alert rules, so it belongs to admins and
 * owners. Write-scope API keys exist to send data (responses, customer records) and so cannot redraw
 * the map; a brand that scripts its map does it with an admin's session, or a later "configure" scope.
 */
export const readMap = "read" as const;
export const editMap = "configure" as const;

export const id = z.string().min(1).max(64);
export const journeyParams = orgParams.extend({ journeyId: id });
export const stageParams = journeyParams.extend({ stageId: id });
export const touchpointParams = journeyParams.extend({ touchpointId: id });

export const includeArchivedQuery = z.object({
  includeArchived: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .describe("Also return archived (removed) items."),
});

/** Turns a map failure into its problem document; name_taken names the field. */
export function mapProblem(failure: { reason: MapFailure; detail?: string }, nameField = "body.name"): never {
  if (failure.reason === "name_taken") {
    throw problem("name_taken", failure.detail, { errors: [{ field: nameField, message: "is already used here" }] });
  }
  throw problem(failure.reason, failure.detail);
}

export function fieldProblem(issues: FieldIssue[], prefix = "body"): never {
  throw problem("validation_failed", undefined, { errors: issues.map((i) => ({ field: `${prefix}.${i.field}`, message: i.message })) });
}

/** A touchpoint's owner must be a member of the organisation. */
export async function checkOwner(db: Kdb, organisationId: string, ownerUserId: string | null | undefined): Promise<void> {
  if (!ownerUserId) return;
  if (!(await getMembership(db, organisationId, ownerUserId))) {
    fieldProblem([{ field: "ownerUserId", message: "is not a member of this organisation" }]);
  }
}
