// Setup, sign-in and sign-out, the signed-in person's account, and accepting invitations.
import { z } from "zod";
import {
  acceptInvitationInput,
  changePasswordInput,
  setupInput,
  signInInput,
  updateAccountInput,
} from "../../../core/accounts/schema.js";
import { roleSchema } from "../../../core/accounts/schema.js";
import { getInvitationByToken, markInvitationAccepted } from "../../../db/queries/invitations.js";
import { getMembership, getOrganisation, insertMembership, listOrganisationsOfUser } from "../../../db/queries/organisations.js";
import { deleteSessionsOfUser, insertSession } from "../../../db/queries/sessions.js";
import { completeSetup, isSetupDone } from "../../../db/queries/setup.js";
import { clearSignInFailures, countSignInFailures, recordSignInFailure } from "../../../db/queries/sign-in-failures.js";
import { getUserByEmail, insertUser, updateUser, type UserRow } from "../../../db/queries/users.js";
import { recordAuditEvent } from "../../../db/queries/audit.js";
import { isUniqueViolation } from "../../../db/dialect.js";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "../../auth/passwords.js";
import {
  clearSessionCookie,
  endSession,
  rateSubject,
  requireUser,
  sessionAbsoluteMs,
  sessionIdleMs,
  setSessionCookie,
} from "../../auth/principal.js";
import { organisationOut, presentOrganisation, presentUser, userOut } from "../organisations/present.js";
import { problemResponses } from "../openapi.js";

/** Sign-in limits: failures allowed per window before further attempts answer 429. */
export const signInLimits = { windowMs: 15 * 60 * 1000, perAccount: 10, perIp: 50 };

const sessionOut = z.object({
  user: userOut,
  organisations: z.array(organisationOut),
  csrfToken: z.string().describe("Send it as the X-CSRF-Token header with every state-changing request."),
});

