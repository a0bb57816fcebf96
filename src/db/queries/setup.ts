// First-run setup: the owner and the first organisation, created once per instance.
import type { Kdb } from "../tables.js";
import { insertMembership, insertOrganisation, type OrganisationRow } from "./organisations.js";
import { insertUser, type UserRow } from "./users.js";
import { isUniqueViolation } from "../dialect.js";

const setupKey = "setup_completed_at";

export async function isSetupDone(db: Kdb): Promise<boolean> {
  const row = await db.selectFrom("instance_settings").select("value").where("key", "=", setupKey).executeTakeFirst();
  return row !== undefined;
}

export type SetupOutcome = { ok: true; user: UserRow; organisation: OrganisationRow } | { ok: false; reason: "already_set_up" };

/**
 * Creates the owner and the first organisation in one transaction. The setup row's primary key
 * makes a second, concurrent setup fail instead of creating a second owner.
 */
export async function completeSetup(
  db: Kdb,
  input: { email: string; name: string; passwordHash: string; language: string | null; organisationName: string },
  now: number,
): Promise<SetupOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      await trx.insertInto("instance_settings").values({ key: setupKey, value: String(now) }).execute();
      const user = await insertUser(trx, input, now);
      const organisation = await insertOrganisation(trx, input.organisationName, now);
      await insertMembership(trx, organisation.id, user.id, "owner", now);
      return { ok: true as const, user, organisation };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already_set_up" };
    throw error;
  }
}

/** Marks setup done without the wizard (for `momentos create-user`). */
export async function markSetupDone(db: Kdb, now: number): Promise<void> {
  await db.insertInto("instance_settings").values({ key: setupKey, value: String(now) }).onConflict((oc) => oc.column("key").doNothing()).execute();
}
