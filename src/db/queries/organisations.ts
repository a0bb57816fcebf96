// Organisations (brands) and the memberships that give people a role in them.
import type { Role } from "../../core/roles.js";
import type { Kdb, MembershipsTable, OrganisationsTable } from "../tables.js";
import { newId } from "../ids.js";

export type OrganisationRow = OrganisationsTable;
export type MembershipRow = MembershipsTable;

export async function insertOrganisation(db: Kdb, name: string, now: number): Promise<OrganisationRow> {
  const row: OrganisationRow = { id: newId("org"), name, created_at: now, updated_at: now };
  await db.insertInto("organisations").values(row).execute();
  return row;
}

export async function getOrganisation(db: Kdb, id: string): Promise<OrganisationRow | null> {
  return (await db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

export async function renameOrganisation(db: Kdb, id: string, name: string, now: number): Promise<void> {
  await db.updateTable("organisations").set({ name, updated_at: now }).where("id", "=", id).execute();
}

/** Deletes an organisation and, through cascading keys, everything it holds. */
export async function deleteOrganisation(db: Kdb, id: string): Promise<void> {
  await db.deleteFrom("organisations").where("id", "=", id).execute();
}

/** The organisations a user belongs to, with their role, by name. */
export async function listOrganisationsOfUser(
  db: Kdb,
  userId: string,
): Promise<Array<OrganisationRow & { role: Role }>> {
  return db
    .selectFrom("memberships")
    .innerJoin("organisations", "organisations.id", "memberships.organisation_id")
    .select([
      "organisations.id",
      "organisations.name",
      "organisations.created_at",
      "organisations.updated_at",
      "memberships.role",
    ])
    .where("memberships.user_id", "=", userId)
    .orderBy("organisations.name")
    .execute();
}

export async function getMembership(db: Kdb, organisationId: string, userId: string): Promise<MembershipRow | null> {
  return (
    (await db
      .selectFrom("memberships")
      .selectAll()
      .where("organisation_id", "=", organisationId)
      .where("user_id", "=", userId)
      .executeTakeFirst()) ?? null
  );
}

export async function insertMembership(db: Kdb, organisationId: string, userId: string, role: Role, now: number): Promise<void> {
  await db.insertInto("memberships").values({ organisation_id: organisationId, user_id: userId, role, created_at: now }).execute();
}

export interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  created_at: number;
}

/** The members of an organisation, by name. */
export async function listMembers(db: Kdb, organisationId: string): Promise<MemberRow[]> {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id as user_id", "users.name", "users.email", "memberships.role", "memberships.created_at"])
    .where("memberships.organisation_id", "=", organisationId)
    .orderBy("users.name")
    .execute();
}

export async function countOwners(db: Kdb, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", organisationId)
    .where("role", "=", "owner")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateMembershipRole(db: Kdb, organisationId: string, userId: string, role: Role): Promise<void> {
  await db
    .updateTable("memberships")
    .set({ role })
    .where("organisation_id", "=", organisationId)
    .where("user_id", "=", userId)
    .execute();
}

export async function deleteMembership(db: Kdb, organisationId: string, userId: string): Promise<void> {
  await db.deleteFrom("memberships").where("organisation_id", "=", organisationId).where("user_id", "=", userId).execute();
}
