// Every difference between SQLite and PostgreSQL that a query needs lives here, and nowhere else.
import type { DialectName } from "./connect.js";

/** True when `error` is a unique-constraint violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown };
  return e.code === "23505" || e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** The column type that holds a JSON document. */
export function jsonColumnType(dialect: DialectName): "jsonb" | "text" {
  return dialect === "postgres" ? "jsonb" : "text";
}
