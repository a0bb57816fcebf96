import { describe, expect, it } from "vitest";
import { negotiateLanguage } from "./languages.js";

describe("negotiateLanguage", () => {
  it("picks the first supported language by quality", () => {
    expect(negotiateLanguage("pt-BR,pt;q=0.9,en;q=0.8")).toBe("pt");
    expect(negotiateLanguage("de-DE,de;q=0.9,en;q=0.8,es;q=0.7")).toBe("en");
    expect(negotiateLanguage("fr;q=0.9, es-MX;q=0.95")).toBe("es");
    expect(negotiateLanguage(["en-GB", "es"])).toBe("en");
  });

  it("falls back to Spanish", () => {
    expect(negotiateLanguage(undefined)).toBe("es");
    expect(negotiateLanguage("")).toBe("es");
    expect(negotiateLanguage("de, fr")).toBe("es");
    expect(negotiateLanguage("en;q=0")).toBe("es");
    expect(negotiateLanguage(";;;,q=abc")).toBe("es");
  });
});
