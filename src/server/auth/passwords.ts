// Password hashing with scrypt (Node's own, memory-hard). The parameters are stored with each hash
// so that they can be raised later without locking anyone out.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolveHash, reject) =>
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolveHash(key))),
  );
}

// OWASP's scrypt setting with a 16 MiB memory cost: N=2^14, r=8, p=5 (about 0.2 s on one core).
let defaults = { N: 2 ** 14, r: 8, p: 5 };

/**
 * Lowers the cost of new hashes. Only the test suite calls this, so that hundreds of sign-ins stay
 * fast; existing hashes keep verifying with the parameters stored inside them.
 */
export function setPasswordHashCostForTests(parameters: { N: number; r: number; p: number }): void {
  defaults = parameters;
}
const keyLength = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, keyLength, { ...defaults, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${defaults.N}$${defaults.r}$${defaults.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** True when `password` matches `stored`. Malformed hashes never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, "base64");
  const expected = Buffer.from(parts[5]!, "base64");
  const key = await scrypt(password, salt, expected.length, { N, r, p, maxmem: 256 * 1024 * 1024 });
  return timingSafeEqual(key, expected);
}

// A hash to compare against when the account does not exist, so both cases take the same time.
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("momentos-dummy-password");
  await verifyPassword(password, await dummyHash);
  return false;
}
