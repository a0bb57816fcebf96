// Failed sign-ins, counted per account and per IP in the database so that every app server
// behind a load balancer sees the same count.
import type { Kdb } from "../tables.js";
import { newId } from "../ids.js";

export async function recordSignInFailure(db: Kdb, subjects: string[], now: number): Promise<void> {
  if (subjects.length === 0) return;
  await db.insertInto("sign_in_failures").values(subjects.map((subject) => ({ id: newId("sif"), subject, at: now }))).execute();
}

/** Failures of a subject since `since`. */
export async function countSignInFailures(db: Kdb, subject: string, since: number): Promise<number> {
  const row = await db
    .selectFrom("sign_in_failures")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("subject", "=", subject)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function clearSignInFailures(db: Kdb, subject: string): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("subject", "=", subject).execute();
}

export async function deleteOldSignInFailures(db: Kdb, before: number): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("at", "<", before).execute();
}
