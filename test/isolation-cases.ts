// The tenant-isolation registry: every route that takes an id is listed here, with how to seed the
// objects it names in the victim organisation. The suite fails when a route is missing, so it grows
// with every route a later issue adds.
import { expect } from "vitest";
import type { Client, TestApp } from "./app.js";
import { addApiKey, addMember } from "./factories.js";

export interface Victim {
  orgId: string;
  owner: Client;
  /** Ids of the victim's objects, by route parameter name (userId, keyId, invitationId, …). */
  ids: Record<string, string>;
}

/** Creates objects in the victim organisation and returns their ids by parameter name. */
export type Seeder = (t: TestApp, victim: Victim) => Promise<Record<string, string>>;

export interface IsolationCase {
  /** "METHOD /url/:param" exactly as registered. */
  route: string;
  /** A valid body, so that a 404 (not a 400) proves the object was out of reach. */
  body?: unknown;
}

export const seeders: Seeder[] = [
  async (t, victim) => {
    const member = await addMember(t, victim.owner, victim.orgId, "analyst");
    const invitation = await victim.owner.post(`/api/v1/orgs/${victim.orgId}/invitations`, { role: "viewer" });
    expect(invitation.status).toBe(201);
    const key = await addApiKey(t, victim.owner, victim.orgId, "read");
    return { userId: member.userId, invitationId: invitation.body.id, keyId: key.id };
  },
  // Journeys: a journey from the Spanish e-commerce template, with its first stage and touchpoint.
  async (_t, victim) => {
    const journey = await victim.owner.post(`/api/v1/orgs/${victim.orgId}/journeys?template=ecommerce_purchase&language=es`, {});
    expect(journey.status, journey.text).toBe(201);
    const stage = journey.body.stages[0];
    return { journeyId: journey.body.id, stageId: stage.id, touchpointId: stage.touchpoints[0].id };
  },
  // Voice of the customer: an import waiting for its file.
  async (_t, victim) => {
    const created = await victim.owner.post(`/api/v1/orgs/${victim.orgId}/voice/imports`, { kind: "voice", format: "csv" });
    expect(created.status, created.text).toBe(201);
    return { importId: created.body.id };
  },
];

