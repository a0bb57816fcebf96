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

/** A new high-entropy secret (about 160 bits), url-safe. */
export function newSecret(): string {
  return randomBytes(20).toString("base64url");
}

/** SHA-256 of a high-entropy secret, hex. Enough for random tokens; passwords use scrypt. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
