// Turns every failure into an application/problem+json document with a stable `code`.
// Expected failures carry a code; anything else is logged and answered as 500 without stack or SQL.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { problemStatus, problemTitles, type ProblemCode } from "../core/problems.js";

export interface FieldError {
  field: string;
  message: string;
}

/** An expected failure, thrown by a route and answered with its code's status. */
export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? problemTitles[code]);
    this.status = problemStatus[code];
  }
}

export function problem(code: ProblemCode, detail?: string, extra?: Record<string, unknown>): Problem {
  return new Problem(code, detail, extra);
}

export function sendProblem(
  reply: FastifyReply,
  code: ProblemCode,
  detail?: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const status = problemStatus[code];
  return reply
    .code(status)
    .type("application/problem+json; charset=utf-8")
    .send({ type: `about:blank`, title: problemTitles[code], status, code, ...(detail ? { detail } : {}), ...extra });
}

const fastifyCodes: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "bad_request",
  FST_ERR_CTP_BODY_TOO_LARGE: "body_too_large",
  FST_ERR_CTP_EMPTY_JSON_BODY: "empty_body",
  FST_ERR_CTP_INVALID_JSON_BODY: "malformed_json",
  FST_ERR_BAD_URL: "bad_request",
  FST_ERR_ASYNC_CONSTRAINT: "bad_request",
};

/** The one error handler of the app. */
export function handleError(error: FastifyError | Problem, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof Problem) return sendProblem(reply, error.code, error.detail, error.extra);

  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors: FieldError[] = error.validation.map((issue) => ({
      field: [error.validationContext, ...(issue.instancePath ? issue.instancePath.split("/").filter(Boolean) : [])].join("."),
      message: issue.message ?? "is invalid",
    }));
    return sendProblem(reply, "validation_failed", undefined, { errors });
  }

  const mapped = error.code ? fastifyCodes[error.code] : undefined;
  if (mapped) return sendProblem(reply, mapped);
  if (error instanceof SyntaxError && typeof error.statusCode === "number" && error.statusCode === 400) {
    return sendProblem(reply, "malformed_json");
  }
  if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
    if (error.statusCode === 429) return sendProblem(reply, "rate_limited");
    if (error.statusCode === 413) return sendProblem(reply, "body_too_large");
    if (error.statusCode === 415) return sendProblem(reply, "unsupported_media_type");
    if (error.statusCode === 404) return sendProblem(reply, "not_found");
    return sendProblem(reply, "bad_request");
  }

  request.log.error({ err: error }, "unexpected error");
  return sendProblem(reply, "internal_error");
}
