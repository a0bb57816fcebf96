// What leaves the server about journeys, stages, touchpoints and their audit trail, field by field.
import { z } from "zod";
import {
  channelSchema,
  languageSchema,
  modulesSchema,
  personaSchema,
  touchpointStatusSchema,
} from "../../../core/journeys/model.js";
import type { JourneyAuditRow, JourneyBoard, JourneyRow, JourneySummaryRow, StageRow, TouchpointRow } from "../../../db/queries/journeys.js";
import { personaOf, touchpointValuesOf } from "../../../db/queries/journeys.js";
import { iso, isoOrNull } from "../organisations/present.js";

const languageOf = (value: string | null) => {
  const parsed = languageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

const journeyFieldsOut = {
  id: z.string(),
  name: z.string(),
  description: z.string(),
  scope: z.string().describe("Where the journey starts and ends."),
  persona: personaSchema.nullable(),
  language: languageSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string().describe("Changes to the journey's stages and touchpoints move this too."),
  archivedAt: z.string().nullable().describe("Set when the journey was removed; archived journeys are hidden from lists by default."),
};

function presentJourneyFields(row: JourneyRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    scope: row.scope,
    persona: personaOf(row),
    language: languageOf(row.language),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    archivedAt: isoOrNull(row.archived_at),
  };
}

export const journeySummaryOut = z.object({
  ...journeyFieldsOut,
  counts: z.object({
    stages: z.number().int(),
    touchpoints: z.number().int(),
    momentsOfTruth: z.number().int(),
  }).describe("Live stages, and live touchpoints in live stages."),
});
export function presentJourneySummary(row: JourneySummaryRow): z.infer<typeof journeySummaryOut> {
  return {
    ...presentJourneyFields(row),
    counts: { stages: row.stage_count, touchpoints: row.touchpoint_count, momentsOfTruth: row.moment_of_truth_count },
  };
}

export const touchpointOut = z.object({
  id: z.string(),
  journeyId: z.string(),
  stageId: z.string(),
  name: z.string(),
  description: z.string(),
  channel: channelSchema,
  customerNeed: z.string(),
  customerExpectation: z.string(),
  ownerUserId: z.string().nullable(),
  modules: modulesSchema,
  momentOfTruth: z.boolean(),
  momentOfTruthReason: z.string(),
  targets: z.object({ nps: z.number().nullable(), csat: z.number().nullable(), ces: z.number().nullable() }),
  status: touchpointStatusSchema,
  position: z.number().int().describe("0-based place in its stage among live touchpoints."),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export function presentTouchpoint(row: TouchpointRow): z.infer<typeof touchpointOut> {
  const values = touchpointValuesOf(row);
  return {
    id: row.id,
    journeyId: row.journey_id,
    stageId: row.stage_id,
    name: values.name,
    description: values.description,
    channel: values.channel,
    customerNeed: values.customerNeed,
    customerExpectation: values.customerExpectation,
    ownerUserId: values.ownerUserId,
    modules: values.modules,
    momentOfTruth: values.momentOfTruth,
    momentOfTruthReason: values.momentOfTruthReason,
    targets: values.targets,
    status: values.status,
    position: row.position,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    archivedAt: isoOrNull(row.archived_at),
  };
}

export const stageOut = z.object({
  id: z.string(),
  journeyId: z.string(),
  name: z.string(),
  description: z.string(),
  position: z.number().int().describe("0-based place in the journey among live stages."),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export function presentStage(row: StageRow): z.infer<typeof stageOut> {
  return {
    id: row.id,
    journeyId: row.journey_id,
    name: row.name,
    description: row.description,
    position: row.position,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    archivedAt: isoOrNull(row.archived_at),
  };
}

export const journeyOut = z
  .object({
    ...journeyFieldsOut,
    stages: z.array(stageOut.extend({ touchpoints: z.array(touchpointOut).describe("In board order.") })).describe("In journey order; archived ones last, only with ?includeArchived=true."),
  })
  .describe("A journey with its stages and touchpoints: everything the board draws.");
export function presentJourney(board: JourneyBoard): z.infer<typeof journeyOut> {
  return {
    ...presentJourneyFields(board.journey),
    stages: board.stages.map((stage) => ({
      ...presentStage(stage),
      touchpoints: board.touchpoints.filter((t) => t.stage_id === stage.id).map(presentTouchpoint),
    })),
  };
}

export const journeyAuditEventOut = z.object({
  id: z.string(),
  action: z.string().describe("E.g. journey.created, stage.moved, touchpoint.updated, touchpoint.archived."),
  targetType: z.enum(["journey", "stage", "touchpoint"]),
  targetId: z.string(),
  actor: z.object({
    userId: z.string().nullable(),
    apiKeyId: z.string().nullable(),
    name: z.string().nullable().describe("The member's name; null for an API key."),
  }),
  details: z.unknown().describe("What changed; for edits, { changes: { field: { from, to } } }."),
  at: z.string(),
});
export function presentJourneyAuditEvent(row: JourneyAuditRow): z.infer<typeof journeyAuditEventOut> {
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
    targetType: row.target_type as "journey" | "stage" | "touchpoint",
    targetId: row.target_id,
    actor: { userId: row.actor_user_id, apiKeyId: row.actor_api_key_id, name: row.actor_name },
    details,
    at: iso(row.at),
  };
}