export function sessionRoutes(app: App, ctx: AppContext): void {
  const db = ctx.db.kysely;

  async function startSession(request: FastifyRequest, reply: FastifyReply, user: UserRow): Promise<z.infer<typeof sessionOut>> {
    const now = ctx.clock();
    const expiresAt = Math.min(now + sessionIdleMs, now + sessionAbsoluteMs);
    const { id, row } = await insertSession(db, { userId: user.id, userAgent: request.headers["user-agent"] ?? null, expiresAt }, now);
    setSessionCookie(reply, ctx, id, expiresAt);
    return describeSession(user, row.csrf_token);
  }

  async function describeSession(user: UserRow, csrfToken: string): Promise<z.infer<typeof sessionOut>> {
    const organisations = await listOrganisationsOfUser(db, user.id);
    return { user: presentUser(user), organisations: organisations.map((o) => presentOrganisation(o, o.role)), csrfToken };
  }

  app.get(
    "/api/setup",
    {
      schema: {
        tags: ["session"],
        summary: "Whether this instance still needs its first owner",
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async () => ({ needed: !(await isSetupDone(db)) }),
  );

  app.post(
    "/api/setup",
    {
      schema: {
        tags: ["session"],
        summary: "Create the owner and the first organisation (once per instance)",
        body: setupInput,
        response: { 201: sessionOut, ...problemResponses(400, 409) },
      },
    },
    async (request, reply) => {
      if (await isSetupDone(db)) throw problem("already_set_up");
      const body = request.body;
      const outcome = await completeSetup(
        db,
        {
          email: body.email,
          name: body.name,
          passwordHash: await hashPassword(body.password),
          language: body.language ?? null,
          organisationName: body.organisationName,
        },
        ctx.clock(),
      );
      if (!outcome.ok) throw problem(outcome.reason);
      return reply.code(201).send(await startSession(request, reply, outcome.user));
    },
  );

  app.post(
    "/api/session",
    {
      schema: {
        tags: ["session"],
        summary: "Sign in",
        body: signInInput,
        response: { 200: sessionOut, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const now = ctx.clock();
      const since = now - signInLimits.windowMs;
      const accountSubject = rateSubject(ctx, "account", email);
      const ipSubject = rateSubject(ctx, "ip", request.ip);
      const [accountFailures, ipFailures] = await Promise.all([
        countSignInFailures(db, accountSubject, since),
        countSignInFailures(db, ipSubject, since),
      ]);
      if (accountFailures >= signInLimits.perAccount || ipFailures >= signInLimits.perIp) {
        reply.header("retry-after", String(Math.ceil(signInLimits.windowMs / 1000)));
        throw problem("rate_limited");
      }
      const user = await getUserByEmail(db, email);
      const valid = user ? await verifyPassword(password, user.password_hash) : await verifyAgainstDummy(password);
      if (!user || !valid) {
        await recordSignInFailure(db, [accountSubject, ipSubject], now);
        throw problem("invalid_credentials");
      }
      await clearSignInFailures(db, accountSubject);
      return startSession(request, reply, user);
    },
  );

  app.get(
    "/api/session",
    {
      schema: {
        tags: ["session"],
        summary: "The signed-in person, their organisations and the CSRF token",
        response: { 200: sessionOut, ...problemResponses(401) },
      },
    },
    async (request) => {
      const { user, session } = requireUser(request);
      return describeSession(user, session.csrf_token);
    },
  );

  app.delete(
    "/api/session",
    { schema: { tags: ["session"], summary: "Sign out", response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.principal?.kind === "session") await endSession(ctx, request.principal.session);
      clearSessionCookie(reply, ctx);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/account/sign-out-everywhere",
    {
      schema: {
        tags: ["account"],
        summary: "End every session of the signed-in person, this one included",
        response: { 200: z.object({ ended: z.number().int() }), ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const { user } = requireUser(request);
      const ended = await deleteSessionsOfUser(db, user.id);
      clearSessionCookie(reply, ctx);
      return { ended };
    },
  );

  app.patch(
    "/api/account",
    {
      schema: {
        tags: ["account"],
        summary: "Change your name or language",
        body: updateAccountInput,
        response: { 200: userOut, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { user } = requireUser(request);
      const now = ctx.clock();
      await updateUser(db, user.id, { name: request.body.name, language: request.body.language }, now);
      return presentUser({
        ...user,
        name: request.body.name ?? user.name,
        language: request.body.language ?? user.language,
        updated_at: now,
      });
    },
  );

  app.post(
    "/api/account/password",
    {
      schema: {
        tags: ["account"],
        summary: "Change your password; every other session ends",
        body: changePasswordInput,
        response: { 204: z.null(), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { user, session } = requireUser(request);
      if (!(await verifyPassword(request.body.currentPassword, user.password_hash))) {
        throw problem("invalid_credentials", "The current password is wrong.", {
          errors: [{ field: "body.currentPassword", message: "is wrong" }],
        });
      }
      await updateUser(db, user.id, { passwordHash: await hashPassword(request.body.newPassword) }, ctx.clock());
      await deleteSessionsOfUser(db, user.id, session.id_hash);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/invitations/:token",
    {
      schema: {
        tags: ["session"],
        summary: "What an invitation link offers (the token is the secret)",
        params: z.object({ token: z.string().min(10).max(200) }),
        response: {
          200: z.object({ organisationName: z.string(), role: roleSchema, email: z.string().nullable(), expiresAt: z.string() }),
          ...problemResponses(404, 410),
        },
      },
    },
    async (request) => {
      const invitation = await getInvitationByToken(db, request.params.token);
      if (!invitation) throw problem("not_found");
      if (!isInvitationOpen(invitation, ctx.clock())) throw problem("invitation_invalid");
      const organisation = await getOrganisation(db, invitation.organisation_id);
      if (!organisation) throw problem("not_found");
      return {
        organisationName: organisation.name,
        role: invitation.role,
        email: invitation.email,
        expiresAt: new Date(invitation.expires_at).toISOString(),
      };
    },
  );

  app.post(
    "/api/invitations/accept",
    {
      schema: {
        tags: ["session"],
        summary: "Accept an invitation, signed in or creating an account",
        body: acceptInvitationInput,
        response: { 200: sessionOut, ...problemResponses(400, 401, 404, 409, 410) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const now = ctx.clock();
      const invitation = await getInvitationByToken(db, body.token);
      if (!invitation) throw problem("not_found");
      if (!isInvitationOpen(invitation, now)) throw problem("invitation_invalid");

      const signedIn = request.principal?.kind === "session" ? request.principal : null;
      let user: UserRow;
      if ("password" in body) {
        if (signedIn) throw problem("bad_request", "You are signed in: accept with your current account.");
        if (invitation.email && invitation.email !== body.email) {
          throw problem("validation_failed", undefined, { errors: [{ field: "body.email", message: "must be the invited address" }] });
        }
        try {
          user = await insertUser(
            db,
            { email: body.email, name: body.name, passwordHash: await hashPassword(body.password), language: body.language ?? null },
            now,
          );
        } catch (error) {
          if (isUniqueViolation(error)) throw problem("email_taken", "Sign in with this e-mail first, then open the link again.");
          throw error;
        }
      } else {
        if (!signedIn) throw problem("unauthenticated");
        user = signedIn.user;
        if (invitation.email && invitation.email !== user.email) throw problem("forbidden", "This invitation is for another e-mail address.");
      }
      if (await getMembership(db, invitation.organisation_id, user.id)) throw problem("already_member");
      if (!(await markInvitationAccepted(db, invitation.id, user.id, now))) throw problem("invitation_invalid");
      await insertMembership(db, invitation.organisation_id, user.id, invitation.role, now);
      await recordAuditEvent(
        db,
        {
          organisationId: invitation.organisation_id,
          actor: { userId: user.id, apiKeyId: null },
          action: "member.joined",
          targetType: "member",
          targetId: user.id,
          details: { role: invitation.role, invitationId: invitation.id },
        },
        now,
      );
      if (signedIn) return describeSession(user, signedIn.session.csrf_token);
      return startSession(request, reply, user);
    },
  );
}

function isInvitationOpen(invitation: { accepted_at: number | null; revoked_at: number | null; expires_at: number }, now: number): boolean {
  return invitation.accepted_at === null && invitation.revoked_at === null && invitation.expires_at > now;
}
