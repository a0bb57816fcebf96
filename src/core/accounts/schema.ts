// Accounts, organisations, members, invitations and API keys: the shapes and limits every layer shares.
import { z } from "zod";
import { apiKeyScopes, roles } from "../roles.js";
import { languages } from "../i18n/languages.js";

export const limits = {
  nameMax: 120,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 200,
  organisationNameMax: 120,
  apiKeyNameMax: 80,
} as const;

/** E-mail addresses are compared trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string()
  .trim()
  .max(limits.emailMax)
  .email()
  .transform(normaliseEmail);
export const passwordSchema = z.string().min(limits.passwordMin).max(limits.passwordMax);
export const personNameSchema = z.string().trim().min(1).max(limits.nameMax);
export const organisationNameSchema = z.string().trim().min(1).max(limits.organisationNameMax);
export const roleSchema = z.enum(roles);
export const languageSchema = z.enum(languages);
export const apiKeyScopeSchema = z.enum(apiKeyScopes);

export const setupInput = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  organisationName: organisationNameSchema,
  language: languageSchema.optional(),
});
export type SetupInput = z.infer<typeof setupInput>;

export const signInInput = z.object({
  email: z.string().trim().max(limits.emailMax).transform(normaliseEmail),
  password: z.string().max(limits.passwordMax),
});

export const changePasswordInput = z.object({
  currentPassword: z.string().max(limits.passwordMax),
  newPassword: passwordSchema,
});

export const updateAccountInput = z.object({
  name: personNameSchema.optional(),
  language: languageSchema.optional(),
});

export const createOrganisationInput = z.object({ name: organisationNameSchema });
export const renameOrganisationInput = z.object({ name: organisationNameSchema });

export const createInvitationInput = z.object({
  role: roleSchema,
  email: emailSchema.optional(),
});

export const acceptInvitationInput = z.union([
  // A signed-in person accepts with their current account.
  z.object({ token: z.string().min(10).max(200) }).strict(),
  // A new person creates an account while accepting.
  z.object({
    token: z.string().min(10).max(200),
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
    language: languageSchema.optional(),
  }),
]);

export const changeRoleInput = z.object({ role: roleSchema });

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(limits.apiKeyNameMax),
  scope: apiKeyScopeSchema,
});

/** How long an invitation link stays valid. */
export const invitationLifetimeMs = 7 * 24 * 3600 * 1000;
