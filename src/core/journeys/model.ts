// The journey map's vocabulary: journeys, stages and touchpoints, their limits and their validation.
// One set of schemas, used by the server (request bodies, import), the templates and the dashboard.
import { z } from "zod";
import { languages } from "../i18n/languages.js";

/** Every length and count limit of the map, defined once. */
export const journeyLimits = {
  journeyNameMax: 120,
  stageNameMax: 80,
  touchpointNameMax: 120,
  descriptionMax: 2000,
  scopeMax: 2000,
  personaNameMax: 80,
  personaDescriptionMax: 500,
  needMax: 500,
  expectationMax: 500,
  momentOfTruthReasonMax: 500,
  stagesPerJourney: 20,
  touchpointsPerStage: 50,
  journeysPerOrganisation: 500,
} as const;

/** Where the customer meets the brand. */
export const channels = [
  "web",
  "app",
  "store",
  "phone",
  "email",
  "chat",
  "social",
  "packaging",
  "invoice",
  "delivery",
  "event",
  "training",
  "other",
] as const;
export type Channel = (typeof channels)[number];

/** Schmitt's experiential modules (METHOD.md §5). */
export const experientialModules = ["sense", "feel", "think", "act", "relate"] as const;
export type ExperientialModule = (typeof experientialModules)[number];

export const touchpointStatuses = ["active", "paused"] as const;
export type TouchpointStatus = (typeof touchpointStatuses)[number];

/** Target ranges, from METHOD.md §3: NPS −100…100, CSAT top-2-box % 0…100, CES mean 1…7. */
export const targetRanges = {
  nps: { min: -100, max: 100 },
  csat: { min: 0, max: 100 },
  ces: { min: 1, max: 7 },
} as const;

/**
 * The key under which a name is compared with its siblings: trimmed, inner spaces collapsed,
 * Unicode-normalised and lower-cased, so "Compra " and "compra" are the same name.
 */
export function nameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** The names in `names` that repeat (by nameKey), each reported once, as first written. */
export function findDuplicateNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const reported = new Set<string>();
  const duplicates: string[] = [];
  for (const name of names) {
    const key = nameKey(name);
    if (seen.has(key) && !reported.has(key)) {
      reported.add(key);
      duplicates.push(name);
    }
    seen.add(key);
  }
  return duplicates;
}

/**
 * A name that is free among `taken`: `name` itself, else "name (2)", "name (3)"… cut to `max`
 * characters. Used when duplicating, importing or creating from a template twice.
 */
