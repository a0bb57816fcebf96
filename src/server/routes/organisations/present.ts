// What leaves the server about organisations, members, invitations and users, field by field.
import type { Role } from "../../../core/roles.js";
import type { InvitationRow } from "../../../db/queries/invitations.js";
import type { MemberRow, OrganisationRow } from "../../../db/queries/organisations.js";
import type { UserRow } from "../../../db/queries/users.js";
import { z } from "zod";
import { roleSchema, languageSchema } from "../../../core/accounts/schema.js";

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export const organisationOut = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema.nullable().describe("Your role in it; null when asked with an API key."),
  createdAt: z.string(),
});
export function presentOrganisation(row: OrganisationRow, role: Role | null): z.infer<typeof organisationOut> {
  return { id: row.id, name: row.name, role, createdAt: iso(row.created_at) };
}

export const userOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  language: languageSchema.nullable(),
});
export function presentUser(row: UserRow): z.infer<typeof userOut> {
  const language = languageSchema.safeParse(row.language);
  return { id: row.id, email: row.email, name: row.name, language: language.success ? language.data : null };
}

export const memberOut = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export function presentMember(row: MemberRow): z.infer<typeof memberOut> {
  return { userId: row.user_id, name: row.name, email: row.email, role: row.role, joinedAt: iso(row.created_at) };
}

export const invitationOut = z.object({
  id: z.string(),
  role: roleSchema,
  email: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export function presentInvitation(row: InvitationRow): z.infer<typeof invitationOut> {
  return { id: row.id, role: row.role, email: row.email, createdAt: iso(row.created_at), expiresAt: iso(row.expires_at) };
}

export { iso, isoOrNull };
