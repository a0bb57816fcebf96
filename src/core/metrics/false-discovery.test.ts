import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "./false-discovery.js";

describe("Benjamini–Hochberg", () => {
  it("rejects 4 of the 15 hypotheses of Benjamini & Hochberg's (1995) example at q = 0.05", () => {
    const pValues = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0];
    const result = benjaminiHochberg(pValues);
    expect(result.significant.filter(Boolean)).toHaveLength(4);
    expect(result.significant.slice(0, 4)).toEqual([true, true, true, true]);
    // R: p.adjust(p, "BH") (also scipy.stats.false_discovery_control)
    const expected = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714, 0.06385714, 0.0645, 0.0765, 0.486, 0.58118182, 0.714875, 0.75323077, 0.81321429, 1];
    result.adjusted.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 7));
  });

  it("keeps the input order", () => {
    const result = benjaminiHochberg([0.5, 0.01, 0.04]);
    // sorted 0.01, 0.04, 0.5 → 0.03, 0.06, 0.5
    expect(result.adjusted[0]).toBeCloseTo(0.5, 12);
    expect(result.adjusted[1]).toBeCloseTo(0.03, 12);
    expect(result.adjusted[2]).toBeCloseTo(0.06, 12);
    expect(result.significant).toEqual([false, true, false]);
    expect(benjaminiHochberg([])).toEqual({ adjusted: [], significant: [] });
  });
});
