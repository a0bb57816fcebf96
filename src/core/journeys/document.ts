// A whole journey as one value: what templates produce, what export writes and import reads.
// The export format is versioned JSON ("momentos.journey", version 1); import accepts only versions
// it knows and validates everything (limits, unique names) before anything is stored.
import { z } from "zod";
import {
  findDuplicateNames,
  journeyFields,
  journeyLimits,
  journeyNameSchema,
  stageFields,
  stageNameSchema,
  touchpointFields,
  touchpointNameSchema,
  checkTouchpoint,
} from "./model.js";

export const touchpointDraftSchema = z.object({ name: touchpointNameSchema, ...touchpointFields });
export type TouchpointDraft = z.infer<typeof touchpointDraftSchema>;

export const stageDraftSchema = z.object({
  name: stageNameSchema,
  ...stageFields,
  touchpoints: z.array(touchpointDraftSchema).max(journeyLimits.touchpointsPerStage).default([]).describe("In board order."),
});
export type StageDraft = z.infer<typeof stageDraftSchema>;

/** A journey with its stages and touchpoints, without ids or positions (order is array order). */
export const journeyDraftSchema = z
  .object({
    name: journeyNameSchema,
    ...journeyFields,
    stages: z.array(stageDraftSchema).max(journeyLimits.stagesPerJourney).default([]).describe("In journey order."),
  })
  .superRefine((journey, ctx) => {
    for (const name of findDuplicateNames(journey.stages.map((s) => s.name))) {
      ctx.addIssue({ code: "custom", path: ["stages"], message: `two stages are named “${name}”` });
    }
    journey.stages.forEach((stage, s) => {
      for (const name of findDuplicateNames(stage.touchpoints.map((t) => t.name))) {
        ctx.addIssue({ code: "custom", path: ["stages", s, "touchpoints"], message: `two touchpoints are named “${name}”` });
      }
      stage.touchpoints.forEach((touchpoint, i) => {
        for (const issue of checkTouchpoint(touchpoint)) {
          ctx.addIssue({ code: "custom", path: ["stages", s, "touchpoints", i, issue.field], message: issue.message });
        }
      });
    });
  });
export type JourneyDraft = z.infer<typeof journeyDraftSchema>;

export const journeyDocumentFormat = "momentos.journey";
export const journeyDocumentVersion = 1;

/** The export/import document, version 1. */
export const journeyDocumentSchema = z
  .object({
    format: z.literal(journeyDocumentFormat).describe("Always “momentos.journey”."),
    version: z.literal(journeyDocumentVersion).describe("The format's version; this server reads version 1."),
    exportedAt: z.string().max(40).optional().describe("When it was exported (ISO 8601); informative."),
    journey: journeyDraftSchema,
  })
  .describe("A journey map as portable JSON. Owners are member ids of the exporting organisation; import keeps an owner only when that person is a member of the importing organisation.");
export type JourneyDocument = z.infer<typeof journeyDocumentSchema>;

/** Wraps a journey in the export envelope. */
export function toJourneyDocument(journey: JourneyDraft, exportedAt: number): JourneyDocument {
  return { format: journeyDocumentFormat, version: journeyDocumentVersion, exportedAt: new Date(exportedAt).toISOString(), journey };
}

/** Counts of a draft, for summaries. */
export function countDraft(journey: JourneyDraft): { stages: number; touchpoints: number; momentsOfTruth: number } {
  const touchpoints = journey.stages.flatMap((s) => s.touchpoints);
  return { stages: journey.stages.length, touchpoints: touchpoints.length, momentsOfTruth: touchpoints.filter((t) => t.momentOfTruth).length };
}