export const isolationCases: IsolationCase[] = [
  { route: "GET /api/v1/orgs/:orgId" },
  { route: "PATCH /api/v1/orgs/:orgId", body: { name: "Taken over" } },
  { route: "DELETE /api/v1/orgs/:orgId" },
  { route: "GET /api/v1/orgs/:orgId/members" },
  { route: "PATCH /api/v1/orgs/:orgId/members/:userId", body: { role: "viewer" } },
  { route: "DELETE /api/v1/orgs/:orgId/members/:userId" },
  { route: "GET /api/v1/orgs/:orgId/invitations" },
  { route: "POST /api/v1/orgs/:orgId/invitations", body: { role: "owner" } },
  { route: "DELETE /api/v1/orgs/:orgId/invitations/:invitationId" },
  { route: "GET /api/v1/orgs/:orgId/api-keys" },
  { route: "POST /api/v1/orgs/:orgId/api-keys", body: { name: "stolen", scope: "write" } },
  { route: "DELETE /api/v1/orgs/:orgId/api-keys/:keyId" },
  { route: "GET /api/v1/orgs/:orgId/audit-events" },
  { route: "GET /api/v1/orgs/:orgId/journeys" },
  { route: "POST /api/v1/orgs/:orgId/journeys", body: { name: "Robada" } },
  { route: "POST /api/v1/orgs/:orgId/journeys/import", body: { format: "momentos.journey", version: 1, journey: { name: "Robada" } } },
  { route: "GET /api/v1/orgs/:orgId/journeys/:journeyId" },
  { route: "PATCH /api/v1/orgs/:orgId/journeys/:journeyId", body: { name: "Taken over" } },
  { route: "DELETE /api/v1/orgs/:orgId/journeys/:journeyId" },
  { route: "POST /api/v1/orgs/:orgId/journeys/:journeyId/restore", body: {} },
  { route: "POST /api/v1/orgs/:orgId/journeys/:journeyId/duplicate", body: {} },
  { route: "GET /api/v1/orgs/:orgId/journeys/:journeyId/export" },
  { route: "GET /api/v1/orgs/:orgId/journeys/:journeyId/audit-events" },
  { route: "POST /api/v1/orgs/:orgId/journeys/:journeyId/stages", body: { name: "Intrusa" } },
  { route: "PATCH /api/v1/orgs/:orgId/journeys/:journeyId/stages/:stageId", body: { name: "Intrusa" } },
  { route: "POST /api/v1/orgs/:orgId/journeys/:journeyId/stages/:stageId/move", body: { position: 0 } },
  { route: "DELETE /api/v1/orgs/:orgId/journeys/:journeyId/stages/:stageId" },
  { route: "POST /api/v1/orgs/:orgId/journeys/:journeyId/stages/:stageId/restore", body: {} },
  { route: "POST /api/v1/orgs/:orgId/journeys/:journeyId/touchpoints", body: { stageId: "stg_elsewhere", name: "Intrusa" } },
  { route: "GET /api/v1/orgs/:orgId/journeys/:journeyId/touchpoints/:touchpointId" },
  { route: "PATCH /api/v1/orgs/:orgId/journeys/:journeyId/touchpoints/:touchpointId", body: { name: "Intrusa" } },
  { route: "POST /api/v1/orgs/:orgId/journeys/:journeyId/touchpoints/:touchpointId/move", body: { position: 0 } },
  { route: "DELETE /api/v1/orgs/:orgId/journeys/:journeyId/touchpoints/:touchpointId" },
  { route: "POST /api/v1/orgs/:orgId/journeys/:journeyId/touchpoints/:touchpointId/restore", body: {} },
  { route: "GET /api/v1/orgs/:orgId/touchpoints/:touchpointId/form" },
  {
    route: "PUT /api/v1/orgs/:orgId/touchpoints/:touchpointId/form",
    body: { variant: "universal", brandName: "Robada", wording: { es: { csat: "¿Robado?" } } },
  },
  { route: "GET /api/v1/orgs/:orgId/touchpoints/:touchpointId/form/versions" },
  { route: "GET /api/v1/orgs/:orgId/touchpoints/:touchpointId/form/share" },
  { route: "GET /api/v1/orgs/:orgId/touchpoints/:touchpointId/form/qr.svg" },
  { route: "GET /api/v1/orgs/:orgId/touchpoints/:touchpointId/form/qr.png" },
  { route: "GET /api/v1/orgs/:orgId/touchpoints/:touchpointId/form/qr-card" },
  { route: "POST /api/v1/orgs/:orgId/responses", body: { touchpointId: "tp_any", idempotencyKey: "isolation-1", answers: { csat: 5 } } },
  { route: "GET /api/v1/orgs/:orgId/touchpoints/:touchpointId/responses" },
  { route: "GET /api/v1/orgs/:orgId/ingestion-drops" },
  { route: "GET /api/v1/orgs/:orgId/scores/overview" },
  { route: "GET /api/v1/orgs/:orgId/scores/journeys/:journeyId" },
  { route: "GET /api/v1/orgs/:orgId/scores/touchpoints/:touchpointId" },
  { route: "GET /api/v1/orgs/:orgId/scores/priorities" },
  { route: "GET /api/v1/orgs/:orgId/scores/trend" },
  { route: "GET /api/v1/orgs/:orgId/scores/segments" },
  { route: "GET /api/v1/orgs/:orgId/verbatims" },
  { route: "GET /api/v1/orgs/:orgId/text/summary" },
  { route: "GET /api/v1/orgs/:orgId/text/trends" },
  { route: "GET /api/v1/orgs/:orgId/text/phrases" },
  { route: "GET /api/v1/orgs/:orgId/text/texts" },
  { route: "GET /api/v1/orgs/:orgId/text/texts.csv" },
  { route: "GET /api/v1/orgs/:orgId/text/models" },
  { route: "POST /api/v1/orgs/:orgId/text/models", body: { scope: "organisation" } },
  { route: "POST /api/v1/orgs/:orgId/text/reanalyse", body: {} },
  { route: "POST /api/v1/orgs/:orgId/voice/imports", body: { kind: "voice", format: "csv" } },
  { route: "PUT /api/v1/orgs/:orgId/voice/imports/:importId/content", body: {} },
  { route: "GET /api/v1/orgs/:orgId/voice/imports" },
  { route: "GET /api/v1/orgs/:orgId/voice/imports/:importId" },
  { route: "POST /api/v1/orgs/:orgId/voice/items", body: { items: [{ text: "Robada", date: "2026-01-01" }] } },
  { route: "GET /api/v1/orgs/:orgId/exports/responses.csv" },
  { route: "GET /api/v1/orgs/:orgId/exports/responses.xlsx" },
];

/** Routes with an id parameter that are deliberately not organisation-scoped, and why. */
export const notOrganisationScoped: Record<string, string> = {
  "GET /api/invitations/:token": "the token is the secret itself (160 bits); knowing it is the permission",
  "GET /app/*": "the dashboard's static page",
  "GET /app/assets/*": "the dashboard's static files",
  "GET /api/docs/*": "the API documentation's static files",
  "GET /api/docs/static/*": "the API documentation's static files",
  "GET /api/v1/journey-templates/:templateKey": "templates are built-in content, the same for every organisation",
  "GET /f/:code": "the public form page: the code is the link given to customers, answering needs no account",
  "POST /f/:code": "the public form's plain post (no JavaScript): anyone with the link may answer",
  "POST /f/:code/answers": "the public form's per-answer save: anyone with the link may answer",
  "OPTIONS /f/:code/answers": "CORS preflight of the widget's per-answer save",
  "GET /f/assets/:file": "the form page's static script, the same for every organisation",
};
