import { describe, expect, it } from "vitest";
import { prioritise, type PriorityInput } from "./priority-matrix.js";

const touchpoints: PriorityInput[] = [
  { id: "returns", importance: 0.4, performance: 52, target: 70, momentOfTruth: true },
  { id: "delivery", importance: 0.3, performance: 78, target: 75, momentOfTruth: true },
  { id: "checkout", importance: 0.2, performance: 60, target: 65, momentOfTruth: false },
  { id: "newsletter", importance: 0.1, performance: 80, target: 60, momentOfTruth: false },
];

describe("priority matrix", () => {
  it("puts high importance below target in fix_first", () => {
    const matrix = prioritise(touchpoints);
    expect(matrix.importanceThreshold).toBeCloseTo(0.25, 12);
    expect(matrix.points.map((p) => [p.id, p.quadrant, p.gap])).toEqual([
      ["returns", "fix_first", -18],
      ["delivery", "keep_up", 3],
      ["checkout", "low_priority", -5],
      ["newsletter", "possible_overkill", 20],
    ]);
  });

  it("takes an explicit threshold, judges a touchpoint without target against the average, and leaves unknowns unplaced", () => {
    const matrix = prioritise(
      [
        ...touchpoints.slice(0, 3),
        { id: "no_target", importance: 0.35, performance: 60, target: null, momentOfTruth: false },
        { id: "no_answers", importance: 0.5, performance: null, target: 70, momentOfTruth: true },
      ],
      { importanceThreshold: 0.2 },
    );
    const byId = Object.fromEntries(matrix.points.map((p) => [p.id, p]));
    // average performance of the placed touchpoints: (52 + 78 + 60 + 60)/4 = 62.5
    expect(byId.no_target).toMatchObject({ quadrant: "fix_first", gap: -2.5 });
    expect(byId.checkout!.quadrant).toBe("fix_first");
    expect(byId.no_answers).toMatchObject({ quadrant: null, gap: null, highImportance: true });
    expect(matrix.points.map((p) => p.id)).toEqual(["returns", "no_target", "checkout", "delivery", "no_answers"]);
  });

  it("sorts moments of truth first among equals and copes with nothing", () => {
    const tied = prioritise([
      { id: "a", importance: 0.5, performance: 10, target: 20, momentOfTruth: false },
      { id: "b", importance: 0.5, performance: 10, target: 20, momentOfTruth: true },
    ]);
    expect(tied.points.map((p) => p.id)).toEqual(["b", "a"]);
    expect(prioritise([])).toEqual({ importanceThreshold: 0, points: [] });
  });
});
