import { describe, expect, it } from "vitest";
import {
  addResponse,
  aggregateResponses,
  countAnswers,
  cxBins,
  cxKey,
  emptyAggregate,
  mergeAggregates,
  momentsOfValues,
  mergeMoments,
  scales,
  summariseCounts,
  summariseMoments,
  summariseValues,
  valenceIndex,
} from "./aggregate.js";
import { cxIndexOfResponse, emotionalValence, type ResponseAnswers } from "./response-scores.js";
import { emotionCodes, intensities } from "../emotions.js";

// Every combination of answers the form allows, with each question also left out.
function everyResponse(): ResponseAnswers[] {
  const emotionsAnswers: ResponseAnswers["emotion"][] = [null];
  for (const a of emotionCodes) {
    for (const intensity of intensities) {
      emotionsAnswers.push({ codes: [a], intensity });
      emotionsAnswers.push({ codes: [a, "worry"], intensity });
    }
  }
  const out: ResponseAnswers[] = [];
  for (const emotion of emotionsAnswers) for (const csat of [null, 1, 2, 3, 4, 5]) for (const ces of [null, 1, 4, 6, 7]) for (const nps of [null, 0, 3, 7, 9, 10]) out.push({ emotion, csat, ces, nps });
  return out;
}

describe("count aggregates", () => {
  it("counts answers per value and rejects answers off the scale", () => {
    expect(countAnswers(scales.csat, [1, 5, 5, null, undefined, 4])).toEqual([1, 0, 0, 1, 2]);
    expect(() => countAnswers(scales.nps, [11])).toThrow(RangeError);
    expect(() => countAnswers(scales.ces, [2.5])).toThrow(RangeError);
  });

  it("summarises counts like the raw answers", () => {
    const answers = [1, 2, 2, 5, 7, 7, 7, 3];
    const fromCounts = summariseCounts(countAnswers(scales.ces, answers), scales.ces);
    const fromValues = summariseValues(answers);
    const fromMoments = summariseMoments(momentsOfValues(answers));
    expect(fromCounts.n).toBe(8);
    expect(fromCounts.mean).toBeCloseTo(4.25, 12);
    // s² by hand: Σ(x − 4.25)² = 10.5625 + 2·5.0625 + 0.5625 + 3·7.5625 + 1.5625 = 45.5, / 7
    expect(fromCounts.variance).toBeCloseTo(45.5 / 7, 12);
    expect(fromValues.variance).toBeCloseTo(fromCounts.variance, 12);
    expect(fromMoments.variance).toBeCloseTo(fromCounts.variance, 12);
    expect(summariseMoments(mergeMoments(momentsOfValues([1, 2]), momentsOfValues([3]))).mean).toBe(2);
  });

  it("stores every EV and every CX index exactly", () => {
    const inexact = everyResponse().filter((response) => {
      const ev = emotionalValence(response.emotion);
      const cx = cxIndexOfResponse(response);
      return (ev !== null && Math.abs(6 * ev - Math.round(6 * ev)) > 1e-9) || (cx !== null && Math.abs(Number(cxKey(cx.value)) / 36 - cx.value) > 1e-9);
    });
    expect(inexact).toEqual([]);
    expect(valenceIndex(-1)).toBe(0);
    expect(valenceIndex(1)).toBe(12);
  });

  it("counts a response in every part it answered", () => {
    const a = aggregateResponses([
      { emotion: { codes: ["joy", "calm"], intensity: 2 }, csat: 5, ces: 6, nps: 9 },
      { emotion: { codes: ["anger"], intensity: 3 }, nps: 2 },
      { csat: 3 },
    ]);
    expect(a.responses).toBe(3);
    expect(a.nps[9]).toBe(1);
    expect(a.nps[2]).toBe(1);
    expect(a.csat).toEqual([0, 0, 1, 0, 1]);
    expect(a.valence[valenceIndex(2 / 3)]).toBe(1);
    expect(a.valence[0]).toBe(1);
    expect(a.emotions.joy).toEqual([0, 1, 0]);
    expect(a.emotions.calm).toEqual([0, 1, 0]);
    expect(a.emotions.anger).toEqual([0, 0, 1]);
    expect(a.bonds).toEqual({ at_risk: 1, in_love: 1, indifferent: 0, satisfied: 0 });
    // CX: (83.33 + 100 + 83.33 + 90)/4 = 89.17, (0 + 20)/2 = 10, 50
    expect(cxBins(a.cx).map((b) => b.value).sort((x, y) => x - y)).toEqual([10, 50, (250 / 3 + 100 + 250 / 3 + 90) / 4].map((v) => Math.round(v * 36) / 36));
  });

  it("merges to the aggregate of all the responses, in any grouping", () => {
    const responses = everyResponse().filter((_, i) => i % 7 === 0);
    const whole = aggregateResponses(responses);
    const parts = [0, 1, 2].map((k) => aggregateResponses(responses.filter((_, i) => i % 3 === k)));
    expect(mergeAggregates(...parts)).toEqual(whole);
    expect(mergeAggregates(parts[2]!, parts[0]!, parts[1]!)).toEqual(whole);
    expect(mergeAggregates()).toEqual(emptyAggregate());
    const incremental = responses.reduce(addResponse, emptyAggregate());
    expect(incremental).toEqual(whole);
  });

  it("does not change the aggregate it adds to", () => {
    const before = emptyAggregate();
    addResponse(before, { nps: 10, emotion: { codes: ["joy"], intensity: 1 } });
    expect(before).toEqual(emptyAggregate());
  });
});
