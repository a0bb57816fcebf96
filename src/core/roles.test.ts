import { describe, expect, it } from "vitest";
import { outranksOrEquals, roleCan, scopeCan } from "./roles.js";

describe("roles", () => {
  it("lets a viewer read and nothing else", () => {
    expect(roleCan("viewer", "read")).toBe(true);
    expect(roleCan("viewer", "export")).toBe(false);
    expect(roleCan("viewer", "configure")).toBe(false);
  });

  it("lets an analyst also export, an admin also configure, an owner also manage members and delete", () => {
    expect(roleCan("analyst", "export")).toBe(true);
    expect(roleCan("analyst", "configure")).toBe(false);
    expect(roleCan("admin", "configure")).toBe(true);
    expect(roleCan("admin", "manage_members")).toBe(false);
    expect(roleCan("owner", "manage_members")).toBe(true);
    expect(roleCan("owner", "delete_organisation")).toBe(true);
  });

  it("keeps API keys away from members, configuration and the organisation itself", () => {
    expect(scopeCan("read", "read")).toBe(true);
    expect(scopeCan("read", "write")).toBe(false);
    expect(scopeCan("write", "write")).toBe(true);
    for (const scope of ["read", "write"] as const) {
      expect(scopeCan(scope, "configure")).toBe(false);
      expect(scopeCan(scope, "manage_members")).toBe(false);
      expect(scopeCan(scope, "delete_organisation")).toBe(false);
    }
  });

  it("ranks roles", () => {
    expect(outranksOrEquals("owner", "admin")).toBe(true);
    expect(outranksOrEquals("admin", "owner")).toBe(false);
  });
});
