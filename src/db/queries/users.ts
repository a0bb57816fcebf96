// People who sign in. Users are global; what they may see is decided by their memberships.
import type { Kdb, UsersTable } from "../tables.js";
import { newId } from "../ids.js";

export type UserRow = UsersTable;

/** The user with this id, or null. */
export async function getUser(db: Kdb, id: string): Promise<UserRow | null> {
  return (await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** The user with this (normalised) e-mail, or null. */
export async function getUserByEmail(db: Kdb, email: string): Promise<UserRow | null> {
  return (await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst()) ?? null;
}

export async function countUsers(db: Kdb): Promise<number> {
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts a user; the e-mail must be normalised and the password already hashed. */
export async function insertUser(
  db: Kdb,
  input: { email: string; name: string; passwordHash: string; language: string | null },
  now: number,
): Promise<UserRow> {
  const row: UserRow = {
    id: newId("usr"),
    email: input.email,
    name: input.name,
    password_hash: input.passwordHash,
    language: input.language,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto("users").values(row).execute();
  return row;
}

export async function updateUser(
  db: Kdb,
  id: string,
  changes: { name?: string; language?: string | null; passwordHash?: string },
  now: number,
): Promise<void> {
  await db
    .updateTable("users")
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.language !== undefined ? { language: changes.language } : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
}
