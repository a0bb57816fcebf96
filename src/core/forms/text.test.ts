import { describe, expect, it } from "vitest";
import { countCodePoints, normaliseMultilineText, normaliseSingleLineText, replaceLoneSurrogates } from "./text.js";

describe("text cleaning", () => {
  it("counts code points, so an emoji counts once", () => {
    expect(countCodePoints("😀")).toBe(1);
    expect("😀".length).toBe(2);
    expect(countCodePoints("añ😀")).toBe(3);
    // A family is three emoji joined by two zero-width joiners: five code points.
    expect(countCodePoints("👨‍👩‍👧")).toBe(5);
  });

  it("normalises to NFC", () => {
    const decomposed = "Jose\u0301";
    expect(normaliseMultilineText(decomposed)).toBe("José");
    expect(normaliseMultilineText(decomposed).length).toBe(4);
  });

  it("removes control characters but keeps newlines and tabs in multi-line text", () => {
    expect(normaliseMultilineText("  a\u0000b\u0007c\td\r\ne\u009f\u007f  ")).toBe("abc\td\ne");
    expect(normaliseMultilineText("a\rb\u2028c")).toBe("a\nb\nc");
  });

  it("makes single-line text one line with single spaces", () => {
    expect(normaliseSingleLineText(" Tienda\n\tCentro \u0000 ")).toBe("Tienda Centro");
  });

  it("replaces unpaired surrogates and keeps paired ones", () => {
    expect(replaceLoneSurrogates("a\ud800b")).toBe("a\ufffdb");
    expect(replaceLoneSurrogates("a\udc00")).toBe("a\ufffd");
    expect(replaceLoneSurrogates("😀")).toBe("😀");
  });

  it("keeps markup exactly as typed", () => {
    const text = '<script>alert("x")</script> <b>bold</b> &amp;';
    expect(normaliseMultilineText(text)).toBe(text);
  });
});
