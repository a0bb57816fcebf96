// Identifiers and secrets. Ids are random, prefixed by kind (org_, usr_…), the same on both databases
// and safe to generate on many app servers at once. Secrets are stored only as SHA-256 hashes.
import { createHash, randomBytes } from "node:crypto";

const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! & 31];
  return out;
}

/** A new id such as `org_8k2m4x7q9d1c5v3b`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBase32(16)}`;
}

/**
 * `count` new ids that sort by creation time, such as `rsp_01jd5x8k2a7q9d1c5v3bme4`: the time in ms
 * (9 base32 characters, good until the year 3084) then 11 random ones (55 bits, so ids made in the
 * same millisecond on many app servers do not collide). For rows written at a high rate: an index on
 * the id grows at its end instead of dirtying a random page per row.
 */
export function newTimeOrderedIds(prefix: string, now: number, count: number): string[] {
  let time = "";
  for (let i = 0, t = Math.max(0, Math.floor(now)); i < 9; i++, t = Math.floor(t / 32)) time = alphabet[t % 32] + time;
  const bytes = randomBytes(count * 11);
  const ids = new Array<string>(count);
  for (let n = 0; n < count; n++) {
    let id = `${prefix}_${time}`;
    for (let i = n * 11; i < n * 11 + 11; i++) id += alphabet[bytes[i]! & 31];
    ids[n] = id;
  }
  return ids;
}

/** A new high-entropy secret (about 160 bits), url-safe. */
export function newSecret(): string {
  return randomBytes(20).toString("base64url");
}

/** SHA-256 of a high-entropy secret, hex. Enough for random tokens; passwords use scrypt. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
