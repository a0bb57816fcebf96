// Server-side sessions. The browser holds an opaque id; the database holds only its hash.
import type { Kdb, SessionsTable } from "../tables.js";
import { hashSecret, newSecret } from "../ids.js";

export type SessionRow = SessionsTable;

/** Creates a session and returns the plain id for the cookie (never stored). */
export async function insertSession(
  db: Kdb,
  input: { userId: string; userAgent: string | null; expiresAt: number },
  now: number,
): Promise<{ id: string; row: SessionRow }> {
  const id = newSecret();
  const row: SessionRow = {
    id_hash: hashSecret(id),
    user_id: input.userId,
    csrf_token: newSecret(),
    created_at: now,
    last_seen_at: now,
    expires_at: input.expiresAt,
    user_agent: input.userAgent ? input.userAgent.slice(0, 300) : null,
  };
  await db.insertInto("sessions").values(row).execute();
  return { id, row };
}

/** The live session for a cookie value, or null when unknown or expired. */
export async function getLiveSession(db: Kdb, id: string, now: number): Promise<SessionRow | null> {
  return (
    (await db
      .selectFrom("sessions")
      .selectAll()
      .where("id_hash", "=", hashSecret(id))
      .where("expires_at", ">", now)
      .executeTakeFirst()) ?? null
  );
}

export async function touchSession(db: Kdb, idHash: string, lastSeenAt: number, expiresAt: number): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where("id_hash", "=", idHash).execute();
}

export async function deleteSession(db: Kdb, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

/** Signs a user out everywhere, optionally keeping one session (the one asking). */
export async function deleteSessionsOfUser(db: Kdb, userId: string, exceptIdHash?: string): Promise<number> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptIdHash) query = query.where("id_hash", "!=", exceptIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kdb, now: number): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
}
