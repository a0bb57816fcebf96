// Whether a touchpoint holds data worth keeping. Removing a touchpoint from the map never destroys
// data: today every removal archives (soft removal), and this hook is what a future purge or
// "delete for real" path must ask first. Later issues add a check per kind of data (responses, cases…).
import type { Kdb } from "../tables.js";

/** One kind of data a touchpoint may hold; true when it holds some. Every check is organisation-scoped. */
export type TouchpointDataCheck = (db: Kdb, organisationId: string, touchpointId: string) => Promise<boolean>;

/** Audit history: something was recorded about the touchpoint (it was created, edited, moved…). */
const hasAuditHistory: TouchpointDataCheck = async (db, organisationId, touchpointId) => {
  const row = await db
    .selectFrom("audit_events")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("target_type", "=", "touchpoint")
    .where("target_id", "=", touchpointId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
};

/**
 * The checks, in order. The responses issue appends `hasResponses`, the cases issue `hasCases`, and so on;
 * a touchpoint has data when any check says so.
 */
export const touchpointDataChecks: TouchpointDataCheck[] = [hasAuditHistory];

/** True when any check finds data on the touchpoint. */
export async function touchpointHasData(db: Kdb, organisationId: string, touchpointId: string): Promise<boolean> {
  for (const check of touchpointDataChecks) if (await check(db, organisationId, touchpointId)) return true;
  return false;
}
