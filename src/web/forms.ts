// Form helpers: validate with the same Zod schemas the server uses (core/accounts/schema.ts), and
// turn a failed request into messages in the person's language, per field where the server says which.
import type { z } from "zod";
import { isMessageKey } from "../core/i18n/messages.js";
import { ApiError } from "./api.js";
import type { I18n } from "./i18n.js";

/** A message per field name ("email", "password"), in the person's language. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * Checks `values` against `schema`; on failure returns, for each field with a problem, the message
 * from `messages` (the field's rule in words) so that people read rules, not validator jargon.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
  messages: Record<string, string>,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= messages[field] ?? issue.message;
  }
  return { ok: false, errors };
}

/** The server's field errors ("body.email") as messages per field, in the person's language. */
export function fieldErrorsOf(error: unknown, messages: Record<string, string>): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const { field, message } of error.fieldErrors) {
    const name = field.replace(/^body\./, "").split(".")[0] ?? field;
    errors[name] ??= messages[name] ?? message;
  }
  return errors;
}

/** One sentence for a failed request, from its problem code. */
export function describeProblem(t: I18n["t"], error: unknown): string {
  if (error instanceof ApiError) {
    const key = `problem.${error.code}`;
    if (isMessageKey(key)) return t(key);
    if (error.status >= 500) return t("problem.internal_error");
  }
  return t("problem.unknown");
}

/** True when the failure is one the form shows beside its fields rather than above them. */
export function hasFieldErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}
