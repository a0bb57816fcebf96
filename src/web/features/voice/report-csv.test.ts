import { describe, expect, it } from "vitest";
import { csvCell, csvOf } from "./report-csv.js";

describe("the import report's CSV", () => {
  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe("-2");
  });

  it("quotes commas, quotes and line breaks, and starts with a BOM", () => {
    expect(csvOf([["row", "reason"], [3, 'Falta, la "fecha"\n']])).toBe('\uFEFFrow,reason\r\n3,"Falta, la ""fecha""\n"\r\n');
  });
});
