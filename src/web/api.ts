// The dashboard's one door to the server: JSON in and out, the CSRF token on every change, and
// problem documents (application/problem+json) turned into ApiError values with a code and field errors.
import type { ApiKeyScope, Role } from "../core/roles.js";
import type { Language } from "../core/i18n/languages.js";

// What the server sends, as the dashboard reads it. They mirror the presenters in
// src/server/routes/**/present.ts; the web app may import only from core, so they are restated here.
export interface User {
  id: string;
  email: string;
  name: string;
  language: Language | null;
}
export interface Organisation {
  id: string;
  name: string;
  role: Role | null;
  createdAt: string;
}
export interface Session {
  user: User;
  organisations: Organisation[];
  csrfToken: string;
}
export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}
export interface Invitation {
  id: string;
  role: Role;
  email: string | null;
  createdAt: string;
  expiresAt: string;
}
export interface InvitationPreview {
  organisationName: string;
  role: Role;
  email: string | null;
}
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface FieldError {
  /** Where the server found it, e.g. "body.email". */
  field: string;
  message: string;
}

/** A failed request: the problem document's `code`, or "network_error" when the server was not reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fieldErrors: FieldError[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(code);
    this.name = "ApiError";
  }
}

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

/** Called when a signed-in request answers 401: the session ended elsewhere or expired. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export function forgetCsrfToken(): void {
  csrfToken = null;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, "network_error");
  }

  const text = response.status === 204 ? "" : await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const problem = (data ?? {}) as { code?: unknown; errors?: unknown };
    const code = typeof problem.code === "string" ? problem.code : `http_${response.status}`;
    const fieldErrors = Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [];
    const retryAfter = Number(response.headers.get("retry-after"));
    if (response.status === 401 && code === "unauthenticated" && csrfToken) {
      csrfToken = null;
      for (const listener of unauthenticatedListeners) listener();
    }
    throw new ApiError(response.status, code, fieldErrors, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }

  if (data && typeof data === "object" && "csrfToken" in data && typeof data.csrfToken === "string") csrfToken = data.csrfToken;
  return data as T;
}

/** Every call the dashboard makes, named after what it does. */
export const api = {
  setupNeeded: () => request<{ needed: boolean }>("GET", "/api/setup"),
  setup: (input: { name: string; email: string; password: string; organisationName: string; language: Language }) =>
    request<Session>("POST", "/api/setup", input),
  getSession: () => request<Session>("GET", "/api/session"),
  signIn: (input: { email: string; password: string }) => request<Session>("POST", "/api/session", input),
  signOut: async () => {
    await request<void>("DELETE", "/api/session");
    csrfToken = null;
  },
  signOutEverywhere: async () => {
    const ended = await request<{ ended: number }>("POST", "/api/account/sign-out-everywhere", {});
    csrfToken = null;
    return ended;
  },
  updateAccount: (input: { name?: string; language?: Language }) => request<User>("PATCH", "/api/account", input),
  changePassword: (input: { currentPassword: string; newPassword: string }) => request<void>("POST", "/api/account/password", input),

  previewInvitation: (token: string) => request<InvitationPreview>("GET", `/api/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (input: { token: string } | { token: string; name: string; email: string; password: string; language: Language }) =>
    request<Session>("POST", "/api/invitations/accept", input),

  createOrganisation: (name: string) => request<Organisation>("POST", "/api/v1/orgs", { name }),

  listMembers: (orgId: string) => request<{ items: Member[] }>("GET", `/api/v1/orgs/${orgId}/members`),
  changeRole: (orgId: string, userId: string, role: Role) => request<Member>("PATCH", `/api/v1/orgs/${orgId}/members/${userId}`, { role }),
  removeMember: (orgId: string, userId: string) => request<void>("DELETE", `/api/v1/orgs/${orgId}/members/${userId}`),
  listInvitations: (orgId: string) => request<{ items: Invitation[] }>("GET", `/api/v1/orgs/${orgId}/invitations`),
  invite: (orgId: string, input: { role: Role; email?: string }) =>
    request<Invitation & { url: string }>("POST", `/api/v1/orgs/${orgId}/invitations`, input),
  revokeInvitation: (orgId: string, invitationId: string) => request<void>("DELETE", `/api/v1/orgs/${orgId}/invitations/${invitationId}`),

  listApiKeys: (orgId: string) => request<{ items: ApiKey[] }>("GET", `/api/v1/orgs/${orgId}/api-keys`),
  createApiKey: (orgId: string, input: { name: string; scope: ApiKeyScope }) =>
    request<ApiKey & { key: string }>("POST", `/api/v1/orgs/${orgId}/api-keys`, input),
  revokeApiKey: (orgId: string, keyId: string) => request<void>("DELETE", `/api/v1/orgs/${orgId}/api-keys/${keyId}`),
};
