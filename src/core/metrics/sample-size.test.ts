import { describe, expect, it } from "vitest";
import { sampleSizeForNpsChange } from "./sample-size.js";

describe("sample-size advice", () => {
  it("reproduces METHOD.md: about 955 answers per period for 10 points and 3,800 for 5", () => {
    // By hand: s² = 2·(0.5 + 0.2 − 0.3²) = 1.22; (1.959964 + 0.841621)² = 7.848879;
    // 1.22·7.848879/0.01 − 3 = 954.56 → 955, and /0.0025 − 3 = 3827.3 → 3,828
    expect(sampleSizeForNpsChange(10)).toBe(955);
    expect(sampleSizeForNpsChange(5)).toBe(3828);
    expect(sampleSizeForNpsChange(-10)).toBe(955);
  });

  it("needs more answers for more power, and none can detect no change", () => {
    expect(sampleSizeForNpsChange(10, { power: 0.9 })).toBeGreaterThan(955);
    expect(sampleSizeForNpsChange(10, { promoters: 0.5, detractors: 0.5 })).toBeGreaterThan(955);
    expect(sampleSizeForNpsChange(0)).toBe(Number.POSITIVE_INFINITY);
  });
});
