// The audit trail: who changed what in an organisation, and when.
import type { Kdb, AuditEventsTable } from "../tables.js";
import { newId } from "../ids.js";

export type AuditEventRow = AuditEventsTable;

export interface Actor {
  userId: string | null;
  apiKeyId: string | null;
}

export async function recordAuditEvent(
  db: Kdb,
  input: { organisationId: string; actor: Actor; action: string; targetType: string; targetId: string; details?: unknown },
  now: number,
): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      id: newId("aud"),
      organisation_id: input.organisationId,
      actor_user_id: input.actor.userId,
      actor_api_key_id: input.actor.apiKeyId,
      action: input.action,
      target_type: input.targetType,
      target_id: input.targetId,
      details: input.details === undefined ? null : JSON.stringify(input.details),
      at: now,
    })
    .execute();
}

/** The organisation's audit events, newest first, optionally for one target. */
export async function listAuditEvents(
  db: Kdb,
  organisationId: string,
  options: { targetType?: string; targetId?: string; limit: number; before?: number },
): Promise<AuditEventRow[]> {
  let query = db.selectFrom("audit_events").selectAll().where("organisation_id", "=", organisationId);
  if (options.targetType) query = query.where("target_type", "=", options.targetType);
  if (options.targetId) query = query.where("target_id", "=", options.targetId);
  if (options.before !== undefined) query = query.where("at", "<", options.before);
  return query.orderBy("at", "desc").orderBy("id", "desc").limit(options.limit).execute();
}
