import { describe, expect, it } from "vitest";
import { bondSegment, closeTheLoopReasons, cxComponents, cxIndexOfResponse, emotionalValence, shouldCloseTheLoop } from "./response-scores.js";

describe("emotional valence of one response", () => {
  it("is v · w with w = 1/3, 2/3, 1", () => {
    expect(emotionalValence({ codes: ["joy"], intensity: 3 })).toBe(1);
    expect(emotionalValence({ codes: ["joy"], intensity: 2 })).toBeCloseTo(2 / 3, 15);
    expect(emotionalValence({ codes: ["frustration"], intensity: 1 })).toBeCloseTo(-1 / 3, 15);
    expect(emotionalValence({ codes: ["indifference"], intensity: 3 })).toBe(0);
  });

  it("takes the mean of two emotions", () => {
    expect(emotionalValence({ codes: ["joy", "worry"], intensity: 3 })).toBe(0);
    expect(emotionalValence({ codes: ["calm", "indifference"], intensity: 3 })).toBe(0.5);
    expect(emotionalValence({ codes: ["anger", "indifference"], intensity: 1 })).toBeCloseTo(-1 / 6, 15);
  });

  it("is null without an emotion", () => {
    expect(emotionalValence(null)).toBeNull();
    expect(emotionalValence({ codes: [], intensity: 2 })).toBeNull();
  });
});

describe("CX index of one response", () => {
  it("averages EMO, SAT, EASE and REC", () => {
    // joy at 3 → EV 1 → EMO 100; csat 4 → SAT 75; ces 7 → EASE 100; nps 8 → REC 80: mean 88.75
    const cx = cxIndexOfResponse({ emotion: { codes: ["joy"], intensity: 3 }, csat: 4, ces: 7, nps: 8 })!;
    expect(cx.value).toBe(88.75);
    expect(cx.components).toEqual({ emo: 100, sat: 75, ease: 100, rec: 80 });
  });

  it("maps the ends of every scale to 0 and 100", () => {
    expect(cxComponents({ emotion: { codes: ["anger"], intensity: 3 }, csat: 1, ces: 1, nps: 0 })).toEqual({ emo: 0, sat: 0, ease: 0, rec: 0 });
    expect(cxComponents({ emotion: { codes: ["joy"], intensity: 3 }, csat: 5, ces: 7, nps: 10 })).toEqual({ emo: 100, sat: 100, ease: 100, rec: 100 });
    expect(cxComponents({ ces: 4 }).ease).toBe(50);
  });

  it("averages over the components present", () => {
    // csat 3 → 50, nps 10 → 100: mean 75, EMO and EASE missing
    expect(cxIndexOfResponse({ csat: 3, nps: 10 })).toEqual({ value: 75, components: { emo: null, sat: 50, ease: null, rec: 100 } });
    expect(cxIndexOfResponse({ nps: 3 })!.value).toBe(30);
    expect(cxIndexOfResponse({})).toBeNull();
    expect(cxIndexOfResponse({ usefulness: 7 })).toBeNull();
  });
});

describe("bond segments", () => {
  it("puts any negative emotion or a detractor at risk first", () => {
    expect(bondSegment({ emotion: { codes: ["joy", "worry"], intensity: 3 }, nps: 10 })).toBe("at_risk");
    expect(bondSegment({ emotion: { codes: ["joy"], intensity: 3 }, nps: 6 })).toBe("at_risk");
    expect(bondSegment({ nps: 0 })).toBe("at_risk");
  });

  it("needs a positive emotion at intensity ≥ 2 and a promoter for in_love", () => {
    expect(bondSegment({ emotion: { codes: ["affection"], intensity: 2 }, nps: 9 })).toBe("in_love");
    expect(bondSegment({ emotion: { codes: ["affection"], intensity: 1 }, nps: 10 })).toBe("satisfied");
    expect(bondSegment({ emotion: { codes: ["affection"], intensity: 3 }, nps: 8 })).toBe("satisfied");
    expect(bondSegment({ emotion: { codes: ["joy"], intensity: 3 } })).toBe("satisfied");
    expect(bondSegment({ emotion: { codes: ["joy", "indifference"], intensity: 3 }, nps: 10 })).toBe("in_love");
  });

  it("marks indifference, then everyone else satisfied", () => {
    expect(bondSegment({ emotion: { codes: ["indifference"], intensity: 2 }, nps: 9 })).toBe("indifferent");
    expect(bondSegment({ emotion: { codes: ["calm", "indifference"], intensity: 1 }, nps: 7 })).toBe("indifferent");
    expect(bondSegment({ nps: 8 })).toBe("satisfied");
  });

  it("leaves a response without emotion and nps unsegmented", () => {
    expect(bondSegment({ csat: 5, ces: 7 })).toBeNull();
  });
});

describe("close-the-loop default rule", () => {
  const anywhere = { momentOfTruth: false };
  const momentOfTruth = { momentOfTruth: true };

  it("triggers on a very negative emotion or a hard experience anywhere", () => {
    expect(closeTheLoopReasons({ emotion: { codes: ["anger"], intensity: 3 } }, anywhere)).toEqual(["strong_negative_emotion"]);
    expect(closeTheLoopReasons({ emotion: { codes: ["joy", "distrust"], intensity: 3 } }, anywhere)).toEqual(["strong_negative_emotion"]);
    expect(closeTheLoopReasons({ ces: 3 }, anywhere)).toEqual(["low_ease"]);
    expect(shouldCloseTheLoop({ emotion: { codes: ["anger"], intensity: 2 }, ces: 4 }, anywhere)).toBe(false);
  });

  it("triggers on a detractor only at a moment of truth", () => {
    expect(shouldCloseTheLoop({ nps: 6 }, anywhere)).toBe(false);
    expect(closeTheLoopReasons({ nps: 6 }, momentOfTruth)).toEqual(["detractor"]);
    expect(shouldCloseTheLoop({ nps: 7 }, momentOfTruth)).toBe(false);
    expect(closeTheLoopReasons({ emotion: { codes: ["worry"], intensity: 3 }, ces: 1, nps: 0 }, momentOfTruth)).toEqual([
      "strong_negative_emotion",
      "low_ease",
      "detractor",
    ]);
  });
});
