// API keys: shown once, stored as a SHA-256 hash, scoped to one organisation and to read or write.
import type { ApiKeyScope } from "../../core/roles.js";
import type { ApiKeysTable, Kdb } from "../tables.js";
import { hashSecret, newId, newSecret } from "../ids.js";

export type ApiKeyRow = ApiKeysTable;

/** Every key starts with this, so that secret scanners and people recognise it. */
export const apiKeyPrefix = "mk_";

/** Creates a key; the plain key is returned once and never stored. */
export async function insertApiKey(
  db: Kdb,
  input: { organisationId: string; name: string; scope: ApiKeyScope; createdBy: string | null },
  now: number,
): Promise<{ row: ApiKeyRow; key: string }> {
  const key = `${apiKeyPrefix}${newSecret()}`;
  const row: ApiKeyRow = {
    id: newId("key"),
    organisation_id: input.organisationId,
    name: input.name,
    prefix: key.slice(0, 10),
    key_hash: hashSecret(key),
    scope: input.scope,
    created_by: input.createdBy,
    created_at: now,
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto("api_keys").values(row).execute();
  return { row, key };
}

/** The organisation's keys, active first, newest first. */
export async function listApiKeys(db: Kdb, organisationId: string): Promise<ApiKeyRow[]> {
  return db
    .selectFrom("api_keys")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .orderBy("revoked_at", "desc")
    .orderBy("created_at", "desc")
    .execute();
}

/** The active key matching a presented secret, or null. */
export async function getActiveApiKey(db: Kdb, key: string): Promise<ApiKeyRow | null> {
  return (
    (await db
      .selectFrom("api_keys")
      .selectAll()
      .where("key_hash", "=", hashSecret(key))
      .where("revoked_at", "is", null)
      .executeTakeFirst()) ?? null
  );
}

export async function revokeApiKey(db: Kdb, organisationId: string, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("api_keys")
    .set({ revoked_at: now })
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function getApiKey(db: Kdb, organisationId: string, id: string): Promise<ApiKeyRow | null> {
  return (
    (await db
      .selectFrom("api_keys")
      .selectAll()
      .where("organisation_id", "=", organisationId)
      .where("id", "=", id)
      .executeTakeFirst()) ?? null
  );
}

export async function markApiKeyUsed(db: Kdb, id: string, now: number): Promise<void> {
  await db.updateTable("api_keys").set({ last_used_at: now }).where("id", "=", id).execute();
}
