import { describe, expect, it } from "vitest";
import { acceptInvitationInput, setupInput } from "./schema.js";

describe("account schemas", () => {
  it("normalises e-mails and trims names", () => {
    const parsed = setupInput.parse({ name: "  Olga ", email: " Olga@Example.COM ", password: "long enough password", organisationName: " Aurora " });
    expect(parsed).toEqual(expect.objectContaining({ name: "Olga", email: "olga@example.com", organisationName: "Aurora" }));
  });

  it("rejects short passwords and empty names", () => {
    const result = setupInput.safeParse({ name: " ", email: "a@b.co", password: "short", organisationName: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["name", "organisationName", "password"]);
  });

  it("accepts an invitation either with a token alone or with a new account", () => {
    expect(acceptInvitationInput.safeParse({ token: "abcdefghijkl" }).success).toBe(true);
    expect(acceptInvitationInput.safeParse({ token: "abcdefghijkl", name: "Ana", email: "ana@example.com", password: "long enough password" }).success).toBe(true);
    expect(acceptInvitationInput.safeParse({ token: "abcdefghijkl", name: "Ana" }).success).toBe(false);
  });
});
