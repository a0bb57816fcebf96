import { describe, expect, it } from "vitest";
import { defaultFormConfig, formConfigSchema, rewordingOf } from "./config.js";

const issuesOf = (input: unknown) => {
  const result = formConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("form configuration", () => {
  it("fills defaults: universal, open, Momentos' colour, default wording", () => {
    const config = defaultFormConfig("Acme");
    expect(config).toEqual({
      variant: "universal",
      wording: {},
      brandName: "Acme",
      logoUrl: null,
      brandColour: "#1d4ed8",
      experienceName: {},
      thankYou: {},
      redirectUrl: null,
      open: true,
    });
  });

  it("rewords a question's text per language", () => {
    const config = formConfigSchema.parse({
      brandName: "Acme",
      wording: { es: { csat: "  ¿Qué tan contento/a quedaste con {experiencia}? " }, en: { nps: "Would you recommend {brand}?" } },
    });
    expect(rewordingOf(config, "csat", "es")).toBe("¿Qué tan contento/a quedaste con {experiencia}?");
    expect(rewordingOf(config, "nps", "en")).toBe("Would you recommend {brand}?");
    expect(rewordingOf(config, "csat", "en")).toBeUndefined();
  });

  it("treats an empty rewording as the default", () => {
    const config = formConfigSchema.parse({ brandName: "Acme", wording: { es: { csat: "   " } } });
    expect(rewordingOf(config, "csat", "es")).toBeUndefined();
  });

  it("cannot change a question's type, scale or order", () => {
    expect(issuesOf({ brandName: "Acme", wording: { es: { csat: { text: "x", scale: 10 } } } })).not.toEqual([]);
    expect(issuesOf({ brandName: "Acme", questions: [{ id: "nps" }] })).not.toEqual([]);
    expect(issuesOf({ brandName: "Acme", scales: { csat: { max: 10 } } })).not.toEqual([]);
    expect(issuesOf({ brandName: "Acme", order: ["nps", "csat"] })).not.toEqual([]);
    expect(issuesOf({ brandName: "Acme", wording: { es: { q6: "extra" } } })).not.toEqual([]);
    expect(issuesOf({ brandName: "Acme", wording: { fr: { csat: "x" } } })).not.toEqual([]);
  });

  it("rewords only the variant's own questions", () => {
    expect(issuesOf({ variant: "relationship", brandName: "Acme", wording: { es: { csat: "x" } } })).toEqual([
      'wording.es: Unrecognized key: "csat"',
    ]);
    expect(issuesOf({ variant: "relationship", brandName: "Acme", wording: { es: { brand_love: "Adoro {marca}." } } })).toEqual([]);
    expect(issuesOf({ variant: "content", brandName: "Acme", wording: { en: { ces: "x" } } })).not.toEqual([]);
    expect(issuesOf({ variant: "content", brandName: "Acme", wording: { en: { usefulness: "This post helped me." } } })).toEqual([]);
    expect(issuesOf({ variant: "survey", brandName: "Acme" })).not.toEqual([]);
  });

  it("accepts placeholders in any language and refuses unknown ones", () => {
    expect(issuesOf({ brandName: "Acme", wording: { en: { nps: "Recommend {marca} to {experiência}?" } } })).toEqual([]);
    expect(issuesOf({ brandName: "Acme", wording: { en: { nps: "Recommend {company}?" } } })[0]).toMatch(/unknown placeholder \{company\}/);
    expect(issuesOf({ brandName: "Acme", wording: { en: { emotion: "Did you feel {emotion}?" } } })[0]).toMatch(/cannot pipe/);
  });

  it("limits a question text to 300 characters", () => {
    expect(issuesOf({ brandName: "Acme", wording: { es: { nps: "a".repeat(300) } } })).toEqual([]);
    expect(issuesOf({ brandName: "Acme", wording: { es: { nps: "a".repeat(301) } } })).not.toEqual([]);
  });

  it("requires a brand name", () => {
    expect(issuesOf({})).not.toEqual([]);
    expect(issuesOf({ brandName: " \n " })).toEqual(["brandName: must not be empty"]);
    expect(issuesOf({ brandName: "a".repeat(81) })).not.toEqual([]);
  });

  it("takes https logos only", () => {
    expect(formConfigSchema.parse({ brandName: "A", logoUrl: "https://cdn.example.com/logo.svg" }).logoUrl).toBe("https://cdn.example.com/logo.svg");
    expect(issuesOf({ brandName: "A", logoUrl: "http://cdn.example.com/logo.svg" })).not.toEqual([]);
    expect(issuesOf({ brandName: "A", logoUrl: "data:image/svg+xml,<svg/>" })).not.toEqual([]);
    expect(issuesOf({ brandName: "A", logoUrl: "//cdn.example.com/logo.svg" })).not.toEqual([]);
    expect(issuesOf({ brandName: "A", logoUrl: "https://user:pw@cdn.example.com/l.svg" })).not.toEqual([]);
  });

  it("redirects to http or https only", () => {
    expect(formConfigSchema.parse({ brandName: "A", redirectUrl: "http://shop.example.com/thanks" }).redirectUrl).toBe("http://shop.example.com/thanks");
    expect(issuesOf({ brandName: "A", redirectUrl: "javascript:alert(1)" })).not.toEqual([]);
    expect(issuesOf({ brandName: "A", redirectUrl: "JAVASCRIPT:alert(1)" })).not.toEqual([]);
    expect(issuesOf({ brandName: "A", redirectUrl: "ftp://example.com" })).not.toEqual([]);
    expect(issuesOf({ brandName: "A", redirectUrl: "/thanks" })).not.toEqual([]);
  });

  it("stores colours as #rrggbb", () => {
    expect(formConfigSchema.parse({ brandName: "A", brandColour: "#F0A" }).brandColour).toBe("#ff00aa");
    expect(issuesOf({ brandName: "A", brandColour: "blue" })).not.toEqual([]);
  });

  it("takes experience names and thank-you texts per language", () => {
    const config = formConfigSchema.parse({
      brandName: "A",
      experienceName: { es: "la entrega de tu pedido", en: "" },
      thankYou: { pt: "Valeu!\nAté logo." },
      open: false,
    });
    expect(config.experienceName).toEqual({ es: "la entrega de tu pedido", en: undefined });
    expect(config.thankYou.pt).toBe("Valeu!\nAté logo.");
    expect(config.open).toBe(false);
    expect(issuesOf({ brandName: "A", open: "no" })).not.toEqual([]);
  });
});
