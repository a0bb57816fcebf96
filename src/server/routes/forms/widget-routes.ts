// Serves the website widget, GET /widget.js: one small script that any site may load (CORS and
// CORP open for it alone), compressed once at load, cached for an hour and revalidated by ETag.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../../context.js";
import { packageRoot } from "../../paths.js";

export const widgetBuildFile = join(packageRoot, "dist", "widget", "widget.js");

interface WidgetAsset {
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

function loadWidget(file: string): WidgetAsset | null {
  if (!existsSync(file)) return null;
  const identity = readFileSync(file);
  return {
    etag: `"${createHash("sha256").update(identity).digest("base64url").slice(0, 27)}"`,
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    brotli: brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
  };
}

/** The encodings a request accepts, from Accept-Encoding (q=0 means refused). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    if (params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) continue;
    if (name) accepted.add(name);
  }
  return accepted;
}

export function widgetRoutes(app: App, file: string = widgetBuildFile): void {
  // Read once when built; until then (a development checkout) every request looks again.
  let asset: WidgetAsset | null = null;

  app.get("/widget.js", { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    asset ??= loadWidget(file);
    if (!asset) {
      return reply.code(503).type("text/javascript; charset=utf-8").header("cache-control", "no-store").send("/* The widget is not built yet: npm run build:widget */\n");
    }
    reply
      .type("text/javascript; charset=utf-8")
      .header("access-control-allow-origin", "*")
      .header("cross-origin-resource-policy", "cross-origin")
      // An hour: a new release reaches every site within the hour, and revalidation is a 304.
      .header("cache-control", "public, max-age=3600, stale-while-revalidate=86400")
      .header("etag", asset.etag)
      .header("vary", "accept-encoding");
    if (request.headers["if-none-match"] === asset.etag) return reply.code(304).send();
    const encodings = acceptedEncodings(request.headers["accept-encoding"]);
    if (encodings.has("br")) return reply.header("content-encoding", "br").send(asset.brotli);
    if (encodings.has("gzip")) return reply.header("content-encoding", "gzip").send(asset.gzip);
    return reply.send(asset.identity);
  });
}
