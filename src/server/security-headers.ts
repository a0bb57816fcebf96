// The security headers of every response (CSP, nosniff, referrer policy, HSTS behind https…), computed
// once at start with helmet and then set as plain strings: @fastify/helmet built a new helmet
// middleware for every request, which cost several per cent of the ingestion path.
import type { IncomingMessage, ServerResponse } from "node:http";
import helmet, { type HelmetOptions } from "helmet";

/** The headers helmet would set with these options, as name/value pairs. */
export function computeSecurityHeaders(options: Readonly<HelmetOptions>): Array<[string, string]> {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let failure: unknown = null;
  helmet(options as HelmetOptions)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure) throw failure;
  return [...headers];
}
