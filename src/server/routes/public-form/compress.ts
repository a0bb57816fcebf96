// Compression for the public form's responses, chosen from Accept-Encoding: brotli, else gzip, else
// none. The HTML is compressed per request at a fast setting (it carries a visit token, so it is not
// cached); static files are compressed once, at the highest setting.
import type { FastifyReply, FastifyRequest } from "fastify";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip" | "identity";

/** The best encoding the client accepts (q=0 refuses one). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return "identity";
}

export function compress(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === "br") {
    return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  }
  if (encoding === "gzip") return gzipSync(body, { level: 6 });
  return body;
}

/** Sends a body compressed as the client prefers, with Vary: Accept-Encoding. */
export function sendCompressed(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string | { identity: Buffer; br: Buffer; gzip: Buffer },
  type: string,
): FastifyReply {
  const encoding = pickEncoding(request.headers["accept-encoding"]);
  const payload = typeof body === "string" ? compress(Buffer.from(body, "utf8"), encoding) : body[encoding];
  reply.header("vary", "Accept-Encoding").type(type);
  if (encoding !== "identity") reply.header("content-encoding", encoding);
  return reply.send(payload);
}
