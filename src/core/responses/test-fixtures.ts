// Builders for the responses tests: a touchpoint with its form and a submission, with overrides.
import { defaultFormConfig } from "../forms/config.js";
import type { FormVariant } from "../forms/questions.js";
import { noHiddenFields } from "./hidden-fields.js";
import type { Submission, TouchpointForm } from "./submission.js";

export const t0 = new Date("2025-03-01T10:00:00.000Z");
export const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

export function makeTouchpoint(overrides: Partial<TouchpointForm> & { variant?: FormVariant } = {}): TouchpointForm {
  const { variant = "universal", ...rest } = overrides;
  return {
    organisationId: "org_1",
    journeyId: "jrn_1",
    stageId: "stg_1",
    touchpointId: "tp_1",
    status: "active",
    archived: false,
    momentOfTruth: false,
    form: defaultFormConfig("Acme", variant),
    formVersion: "v1",
    ...rest,
  };
}

export function makeSubmission(overrides: Partial<Submission> = {}): Submission {
  return {
    touchpointId: "tp_1",
    newResponseId: "rsp_1",
    visitToken: "visit_token_0123456789",
    idempotencyKey: null,
    answers: { nps: 9 },
    hidden: noHiddenFields,
    language: "es",
    source: "link",
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1",
    clientAddress: "203.0.113.7",
    honeypot: null,
    timeOnPageMs: 4000,
    occurredAt: null,
    receivedAt: t0,
    ...overrides,
  };
}
