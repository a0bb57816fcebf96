// Who may do what inside an organisation. The server checks every route against this table;
// the dashboard reads it only to hide what a member cannot use.

export const roles = ["viewer", "analyst", "admin", "owner"] as const;
export type Role = (typeof roles)[number];

export const apiKeyScopes = ["read", "write"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** What a route needs. Each permission implies the ones before it for members. */
export type Permission = "read" | "export" | "write" | "configure" | "manage_members" | "delete_organisation";

const rank: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2, owner: 3 };

const minimumRole: Record<Permission, Role> = {
  read: "viewer",
  export: "analyst",
  write: "admin",
  configure: "admin",
  manage_members: "owner",
  delete_organisation: "owner",
};

/** What an API key of each scope may do: never manage members, keys or the organisation itself. */
const keyPermissions: Record<ApiKeyScope, readonly Permission[]> = {
  read: ["read", "export"],
  write: ["read", "export", "write"],
};

/** True when a member with `role` may use a route that needs `permission`. */
export function roleCan(role: Role, permission: Permission): boolean {
  return rank[role] >= rank[minimumRole[permission]];
}

/** True when an API key of `scope` may use a route that needs `permission`. */
export function scopeCan(scope: ApiKeyScope, permission: Permission): boolean {
  return keyPermissions[scope].includes(permission);
}

/** True when `actor` may give or take away `target` (only owners touch owners). */
export function outranksOrEquals(actor: Role, target: Role): boolean {
  return rank[actor] >= rank[target];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
