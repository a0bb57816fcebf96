// Invitation links: a hashed token that lets one person join an organisation with a role.
import type { Role } from "../../core/roles.js";
import type { InvitationsTable, Kdb } from "../tables.js";
import { hashSecret, newId, newSecret } from "../ids.js";

export type InvitationRow = InvitationsTable;

/** Creates an invitation; the plain token is returned once and never stored. */
export async function insertInvitation(
  db: Kdb,
  input: { organisationId: string; role: Role; email: string | null; createdBy: string; expiresAt: number },
  now: number,
): Promise<{ row: InvitationRow; token: string }> {
  const token = newSecret();
  const row: InvitationRow = {
    id: newId("inv"),
    organisation_id: input.organisationId,
    token_hash: hashSecret(token),
    role: input.role,
    email: input.email,
    created_by: input.createdBy,
    created_at: now,
    expires_at: input.expiresAt,
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
  };
  await db.insertInto("invitations").values(row).execute();
  return { row, token };
}

/** The invitations of an organisation that can still be accepted, newest first. */
export async function listPendingInvitations(db: Kdb, organisationId: string, now: number): Promise<InvitationRow[]> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
}

export async function getInvitationByToken(db: Kdb, token: string): Promise<InvitationRow | null> {
  return (await db.selectFrom("invitations").selectAll().where("token_hash", "=", hashSecret(token)).executeTakeFirst()) ?? null;
}

/** Revokes a pending invitation of this organisation; false when there is none. */
export async function revokeInvitation(db: Kdb, organisationId: string, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ revoked_at: now })
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks an invitation accepted, once: false when someone else accepted it first. */
export async function markInvitationAccepted(db: Kdb, id: string, userId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ accepted_at: now, accepted_by: userId })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
