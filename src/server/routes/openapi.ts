// Shared pieces of the OpenAPI description: the problem document and the error responses a route lists.
import { z } from "zod";

export const problemOut = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe("Stable machine code, e.g. validation_failed, not_found, rate_limited."),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe("application/problem+json");

/** The problem responses of a route, for the OpenAPI document. */
export function problemResponses(...statuses: number[]): Record<number, typeof problemOut> {
  return Object.fromEntries(statuses.map((status) => [status, problemOut]));
}

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
