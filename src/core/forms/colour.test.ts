import { describe, expect, it } from "vitest";
import {
  accessibleShade,
  buttonColours,
  checkBrandColour,
  contrastRatio,
  defaultBrandColour,
  parseHexColour,
  readableTextColour,
  relativeLuminance,
  wcagAaContrast,
} from "./colour.js";

describe("brand colour contrast", () => {
  it("parses hex colours and nothing else", () => {
    expect(parseHexColour("#ABC")).toBe("#aabbcc");
    expect(parseHexColour(" #1D4ED8 ")).toBe("#1d4ed8");
    expect(parseHexColour("red")).toBeNull();
    expect(parseHexColour("#12345")).toBeNull();
    expect(parseHexColour("#1d4ed8ff")).toBeNull();
    expect(parseHexColour("1d4ed8")).toBeNull();
  });

  it("computes WCAG luminance and ratios", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBe(1);
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 10);
    expect(contrastRatio("#fff", "#000")).toBeCloseTo(21, 10);
    // #767676 is the classic lightest grey that passes AA on white (4.54:1).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("picks the readable text colour", () => {
    expect(readableTextColour("#ffeb3b")).toBe("#000000");
    expect(readableTextColour("#1d4ed8")).toBe("#ffffff");
    expect(readableTextColour("#000")).toBe("#ffffff");
  });

  it("accepts a dark brand colour for buttons with white text", () => {
    const check = checkBrandColour("#1D4ED8");
    expect(check).toMatchObject({ ok: true, colour: "#1d4ed8" });
    expect(checkBrandColour(defaultBrandColour).ok).toBe(true);
  });

  it("refuses a colour that fails AA against white and suggests an accessible shade", () => {
    const check = checkBrandColour("#ffcc00");
    expect(check.ok).toBe(false);
    if (check.ok || check.reason !== "low_contrast") throw new Error("expected low_contrast");
    expect(check.ratio).toBeLessThan(wcagAaContrast);
    expect(contrastRatio(check.suggestion, "#ffffff")).toBeGreaterThanOrEqual(wcagAaContrast);
    expect(checkBrandColour("nope")).toEqual({ ok: false, reason: "invalid_colour" });
  });

  it("derives the lightest passing shade of the same hue", () => {
    const shade = accessibleShade("#ff0000");
    expect(contrastRatio(shade, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(shade, "#ffffff")).toBeLessThan(4.7);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(shade.slice(i, i + 2), 16));
    expect(g).toBe(0);
    expect(b).toBe(0);
    expect(r).toBeGreaterThan(150);
    expect(accessibleShade("#1d4ed8")).toBe("#1d4ed8");
    expect(accessibleShade("#ffffff")).toMatch(/^#([0-9a-f]{2})\1\1$/);
  });

  it("gives the form page button colours that always pass", () => {
    expect(buttonColours("#1d4ed8")).toEqual({ background: "#1d4ed8", text: "#ffffff", adjusted: false });
    const yellow = buttonColours("#ffeb3b");
    expect(yellow.adjusted).toBe(true);
    expect(contrastRatio(yellow.background, yellow.text)).toBeGreaterThanOrEqual(4.5);
    for (const colour of ["#00ff00", "#00ffff", "#ff00ff", "#cccccc", "#ffffff", "#fafafa"]) {
      const c = buttonColours(colour);
      expect(contrastRatio(c.background, c.text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
