// The form page's static file (form.js) with a content-hashed name, compressed once at start-up at
// the highest settings, and the CSP hashes of the page's inline styles.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { formScript } from "../../../form/script.js";

export interface StaticAsset {
  name: string;
  url: string;
  type: string;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

function makeAsset(base: string, extension: string, type: string, text: string): StaticAsset {
  const identity = Buffer.from(text, "utf8");
  const hash = createHash("sha256").update(identity).digest("hex").slice(0, 12);
  const name = `${base}.${hash}.${extension}`;
  return {
    name,
    url: `/f/assets/${name}`,
    type,
    identity,
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzip: gzipSync(identity, { level: 9 }),
  };
}

export const formScriptAsset = makeAsset("form", "js", "text/javascript; charset=utf-8", formScript);

/** The static files under /f/assets/, by name. */
export const formAssets: ReadonlyMap<string, StaticAsset> = new Map([[formScriptAsset.name, formScriptAsset]]);

const hashes = new Map<string, string>();

/** `'sha256-…'` of an inline <style> or <script> body, for the CSP; remembered, as pages repeat them. */
export function cspHash(text: string): string {
  let hash = hashes.get(text);
  if (!hash) {
    hash = `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
    if (hashes.size > 10_000) hashes.clear();
    hashes.set(text, hash);
  }
  return hash;
}
