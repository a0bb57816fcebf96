// The journey map as the dashboard reads and changes it: the shapes the server sends (restated from
// src/server/routes/journeys/present.ts, since the web app imports only from core) and every call.
import type { JourneyDocument } from "../../../core/journeys/document.js";
import type {
  Channel,
  ExperientialModule,
  Persona,
  Targets,
  TouchpointStatus,
  UpdateJourneyInput,
  UpdateStageInput,
  UpdateTouchpointInput,
} from "../../../core/journeys/model.js";
import type { TemplateKey } from "../../../core/journeys/templates/index.js";
import type { Language } from "../../../core/i18n/languages.js";
import { request } from "../../api.js";

interface JourneyFields {
  id: string;
  name: string;
  description: string;
  scope: string;
  persona: Persona | null;
  language: Language | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface JourneySummary extends JourneyFields {
  counts: { stages: number; touchpoints: number; momentsOfTruth: number };
}

export interface Touchpoint {
  id: string;
  journeyId: string;
  stageId: string;
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
  position: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface Stage {
  id: string;
  journeyId: string;
  name: string;
  description: string;
  position: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  touchpoints: Touchpoint[];
}

/** A journey with its stages and touchpoints, in board order. */
export interface Journey extends JourneyFields {
  stages: Stage[];
}

export interface JourneyTemplateSummary {
  key: TemplateKey;
  industry: string;
  name: string;
  description: string;
  persona: { name: string; description: string };
  stages: string[];
  counts: { stages: number; touchpoints: number; momentsOfTruth: number };
}

export interface JourneyAuditEvent {
  id: string;
  action: string;
  targetType: "journey" | "stage" | "touchpoint";
  targetId: string;
  actor: { userId: string | null; apiKeyId: string | null; name: string | null };
  details: unknown;
  at: string;
}

const base = (orgId: string) => `/api/v1/orgs/${orgId}/journeys`;
const inJourney = (orgId: string, journeyId: string) => `${base(orgId)}/${journeyId}`;

export const journeysApi = {
  listTemplates: (language: Language) => request<{ items: JourneyTemplateSummary[] }>("GET", `/api/v1/journey-templates?language=${language}`),
  list: (orgId: string, options: { includeArchived?: boolean } = {}) =>
    request<{ items: JourneySummary[] }>("GET", `${base(orgId)}?includeArchived=${options.includeArchived ? "true" : "false"}`),
  create: (orgId: string, input: { name: string; description?: string; language?: Language }) => request<Journey>("POST", base(orgId), input),
  createFromTemplate: (orgId: string, template: TemplateKey, language: Language) =>
    request<Journey>("POST", `${base(orgId)}?template=${template}&language=${language}`, {}),
  importDocument: (orgId: string, document: unknown) => request<{ journey: Journey; ownersCleared: number }>("POST", `${base(orgId)}/import`, document),
  get: (orgId: string, journeyId: string, options: { includeArchived?: boolean } = {}) =>
    request<Journey>("GET", `${inJourney(orgId, journeyId)}${options.includeArchived ? "?includeArchived=true" : ""}`),
  update: (orgId: string, journeyId: string, input: UpdateJourneyInput) => request<Journey>("PATCH", inJourney(orgId, journeyId), input),
  archive: (orgId: string, journeyId: string) => request<void>("DELETE", inJourney(orgId, journeyId)),
  restore: (orgId: string, journeyId: string) => request<Journey>("POST", `${inJourney(orgId, journeyId)}/restore`, {}),
  duplicate: (orgId: string, journeyId: string) => request<Journey>("POST", `${inJourney(orgId, journeyId)}/duplicate`, {}),
  exportDocument: (orgId: string, journeyId: string) => request<JourneyDocument>("GET", `${inJourney(orgId, journeyId)}/export`),
  auditEvents: (orgId: string, journeyId: string, options: { limit?: number; before?: string } = {}) => {
    const query = new URLSearchParams({ limit: String(options.limit ?? 50), ...(options.before ? { before: options.before } : {}) });
    return request<{ items: JourneyAuditEvent[] }>("GET", `${inJourney(orgId, journeyId)}/audit-events?${query.toString()}`);
  },

  addStage: (orgId: string, journeyId: string, input: { name: string; description?: string; position?: number }) =>
    request<Omit<Stage, "touchpoints">>("POST", `${inJourney(orgId, journeyId)}/stages`, input),
  updateStage: (orgId: string, journeyId: string, stageId: string, input: UpdateStageInput) =>
    request<Omit<Stage, "touchpoints">>("PATCH", `${inJourney(orgId, journeyId)}/stages/${stageId}`, input),
  moveStage: (orgId: string, journeyId: string, stageId: string, position: number) =>
    request<Journey>("POST", `${inJourney(orgId, journeyId)}/stages/${stageId}/move`, { position }),
  archiveStage: (orgId: string, journeyId: string, stageId: string) => request<void>("DELETE", `${inJourney(orgId, journeyId)}/stages/${stageId}`),
  restoreStage: (orgId: string, journeyId: string, stageId: string) => request<Journey>("POST", `${inJourney(orgId, journeyId)}/stages/${stageId}/restore`, {}),

  addTouchpoint: (orgId: string, journeyId: string, input: UpdateTouchpointInput & { stageId: string; name: string; position?: number }) =>
    request<Touchpoint>("POST", `${inJourney(orgId, journeyId)}/touchpoints`, input),
  updateTouchpoint: (orgId: string, journeyId: string, touchpointId: string, input: UpdateTouchpointInput) =>
    request<Touchpoint>("PATCH", `${inJourney(orgId, journeyId)}/touchpoints/${touchpointId}`, input),
  moveTouchpoint: (orgId: string, journeyId: string, touchpointId: string, to: { stageId: string; position: number }) =>
    request<Journey>("POST", `${inJourney(orgId, journeyId)}/touchpoints/${touchpointId}/move`, to),
  archiveTouchpoint: (orgId: string, journeyId: string, touchpointId: string) =>
    request<void>("DELETE", `${inJourney(orgId, journeyId)}/touchpoints/${touchpointId}`),
  restoreTouchpoint: (orgId: string, journeyId: string, touchpointId: string) =>
    request<Journey>("POST", `${inJourney(orgId, journeyId)}/touchpoints/${touchpointId}/restore`, {}),
};
