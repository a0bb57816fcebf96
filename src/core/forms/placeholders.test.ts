import { describe, expect, it } from "vitest";
import { formConfigSchema } from "./config.js";
import { listPlaceholders, readPlaceholder } from "./placeholders.js";

describe("placeholders", () => {
  it("recognises every language's names, with or without accents, and capitals", () => {
    expect(readPlaceholder("experiência")).toEqual({ kind: "experience", capitalise: false });
    expect(readPlaceholder("Experiencia")).toEqual({ kind: "experience", capitalise: true });
    expect(readPlaceholder("emoção")).toEqual({ kind: "emotion", capitalise: false });
    expect(readPlaceholder("emocion")).toEqual({ kind: "emotion", capitalise: false });
    expect(readPlaceholder("BRAND")).toEqual({ kind: "brand", capitalise: true });
  });

  it("does not mistake inherited object keys for placeholders", () => {
    expect(readPlaceholder("constructor")).toBeNull();
    expect(readPlaceholder("toString")).toBeNull();
    expect(readPlaceholder("__proto__")).toBeNull();
    expect(formConfigSchema.safeParse({ brandName: "A", wording: { es: { nps: "¿{constructor}?" } } }).success).toBe(false);
  });

  it("lists a text's placeholders as written", () => {
    expect(listPlaceholders("{Marca} y {foo} con {experiencia}")).toEqual([
      { written: "{Marca}", kind: "brand" },
      { written: "{foo}", kind: null },
      { written: "{experiencia}", kind: "experience" },
    ]);
  });
});
