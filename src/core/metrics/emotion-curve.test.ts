import { describe, expect, it } from "vitest";
import { emptyValenceCounts, valenceIndex } from "./aggregate.js";
import { emotionCurve } from "./emotion-curve.js";

function valence(entries: [number, number][]): number[] {
  const counts = emptyValenceCounts();
  for (const [ev, n] of entries) counts[valenceIndex(ev)] = n;
  return counts;
}

describe("emotion curve", () => {
  it("gives each stage, in journey order, the mean EV and NES of its touchpoints' responses", () => {
    const curve = emotionCurve([
      { stageId: "discover", touchpoints: [valence([[1, 20]]), valence([[2 / 3, 10], [0, 10]])] },
      { stageId: "return", touchpoints: [valence([[-1, 30], [1 / 3, 10]])] },
      { stageId: "support", touchpoints: [valence([[-1 / 3, 3]])] },
      { stageId: "empty", touchpoints: [] },
    ]);
    expect(curve.map((p) => p.stageId)).toEqual(["discover", "return", "support", "empty"]);
    // discover: (20·1 + 10·2/3 + 10·0)/40 = 2/3; NES (30 − 0)/40 = 75
    expect(curve[0]).toMatchObject({ n: 40, visibility: "shown" });
    expect(curve[0]!.valence.value).toBeCloseTo(2 / 3, 12);
    expect(curve[0]!.nes.value).toBe(75);
    expect(curve[0]!.valence.interval!.lower).toBeLessThan(2 / 3);
    // return: (−30 + 10/3)/40 = −2/3; NES (10 − 30)/40 = −50
    expect(curve[1]!.valence.value).toBeCloseTo(-2 / 3, 12);
    expect(curve[1]!.nes.value).toBe(-50);
    expect(curve[1]!.nes.interval!.upper).toBeLessThan(0);
    expect(curve[2]).toMatchObject({ n: 3, visibility: "hidden" });
    expect(curve[3]).toMatchObject({ n: 0, visibility: "hidden", valence: { value: null }, nes: { value: null } });
  });
});
