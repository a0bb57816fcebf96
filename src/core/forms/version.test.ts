import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formConfigSchema, type FormConfigInput } from "./config.js";
import { sha256Hex } from "./sha256.js";
import { canonicalJson, describeFormChange, formVersionHash, needsNewFormVersion } from "./version.js";

const base: FormConfigInput = { brandName: "Acme", experienceName: { es: "tu compra" } };
const config = (change: Partial<FormConfigInput> = {}) => formConfigSchema.parse({ ...base, ...change });

describe("sha256Hex", () => {
  it("matches the standard test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Hex("a".repeat(1000))).toBe("41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  });

  it("agrees with node:crypto on UTF-8 text of every length around the block size", () => {
    for (const text of ["é", "😀", "¿Qué sentiste?", ...Array.from({ length: 70 }, (_, n) => "ñ".repeat(n) + "a".repeat(n % 7))]) {
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });
});

describe("form versions", () => {
  it("hashes a version stably: same content, same hash, whatever the key order", () => {
    const a = config();
    const b = formConfigSchema.parse({ experienceName: { es: "tu compra" }, brandName: "Acme", open: true });
    expect(formVersionHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(formVersionHash(a)).toBe(formVersionHash(b));
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: undefined }] })).toBe('{"a":[2,{"d":3}],"b":1}');
  });

  it("makes a version for the first configuration", () => {
    expect(needsNewFormVersion(null, config())).toBe(true);
  });

  it("makes a new version for any wording change", () => {
    expect(needsNewFormVersion(config(), config({ wording: { pt: { nps: "Recomendaria {marca}?" } } }))).toBe(true);
    expect(needsNewFormVersion(config(), config({ experienceName: { es: "tu pedido" } }))).toBe(true);
    expect(needsNewFormVersion(config(), config({ brandName: "Acme Shop" }))).toBe(true);
    expect(needsNewFormVersion(config(), config({ variant: "content" }))).toBe(true);
  });

  it("makes no new version for a rewording equal to the default or differing only in spacing", () => {
    expect(needsNewFormVersion(config(), config({ wording: { en: { nps: "How likely are you to recommend {brand} to a friend or colleague?" } } }))).toBe(false);
    const a = config({ wording: { es: { ces: "{Marca} lo hizo fácil." } } });
    const b = config({ wording: { es: { ces: "  {Marca}  lo hizo\nfácil. " } } });
    expect(needsNewFormVersion(a, b)).toBe(false);
  });

  it("makes no new version for opening, closing, colour, logo, thank-you or redirect", () => {
    const change = describeFormChange(
      config(),
      config({
        open: false,
        brandColour: "#000000",
        logoUrl: "https://example.com/l.png",
        thankYou: { es: "¡Gracias!" },
        redirectUrl: "https://example.com",
      }),
    );
    expect(change).toEqual({ newVersion: false, changed: ["logoUrl", "brandColour", "thankYou", "redirectUrl", "open"] });
  });

  it("names what changed", () => {
    expect(describeFormChange(config(), config({ wording: { es: { csat: "¿Contento/a?" } } }))).toEqual({ newVersion: true, changed: ["wording"] });
    expect(describeFormChange(config(), config())).toEqual({ newVersion: false, changed: [] });
  });

  it("has a hash that does not move unless the content does", () => {
    // Pinned: if this changes, every stored form gets a new version on its next save. Update it only
    // when a default text or label was changed on purpose.
    expect(formVersionHash(formConfigSchema.parse({ brandName: "Acme" }))).toBe("bb38bdc23439835d949399f8f3ef15c74662be72fe499ee77d3544619d2b94da");
  });
});
