import { describe, expect, it } from "vitest";
import { aggregateResponses, countAnswers, emptyAggregate, emptyValenceCounts, mergeAggregates, scales, valenceIndex } from "./aggregate.js";
import { cxIndexOfResponse, type ResponseAnswers } from "./response-scores.js";
import { rankEmotions, scoreAggregate, scoreCes, scoreCsat, scoreCxIndex, scoreEmotionalValence, scoreNes, scoreNps, visibilityOf } from "./scores.js";

// counts per NPS answer 0–10 with P promoters, D detractors and the rest passives
function npsCounts(promoters: number, detractors: number, n: number): number[] {
  const counts = new Array<number>(11).fill(0);
  counts[10] = promoters;
  counts[3] = detractors;
  counts[8] = n - promoters - detractors;
  return counts;
}

describe("small samples", () => {
  it("hides below 5 answers and greys below 30", () => {
    expect(visibilityOf(0)).toBe("hidden");
    expect(visibilityOf(4)).toBe("hidden");
    expect(visibilityOf(5)).toBe("few_answers");
    expect(visibilityOf(29)).toBe("few_answers");
    expect(visibilityOf(30)).toBe("shown");
  });
});

describe("NPS", () => {
  it("is 100·(P − D)/n with the adjusted-Wald interval (METHOD.md's worked example)", () => {
    // 20 detractors spread over 0–6, 30 passives on 7–8, 50 promoters on 9–10
    const counts = [2, 2, 2, 2, 4, 4, 4, 15, 15, 25, 25];
    const nps = scoreNps(counts);
    expect(nps).toMatchObject({ n: 100, promoters: 50, passives: 30, detractors: 20, value: 30, visibility: "shown" });
    expect(nps.interval!.lower).toBeCloseTo(14.051, 3);
    expect(nps.interval!.upper).toBeCloseTo(44.201, 3);
    expect(nps.standardError).toBeCloseTo(7.6915, 4);
  });

  it("handles all promoters, all detractors, a single answer and none", () => {
    expect(scoreNps(npsCounts(10, 0, 10))).toMatchObject({ value: 100, interval: { upper: 100 } });
    expect(scoreNps(npsCounts(0, 10, 10))).toMatchObject({ value: -100, interval: { lower: -100 } });
    expect(scoreNps(countAnswers(scales.nps, [7]))).toMatchObject({ n: 1, value: 0, passives: 1, visibility: "hidden" });
    expect(scoreNps(countAnswers(scales.nps, []))).toMatchObject({ n: 0, value: null, interval: null, standardError: null, visibility: "hidden" });
  });
});

describe("NES", () => {
  it("is %positive − %negative responses with the statistics of NPS", () => {
    const valence = emptyValenceCounts();
    valence[valenceIndex(1)] = 30;
    valence[valenceIndex(1 / 3)] = 20; // positive at intensity 1
    valence[valenceIndex(0)] = 30; // indifference, or a positive and a negative
    valence[valenceIndex(-1 / 6)] = 5; // a negative with indifference, intensity 1
    valence[valenceIndex(-2 / 3)] = 15;
    const nes = scoreNes(valence);
    expect(nes).toMatchObject({ n: 100, positive: 50, neutral: 30, negative: 20, value: 30 });
    expect((nes.interval!.upper - nes.interval!.lower) / 2).toBeCloseTo(15.075, 3); // same as NPS 50/20/100
  });

  it("is null without emotions", () => {
    expect(scoreNes(emptyValenceCounts())).toMatchObject({ n: 0, value: null, interval: null });
  });
});

describe("emotional valence", () => {
  it("gives the mean EV with its t interval and the positive share", () => {
    // EV answers 1, 1, −1/3, 0: mean 5/12
    const valence = emptyValenceCounts();
    valence[valenceIndex(1)] = 2;
    valence[valenceIndex(-1 / 3)] = 1;
    valence[valenceIndex(0)] = 1;
    const score = scoreEmotionalValence(valence);
    expect(score.mean.value).toBeCloseTo(5 / 12, 12);
    // s² = Σ(x − 5/12)² / 3 = (2·49 + 81 + 25)/144/3 = 17/36
    expect(score.mean.standardDeviation! ** 2).toBeCloseTo(17 / 36, 12);
    expect(score.positiveShare).toMatchObject({ count: 2, n: 4, value: 50 });
  });
});

