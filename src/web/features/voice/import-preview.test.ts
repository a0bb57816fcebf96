import { describe, expect, it } from "vitest";
import { formatOf, mapFields, parseCsv, previewOf, unusedColumns } from "./import-preview.js";

describe("the import preview", () => {
  it("reads the header and first rows of a CSV, with quotes, commas and line breaks inside fields", () => {
    const head = '\uFEFFsource,text,date\nreview,"Llegó tarde, y roto",2026-03-01\r\nsocial,"Dijo ""genial""\nde verdad",2026-03-02\nticket,sin fin';
    const preview = previewOf(head, "csv", false);
    expect(preview.columns).toEqual(["source", "text", "date"]);
    expect(preview.rows).toEqual([
      ["review", "Llegó tarde, y roto", "2026-03-01"],
      ["social", 'Dijo "genial"\nde verdad', "2026-03-02"],
    ]);
    expect(previewOf(head, "csv", true).rows).toHaveLength(3);
  });

  it("stops after the rows it needs", () => {
    const lines = ["a,b", ...Array.from({ length: 50 }, (_, i) => `${i},x`)].join("\n");
    expect(parseCsv(lines, true, 3)).toEqual([["a", "b"], ["0", "x"], ["1", "x"]]);
  });

  it("reads JSON lines and lists their keys as columns", () => {
    const head = '{"text":"Muy bien","date":"2026-03-01","rating":5}\nnot json\n{"text":"Mal","source":"review","date":"2026-03-02"}\n{"text":"cut';
    const preview = previewOf(head, "jsonl", false);
    expect(preview.columns).toEqual(["text", "date", "rating", "source"]);
    expect(preview.rows).toEqual([
      ["Muy bien", "2026-03-01", "5", ""],
      ["", "", "", ""],
      ["Mal", "2026-03-02", "", "review"],
    ]);
  });

  it("guesses the format from the name, else from the first character", () => {
    expect(formatOf("reviews.jsonl", "")).toBe("jsonl");
    expect(formatOf("export.CSV", "{")).toBe("csv");
    expect(formatOf("data", ' {"a":1}')).toBe("jsonl");
    expect(formatOf("data", "a,b")).toBe("csv");
  });

  it("maps columns to fields with the server's aliases and shows what is missing", () => {
    const mapping = mapFields("voice", ["Review Text", "Stars", "Published At", "Channel"]);
    const byField = Object.fromEntries(mapping.map((m) => [m.field, m.column]));
    expect(byField).toMatchObject({ text: "Review Text", rating: "Stars", date: "Published At", source: null });
    expect(unusedColumns(["Review Text", "Stars", "Published At", "Channel"], mapping)).toEqual(["Channel"]);

    const missing = mapFields("nps", ["Comment", "Email"]);
    expect(missing.find((m) => m.field === "score")).toEqual({ field: "score", required: true, column: null });
    expect(missing.find((m) => m.field === "date")).toEqual({ field: "date", required: true, column: null });
    expect(missing.find((m) => m.field === "comment")?.column).toBe("Comment");
    expect(missing.find((m) => m.field === "email")?.column).toBe("Email");
  });
});
