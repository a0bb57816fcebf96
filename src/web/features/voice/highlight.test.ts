import { describe, expect, it } from "vitest";
import { highlightPieces } from "./highlight.js";

const join = (pieces: ReturnType<typeof highlightPieces>) => pieces.map((p) => (p.marked ? `[${p.text}]` : p.text)).join("");

describe("highlightPieces", () => {
  it("marks the words the spans cover and keeps every character of the text", () => {
    const text = "no estaba limpio pero el personal fue excelente";
    const pieces = highlightPieces(text, [{ start: 25, end: 33 }, { start: 10, end: 16 }]);
    expect(join(pieces)).toBe("no estaba [limpio] pero el [personal] fue excelente");
    expect(pieces.map((p) => p.text).join("")).toBe(text);
  });

  it("merges overlapping and touching spans and clips those past the end", () => {
    expect(join(highlightPieces("abcdefgh", [{ start: 1, end: 4 }, { start: 3, end: 5 }, { start: 5, end: 6 }, { start: 7, end: 99 }]))).toBe("a[bcdef]g[h]");
  });

  it("gives overlapping words the tone listed first and joins neighbours of the same tone", () => {
    const text = "entrega tardísima";
    const pieces = highlightPieces(text, [{ start: 0, end: 7, tone: "topic" }, { start: 8, end: 17, tone: "negative" }, { start: 0, end: 3, tone: "negative" }], ["negative", "topic"]);
    expect(pieces.map((p) => [p.text, p.tone])).toEqual([["ent", "negative"], ["rega", "topic"], [" ", null], ["tardísima", "negative"]]);
  });

  it("ignores empty, reversed and negative spans", () => {
    expect(join(highlightPieces("hola", [{ start: 2, end: 2 }, { start: 3, end: 1 }, { start: -5, end: -1 }]))).toBe("hola");
  });

  it("never cuts an emoji in half", () => {
    const text = "genial 🎁 gracias";
    const gift = text.indexOf("🎁");
    expect(join(highlightPieces(text, [{ start: gift + 1, end: gift + 2 }]))).toBe("genial [🎁] gracias");
  });

  it("keeps markup as plain text in the pieces", () => {
    const text = "<img src=x onerror=alert(1)> entrega tarde";
    const pieces = highlightPieces(text, [{ start: 29, end: 36 }]);
    expect(pieces[0]).toEqual({ text: "<img src=x onerror=alert(1)> ", marked: false, tone: null, start: 0 });
    expect(pieces[1]).toEqual({ text: "entrega", marked: true, tone: null, start: 29 });
  });

  it("returns one empty piece for an empty text", () => {
    expect(highlightPieces("", [])).toEqual([{ text: "", marked: false, tone: null, start: 0 }]);
  });
});