describe("CSAT", () => {
  it("reports the top-2-box share with Wilson and the mean with t", () => {
    // answers 1, 2, 3, 3, 4, 4, 4, 5, 5, 5: 6 of 10 answer 4–5, mean 3.6
    const csat = scoreCsat(countAnswers(scales.csat, [1, 2, 3, 3, 4, 4, 4, 5, 5, 5]));
    expect(csat.topBox).toMatchObject({ n: 10, count: 6, value: 60 });
    // scipy.stats.binomtest(6, 10).proportion_ci("wilson") = (0.31267, 0.83182)
    expect(csat.topBox.interval!.lower).toBeCloseTo(31.2674, 3);
    expect(csat.topBox.interval!.upper).toBeCloseTo(83.182, 3);
    expect(csat.mean.value).toBeCloseTo(3.6, 12);
    // scipy.stats.t.interval(0.95, 9, loc=3.6, scale=sem) = (2.63434, 4.56566)
    expect(csat.mean.interval!.lower).toBeCloseTo(2.634342, 5);
    expect(csat.mean.interval!.upper).toBeCloseTo(4.565658, 5);
    expect(csat.visibility).toBe("few_answers");
  });

  it("is empty without answers", () => {
    const csat = scoreCsat(countAnswers(scales.csat, []));
    expect(csat.topBox.value).toBeNull();
    expect(csat.mean.value).toBeNull();
    expect(csat.mean.interval).toBeNull();
  });
});

describe("CES", () => {
  it("reports the mean and the share answering 5–7", () => {
    // 12 answers: 1, 2, 3, 4, 5, 5, 6, 6, 7, 7, 7, 7 → mean 60/12 = 5, 5–7: 8 of 12
    const ces = scoreCes(countAnswers(scales.ces, [1, 2, 3, 4, 5, 5, 6, 6, 7, 7, 7, 7]));
    expect(ces.mean.value).toBe(5);
    expect(ces.topBox).toMatchObject({ count: 8, n: 12 });
    expect(ces.topBox.value).toBeCloseTo(66.667, 3);
    const single = scoreCes(countAnswers(scales.ces, [6]));
    expect(single.mean).toMatchObject({ n: 1, value: 6, interval: null, standardDeviation: null, visibility: "hidden" });
  });
});

describe("CX index", () => {
  const responses: ResponseAnswers[] = [
    { emotion: { codes: ["joy"], intensity: 3 }, csat: 4, ces: 7, nps: 8 }, // 88.75
    { csat: 3, nps: 10 }, // 75
    { emotion: { codes: ["frustration"], intensity: 2 }, ces: 2, nps: 3 }, // (16.67 + 16.67 + 30)/3
    { nps: 9 }, // 90
    { emotion: { codes: ["calm", "worry"], intensity: 1 }, csat: 5 }, // (50 + 100)/2
  ];

  it("is the mean of the responses' indices, with its components", () => {
    const cx = scoreCxIndex(aggregateResponses(responses));
    const expected = responses.reduce((sum, r) => sum + cxIndexOfResponse(r)!.value, 0) / responses.length;
    expect(cx.value).toBeCloseTo(expected, 10);
    expect(cx.n).toBe(5);
    // components: EMO over 3 responses (100, 16.67, 50), SAT over 3 (75, 50, 100), EASE over 2, REC over 4
    expect(cx.components.emo.value).toBeCloseTo((100 + 50 / 3 + 50) / 3, 10);
    expect(cx.components.sat.value).toBeCloseTo(75, 10);
    expect(cx.components.ease.value).toBeCloseTo((100 + 100 / 6) / 2, 10);
    expect(cx.components.rec.value).toBeCloseTo(75, 10);
    expect(cx.components.rec.n).toBe(4);
    expect(cx.interval!.lower).toBeLessThan(cx.value!);
    expect(cx.interval!.upper).toBeGreaterThan(cx.value!);
  });

  it("gives the same interval from raw responses and from merged rollups", () => {
    const many = Array.from({ length: 400 }, (_, i) => responses[i % responses.length]!);
    const whole = scoreCxIndex(aggregateResponses(many), { seed: 5 });
    const days = [0, 1, 2, 3].map((d) => aggregateResponses(many.filter((_, i) => i % 4 === d)));
    expect(scoreCxIndex(mergeAggregates(...days), { seed: 5 })).toEqual(whole);
    expect(scoreCxIndex(aggregateResponses(many), { seed: 5 }).interval).toEqual(whole.interval);
  });

  it("is empty without answers", () => {
    const cx = scoreCxIndex(emptyAggregate());
    expect(cx).toMatchObject({ n: 0, value: null, interval: null, visibility: "hidden" });
    expect(cx.components.emo.value).toBeNull();
  });
});

describe("every score of an aggregate", () => {
  it("ranks emotions by mentions and passes bond segments through", () => {
    const aggregate = aggregateResponses([
      { emotion: { codes: ["joy"], intensity: 3 }, nps: 10 },
      { emotion: { codes: ["joy", "calm"], intensity: 1 }, nps: 8 },
      { emotion: { codes: ["anger"], intensity: 2 }, nps: 2 },
    ]);
    const scores = scoreAggregate(aggregate);
    expect(scores.responses).toBe(3);
    expect(scores.bonds).toEqual({ at_risk: 1, in_love: 1, indifferent: 0, satisfied: 1 });
    expect(rankEmotions(aggregate.emotions).map((e) => [e.code, e.mentions, e.share])).toEqual([
      ["joy", 2, 50],
      ["calm", 1, 25],
      ["anger", 1, 25],
    ]);
    expect(scores.emotions[0]!.byIntensity).toEqual([1, 0, 1]);
    expect(scores.nps.value).toBeCloseTo(0, 12);
  });
});
