// Who is asking: a signed-in member (session cookie) or a program (API key). Also enforces CSRF on
// every cookie-authenticated state change, and answers "may this principal do that in this organisation?".
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type {} from "@fastify/cookie";
import { roleCan, scopeCan, type ApiKeyScope, type Permission, type Role } from "../../core/roles.js";
import { getActiveApiKey, markApiKeyUsed, apiKeyPrefix } from "../../db/queries/api-keys.js";
import { getMembership } from "../../db/queries/organisations.js";
import { deleteSession, getLiveSession, touchSession, type SessionRow } from "../../db/queries/sessions.js";
import { getUser, type UserRow } from "../../db/queries/users.js";
import type { Actor } from "../../db/queries/audit.js";
import type { App, AppContext } from "../context.js";
import { problem } from "../errors.js";

export const sessionCookie = "momentos_session";
export const csrfHeader = "x-csrf-token";

/** Sessions slide: each use extends them by this much, up to the absolute limit. */
export const sessionIdleMs = 14 * 24 * 3600 * 1000;
export const sessionAbsoluteMs = 30 * 24 * 3600 * 1000;
const touchEveryMs = 60 * 1000;
const keyUseEveryMs = 60 * 1000;

export type Principal =
  | { kind: "session"; user: UserRow; session: SessionRow }
  | { kind: "api_key"; apiKeyId: string; organisationId: string; scope: ApiKeyScope };

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Resolves the principal of every /api request, and checks CSRF and origin on state changes. Cookies
 * are parsed here, for /api only (the cookie plugin runs with `hook: false`): the public form and the
 * widget take no cookies, and their requests skip this hook's promise altogether.
 */
export function registerPrincipal(app: App, ctx: AppContext): void {
  app.decorateRequest("principal", null);
  app.addHook("preHandler", (request, reply, done) => {
    if (!request.url.startsWith("/api/")) return done();
    const header = request.headers.cookie;
    request.cookies = header ? app.parseCookie(header) : {};
    authorise(request, reply, ctx).then(() => done(), done);
  });
}

async function authorise(request: FastifyRequest, reply: FastifyReply, ctx: AppContext): Promise<void> {
  const principal = await resolvePrincipal(request, reply, ctx);
  request.principal = principal;
  if (!unsafeMethods.has(request.method)) return;
  if (principal?.kind === "api_key") return; // programs send no cookies, so CSRF does not apply
  checkOrigin(request, ctx);
  if (principal?.kind === "session") {
    const sent = request.headers[csrfHeader];
    if (typeof sent !== "string" || !safeEqual(sent, principal.session.csrf_token)) throw problem("csrf_failed");
  }
}

async function resolvePrincipal(request: FastifyRequest, reply: FastifyReply, ctx: AppContext): Promise<Principal | null> {
  const now = ctx.clock();
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const key = match?.[1];
    if (!key || !key.startsWith(apiKeyPrefix) || key.length > 200) throw problem("invalid_api_key");
    const row = await getActiveApiKey(ctx.db.kysely, key);
    if (!row) throw problem("invalid_api_key");
    if (row.last_used_at === null || now - row.last_used_at > keyUseEveryMs) await markApiKeyUsed(ctx.db.kysely, row.id, now);
    return { kind: "api_key", apiKeyId: row.id, organisationId: row.organisation_id, scope: row.scope };
  }

  const cookie = request.cookies[sessionCookie];
  if (!cookie) return null;
  const session = await getLiveSession(ctx.db.kysely, cookie, now);
  const user = session ? await getUser(ctx.db.kysely, session.user_id) : null;
  if (!session || !user) {
    clearSessionCookie(reply, ctx);
    return null;
  }
  if (now - session.last_seen_at > touchEveryMs) {
    const expiresAt = Math.min(session.created_at + sessionAbsoluteMs, now + sessionIdleMs);
    await touchSession(ctx.db.kysely, session.id_hash, now, expiresAt);
  }
  return { kind: "session", user, session };
}

/** A browser's cross-site request carries a foreign Origin; programs and same-site pages do not. */
function checkOrigin(request: FastifyRequest, ctx: AppContext): void {
  const origin = request.headers.origin;
  if (!origin || origin === "null") {
    if (origin === "null") throw problem("origin_mismatch");
    return;
  }
  const host = request.headers.host;
  const allowed = new Set([ctx.config.baseUrl.origin]);
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (!allowed.has(origin)) throw problem("origin_mismatch");
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, id: string, expiresAt: number): void {
  reply.setCookie(sessionCookie, id, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.config.baseUrl.protocol === "https:",
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext): void {
  reply.clearCookie(sessionCookie, { path: "/", httpOnly: true, sameSite: "lax", secure: ctx.config.baseUrl.protocol === "https:" });
}

/** The signed-in user, or a 401 problem (API keys act for organisations, not people). */
export function requireUser(request: FastifyRequest): { user: UserRow; session: SessionRow } {
  const principal = request.principal;
  if (!principal) throw problem("unauthenticated");
  if (principal.kind !== "session") throw problem("forbidden", "This needs a signed-in member, not an API key.");
  return { user: principal.user, session: principal.session };
}

export interface OrganisationAccess {
  organisationId: string;
  /** The member's role, or null for an API key. */
  role: Role | null;
  actor: Actor;
}

/**
 * Checks that the principal may do `permission` in organisation `organisationId`.
 * Outsiders get 404, so they cannot even learn that the organisation exists; members and keys
 * without the right get 403.
 */
export async function requireOrganisation(
  request: FastifyRequest,
  ctx: AppContext,
  organisationId: string,
  permission: Permission,
): Promise<OrganisationAccess> {
  const principal = request.principal;
  if (!principal) throw problem("unauthenticated");
  if (principal.kind === "api_key") {
    if (principal.organisationId !== organisationId) throw problem("not_found");
    if (!scopeCan(principal.scope, permission)) throw problem("forbidden", `This API key's scope (${principal.scope}) does not allow this.`);
    return { organisationId, role: null, actor: { userId: null, apiKeyId: principal.apiKeyId } };
  }
  const membership = await getMembership(ctx.db.kysely, organisationId, principal.user.id);
  if (!membership) throw problem("not_found");
  if (!roleCan(membership.role, permission)) throw problem("forbidden");
  return { organisationId, role: membership.role, actor: { userId: principal.user.id, apiKeyId: null } };
}

/** A keyed hash of an IP address or e-mail, so rate-limit rows identify nobody. */
export function rateSubject(ctx: AppContext, kind: "ip" | "account", value: string): string {
  return `${kind}:${createHmac("sha256", ctx.config.secret).update(value).digest("base64url").slice(0, 32)}`;
}

export async function endSession(ctx: AppContext, session: SessionRow): Promise<void> {
  await deleteSession(ctx.db.kysely, session.id_hash);
}
