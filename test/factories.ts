// Factories: set up people, organisations, members and keys through the real API, as a user would.
import { expect } from "vitest";
import type { Role } from "../src/core/roles.js";
import type { ResponseWrite } from "../src/db/queries/responses.js";
import type { Client, TestApp } from "./app.js";

let counter = 0;
export function uniqueEmail(prefix = "person"): string {
  counter += 1;
  return `${prefix}.${process.pid}.${counter}@example.com`;
}

export const testPassword = "correct horse battery";

/** Runs first-run setup and returns the owner's signed-in client and the organisation id. */
export async function setupOwner(t: TestApp, organisationName = "Tienda Aurora"): Promise<{ owner: Client; orgId: string; email: string }> {
  const owner = t.client();
  const email = uniqueEmail("owner");
  const reply = await owner.post("/api/setup", { name: "Olga Owner", email, password: testPassword, organisationName, language: "es" });
  expect(reply.status, reply.text).toBe(201);
  return { owner, orgId: reply.body.organisations[0].id, email };
}

/** Creates another organisation owned by a new person (they sign up through an invitation-free path: a second org of a new owner). */
export async function makeOrganisation(t: TestApp, owner: Client, name: string): Promise<string> {
  const reply = await owner.post("/api/v1/orgs", { name });
  expect(reply.status, reply.text).toBe(201);
  return reply.body.id;
}

/** Invites a new person with `role` into `orgId` and returns their signed-in client. */
export async function addMember(t: TestApp, owner: Client, orgId: string, role: Role): Promise<{ client: Client; userId: string; email: string }> {
  const invitation = await owner.post(`/api/v1/orgs/${orgId}/invitations`, { role });
  expect(invitation.status, invitation.text).toBe(201);
  const token = new URL(invitation.body.url).pathname.split("/").pop()!;
  const client = t.client();
  const email = uniqueEmail(role);
  const accepted = await client.post("/api/invitations/accept", { token, name: `${role} person`, email, password: testPassword });
  expect(accepted.status, accepted.text).toBe(200);
  return { client, userId: accepted.body.user.id, email };
}

/** Creates an API key of `scope` in `orgId` and returns a client that uses it. */
export async function addApiKey(t: TestApp, admin: Client, orgId: string, scope: "read" | "write"): Promise<{ client: Client; key: string; id: string }> {
  const reply = await admin.post(`/api/v1/orgs/${orgId}/api-keys`, { name: `${scope} key`, scope });
  expect(reply.status, reply.text).toBe(201);
  return { client: t.client().withApiKey(reply.body.key), key: reply.body.key, id: reply.body.id };
}

/**
 * A response write with no answers, for tests that go below the HTTP layer: pass the identity
 * (organisation, touchpoint, dedupe key…) and the answers a test needs in `overrides`.
 */
export function makeResponseWrite(overrides: Partial<ResponseWrite> & Pick<ResponseWrite, "organisation_id" | "touchpoint_id" | "dedupe_key">): ResponseWrite {
  return {
    journey_id: "j",
    stage_id: "s",
    form_version: 1,
    variant: "universal",
    source: "link",
    placement: null,
    language: "es",
    device_class: null,
    emotion: null,
    emotion_2: null,
    intensity: null,
    csat: null,
    brand_love: null,
    ces: null,
    usefulness: null,
    nps: null,
    comment: null,
    customer_ref: null,
    order_ref: null,
    channel: null,
    store: null,
    hidden_fields: null,
    started_at: Date.UTC(2026, 0, 15, 12),
    emotion_at: null,
    csat_at: null,
    ces_at: null,
    nps_at: null,
    comment_at: null,
    ...overrides,
  };
}
