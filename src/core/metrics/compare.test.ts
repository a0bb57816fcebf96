import { describe, expect, it } from "vitest";
import { countAnswers, emptyValenceCounts, scales, summariseValues, valenceIndex } from "./aggregate.js";
import { compareCes, compareCsat, compareMeans, compareNes, compareNetScores, compareNps, compareShares } from "./compare.js";

describe("change of a net score", () => {
  it("tests adjusted-Wald estimates with a z-test", () => {
    // By hand (and numpy/scipy): s₁ = 29.126, SE₁ = 7.6915; s₂ = 9.7087, SE₂ = 8.1535; z = 1.7323, p = 0.0832
    const change = compareNetScores({ positive: 50, negative: 20, n: 100 }, { positive: 40, negative: 30, n: 100 });
    expect(change.change).toBeCloseTo(20, 12);
    expect(change.statistic).toBeCloseTo(1.732324, 5);
    expect(change.pValue).toBeCloseTo(0.0832159, 6);
    expect(change.significant).toBe(false);
    // the same shares on 1,000 answers each: z = 5.54, p = 3.0e-8
    const large = compareNetScores({ positive: 500, negative: 200, n: 1000 }, { positive: 400, negative: 300, n: 1000 });
    expect(large.statistic).toBeCloseTo(5.539977, 5);
    expect(large.pValue! / 3.025116869e-8).toBeCloseTo(1, 5);
    expect(large.significant).toBe(true);
  });

  it("reads NPS and NES from counts", () => {
    const current = countAnswers(scales.nps, [...Array<number>(500).fill(10), ...Array<number>(300).fill(7), ...Array<number>(200).fill(0)]);
    const previous = countAnswers(scales.nps, [...Array<number>(400).fill(9), ...Array<number>(300).fill(8), ...Array<number>(300).fill(6)]);
    expect(compareNps(current, previous).statistic).toBeCloseTo(5.539977, 5);
    const nesNow = emptyValenceCounts();
    nesNow[valenceIndex(1)] = 500;
    nesNow[valenceIndex(0)] = 300;
    nesNow[valenceIndex(-1 / 3)] = 200;
    const nesBefore = emptyValenceCounts();
    nesBefore[valenceIndex(1 / 3)] = 400;
    nesBefore[valenceIndex(0)] = 300;
    nesBefore[valenceIndex(-1)] = 300;
    expect(compareNes(nesNow, nesBefore).statistic).toBeCloseTo(5.539977, 5);
  });

  it("cannot test against an empty period", () => {
    expect(compareNetScores({ positive: 5, negative: 1, n: 10 }, { positive: 0, negative: 0, n: 0 })).toEqual({
      change: null,
      statistic: null,
      pValue: null,
      significant: false,
    });
  });
});

describe("change of a share", () => {
  it("uses the pooled two-proportion z-test", () => {
    // 45/100 vs 30/100: pooled 0.375, SE 0.068465, z = 2.19089; z² = 4.8 = Pearson χ² without correction,
    // scipy.stats.chi2_contingency([[45, 55], [30, 70]], correction=False) → p = 0.0284597
    const change = compareShares({ count: 45, n: 100 }, { count: 30, n: 100 });
    expect(change.change).toBeCloseTo(15, 12);
    expect(change.statistic! ** 2).toBeCloseTo(4.8, 10);
    expect(change.pValue).toBeCloseTo(0.0284597, 6);
    expect(change.significant).toBe(true);
  });

  it("has no test when nothing varies or a side is empty", () => {
    expect(compareShares({ count: 10, n: 10 }, { count: 20, n: 20 })).toMatchObject({ change: 0, pValue: null, significant: false });
    expect(compareShares({ count: 0, n: 0 }, { count: 2, n: 20 }).change).toBeNull();
  });
});

describe("change of a mean", () => {
  it("uses Welch's t-test (R's sleep data)", () => {
    // R: t.test(extra ~ group, data = sleep) → t = −1.8608, df = 17.776, p-value = 0.07939,
    // 95 percent CI −3.3654832 0.2054832 (Welch is R's default)
    const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const change = compareMeans(summariseValues(group1), summariseValues(group2));
    expect(change.change).toBeCloseTo(-1.58, 12);
    expect(change.statistic).toBeCloseTo(-1.860813, 6);
    expect(change.degreesOfFreedom).toBeCloseTo(17.776474, 6);
    expect(change.pValue).toBeCloseTo(0.0793941, 6);
    expect(change.interval!.lower).toBeCloseTo(-3.3654832, 6);
    expect(change.interval!.upper).toBeCloseTo(0.2054832, 6);
    expect(change.significant).toBe(false);
  });

  it("needs two answers on each side", () => {
    expect(compareMeans({ n: 1, mean: 4, variance: 0 }, { n: 10, mean: 3, variance: 1 })).toMatchObject({ change: 1, pValue: null, degreesOfFreedom: null });
    expect(compareMeans({ n: 5, mean: 4, variance: 0 }, { n: 5, mean: 4, variance: 0 })).toMatchObject({ change: 0, pValue: null });
  });

  it("compares CSAT and CES from counts", () => {
    const csat = compareCsat(countAnswers(scales.csat, [5, 5, 4, 4, 3]), countAnswers(scales.csat, [1, 2, 4, 3, 2]));
    expect(csat.topBox.change).toBeCloseTo(60, 12);
    expect(csat.mean.change).toBeCloseTo(4.2 - 2.4, 12);
    const ces = compareCes(countAnswers(scales.ces, [7, 6, 5]), countAnswers(scales.ces, [1, 2, 7]));
    expect(ces.mean.change).toBeCloseTo(6 - 10 / 3, 12);
    expect(ces.topBox.change).toBeCloseTo(100 - 100 / 3, 10);
  });
});