export function freeName(name: string, taken: Iterable<string>, max: number = journeyLimits.journeyNameMax): string {
  const keys = new Set([...taken].map(nameKey));
  if (!keys.has(nameKey(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, max - suffix.length).trimEnd()}${suffix}`;
    if (!keys.has(nameKey(candidate))) return candidate;
  }
}

const text = (max: number) => z.string().trim().max(max);
const name = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

export const channelSchema = z.enum(channels).describe("Where the customer meets the brand.");
export const moduleSchema = z.enum(experientialModules);
export const modulesSchema = z
  .array(moduleSchema)
  .max(experientialModules.length)
  .refine((list) => new Set(list).size === list.length, "must not repeat a module")
  .describe("Experiential modules (Schmitt): sense, feel, think, act, relate.");
export const touchpointStatusSchema = z.enum(touchpointStatuses).describe("Paused touchpoints stay on the map but are not measured.");
export const languageSchema = z.enum(languages);

export const targetsSchema = z
  .object({
    nps: z.number().int().min(targetRanges.nps.min).max(targetRanges.nps.max).nullable().default(null).describe("NPS target, −100…100."),
    csat: z.number().min(targetRanges.csat.min).max(targetRanges.csat.max).nullable().default(null).describe("CSAT target, % answering 4–5, 0…100."),
    ces: z.number().min(targetRanges.ces.min).max(targetRanges.ces.max).nullable().default(null).describe("CES target, mean of 1…7."),
  })
  .describe("Targets the touchpoint's scores are compared against; null when not set.");
export type Targets = z.infer<typeof targetsSchema>;
export const noTargets: Targets = { nps: null, csat: null, ces: null };

export const personaSchema = z
  .object({
    name: name(journeyLimits.personaNameMax).describe("E.g. “Lucía, first-time buyer”."),
    description: text(journeyLimits.personaDescriptionMax).default("").describe("A short description of who they are and what they want."),
  })
  .describe("The customer the journey is mapped for.");
export type Persona = z.infer<typeof personaSchema>;

export const journeyNameSchema = name(journeyLimits.journeyNameMax).describe("Unique within the organisation (case-insensitive).");
export const stageNameSchema = name(journeyLimits.stageNameMax).describe("Unique within the journey (case-insensitive).");
export const touchpointNameSchema = name(journeyLimits.touchpointNameMax).describe("Unique within its stage (case-insensitive).");

/** The journey's own fields, all optional with defaults. */
export const journeyFields = {
  description: text(journeyLimits.descriptionMax).default("").describe("What the journey is about."),
  scope: text(journeyLimits.scopeMax).default("").describe("Where the journey starts and ends, and what it leaves out."),
  persona: personaSchema.nullable().default(null),
  language: languageSchema.nullable().default(null).describe("The language the map is written in, when known."),
};

export const stageFields = {
  description: text(journeyLimits.descriptionMax).default("").describe("What happens in this stage."),
};

export const touchpointFields = {
  description: text(journeyLimits.descriptionMax).default(""),
  channel: channelSchema.default("other"),
  customerNeed: text(journeyLimits.needMax).default("").describe("What the customer needs here."),
  customerExpectation: text(journeyLimits.expectationMax).default("").describe("What the customer expects to happen."),
  ownerUserId: z.string().min(1).max(64).nullable().default(null).describe("The member who owns this touchpoint."),
  modules: modulesSchema.default([]),
  momentOfTruth: z.boolean().default(false).describe("Whether this touchpoint is decisive for the relationship."),
  momentOfTruthReason: text(journeyLimits.momentOfTruthReasonMax).default("").describe("Why it is a moment of truth; required when flagged."),
  targets: targetsSchema.default(noTargets),
  status: touchpointStatusSchema.default("active"),
};

/** A touchpoint's editable fields once defaults are applied. */
export interface TouchpointValues {
  name: string;
  description: string;
  channel: Channel;
  customerNeed: string;
  customerExpectation: string;
  ownerUserId: string | null;
  modules: ExperientialModule[];
  momentOfTruth: boolean;
  momentOfTruthReason: string;
  targets: Targets;
  status: TouchpointStatus;
}

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * Rules that span fields and so hold for the merged result of an edit, not for one request body:
 * a moment of truth needs its reason.
 */
export function checkTouchpoint(values: Pick<TouchpointValues, "momentOfTruth" | "momentOfTruthReason">): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (values.momentOfTruth && values.momentOfTruthReason.trim() === "") {
    issues.push({ field: "momentOfTruthReason", message: "a moment of truth needs a reason" });
  }
  return issues;
}

/** Modules in their canonical order, so that equal sets are stored and compared alike. */
export function sortModules(modules: readonly ExperientialModule[]): ExperientialModule[] {
  return experientialModules.filter((m) => modules.includes(m));
}

// ---- Request bodies -------------------------------------------------------------------------

export const createJourneyInput = z.object({
  name: journeyNameSchema.optional().describe("Required, unless the journey is created from a template (then it defaults to the template's name)."),
  ...journeyFields,
});
export type CreateJourneyInput = z.infer<typeof createJourneyInput>;

export const updateJourneyInput = z.object({
  name: journeyNameSchema.optional(),
  description: journeyFields.description.unwrap().optional(),
  scope: journeyFields.scope.unwrap().optional(),
  persona: personaSchema.nullable().optional(),
  language: languageSchema.nullable().optional(),
});
export type UpdateJourneyInput = z.infer<typeof updateJourneyInput>;

export const duplicateJourneyInput = z.object({
  name: journeyNameSchema.optional().describe("Defaults to the original's name with a number, e.g. “Online purchase (2)”."),
});

export const createStageInput = z.object({
  name: stageNameSchema,
  ...stageFields,
  position: z.number().int().min(0).optional().describe("Where to insert it (0 = first); at the end when absent or too large."),
});
export type CreateStageInput = z.infer<typeof createStageInput>;

export const updateStageInput = z.object({
  name: stageNameSchema.optional(),
  description: stageFields.description.unwrap().optional(),
});
export type UpdateStageInput = z.infer<typeof updateStageInput>;

export const moveStageInput = z.object({
  position: z.number().int().min(0).describe("The stage's new place (0 = first); clamped to the last place."),
});

export const createTouchpointInput = z.object({
  stageId: z.string().min(1).max(64).describe("The stage it belongs to."),
  name: touchpointNameSchema,
  ...touchpointFields,
  position: z.number().int().min(0).optional().describe("Where to insert it in the stage (0 = first); at the end when absent or too large."),
});
export type CreateTouchpointInput = z.infer<typeof createTouchpointInput>;

export const updateTouchpointInput = z.object({
  name: touchpointNameSchema.optional(),
  description: touchpointFields.description.unwrap().optional(),
  channel: channelSchema.optional(),
  customerNeed: touchpointFields.customerNeed.unwrap().optional(),
  customerExpectation: touchpointFields.customerExpectation.unwrap().optional(),
  ownerUserId: z.string().min(1).max(64).nullable().optional(),
  modules: modulesSchema.optional(),
  momentOfTruth: z.boolean().optional(),
  momentOfTruthReason: touchpointFields.momentOfTruthReason.unwrap().optional(),
  targets: z
    .object({
      nps: targetsSchema.shape.nps.unwrap().optional(),
      csat: targetsSchema.shape.csat.unwrap().optional(),
      ces: targetsSchema.shape.ces.unwrap().optional(),
    })
    .optional()
    .describe("Only the targets given change; null clears one."),
  status: touchpointStatusSchema.optional(),
});
export type UpdateTouchpointInput = z.infer<typeof updateTouchpointInput>;

export const moveTouchpointInput = z.object({
  stageId: z.string().min(1).max(64).optional().describe("The stage to move it to; its current stage when absent."),
  position: z.number().int().min(0).describe("Its new place in that stage (0 = first); clamped to the last place."),
});

/** Applies an edit to a touchpoint's values; the caller checks the result with checkTouchpoint. */
export function applyTouchpointUpdate(current: TouchpointValues, update: UpdateTouchpointInput): TouchpointValues {
  const { targets, modules, ...rest } = update;
  const next: TouchpointValues = { ...current };
  for (const [key, value] of Object.entries(rest) as Array<[keyof typeof rest, unknown]>) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  if (modules !== undefined) next.modules = sortModules(modules);
  if (targets !== undefined) {
    next.targets = {
      nps: targets.nps !== undefined ? targets.nps : current.targets.nps,
      csat: targets.csat !== undefined ? targets.csat : current.targets.csat,
      ces: targets.ces !== undefined ? targets.ces : current.targets.ces,
    };
  }
  return next;
}
