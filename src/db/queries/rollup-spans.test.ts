import { describe, expect, it } from "vitest";
import { addPackedSpan, monthStartOf, nextMonthStart, packSpan, planSpanRead, spanDeltasOf } from "./rollup-spans.js";
import { rollupLayout, type RollupDelta } from "./rollups.js";

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe("planSpanRead", () => {
  it("reads whole calendar months as month rows and the days around them as day rows", () => {
    // 2026-01-15 … 2026-04-10: February and March whole; 15–31 January and 1–10 April by day.
    expect(planSpanRead(dayOf("2026-01-15"), dayOf("2026-04-10"))).toEqual({
      months: { first: dayOf("2026-02-01"), last: dayOf("2026-03-01") },
      dayRanges: [
        [dayOf("2026-01-15"), dayOf("2026-01-31")],
        [dayOf("2026-04-01"), dayOf("2026-04-10")],
      ],
    });
  });

  it("takes a range that is exactly a month as one month row, and one inside a month as days", () => {
    expect(planSpanRead(dayOf("2024-02-01"), dayOf("2024-02-29"))).toEqual({ months: { first: dayOf("2024-02-01"), last: dayOf("2024-02-01") }, dayRanges: [] });
    expect(planSpanRead(dayOf("2024-02-01"), dayOf("2024-02-28"))).toEqual({ months: null, dayRanges: [[dayOf("2024-02-01"), dayOf("2024-02-28")]] });
    expect(planSpanRead(dayOf("2026-12-31"), dayOf("2027-01-31"))).toEqual({ months: { first: dayOf("2027-01-01"), last: dayOf("2027-01-01") }, dayRanges: [[dayOf("2026-12-31"), dayOf("2026-12-31")]] });
    expect(planSpanRead(10, 9)).toEqual({ months: null, dayRanges: [] });
  });

  it("covers every day of any range exactly once", () => {
    for (const [from, to] of [[dayOf("2025-11-08"), dayOf("2026-12-07")], [dayOf("2026-03-31"), dayOf("2026-05-01")], [0, 800]]) {
      const plan = planSpanRead(from!, to!);
      const covered: number[] = [];
      if (plan.months) for (let m = plan.months.first; m <= plan.months.last; m = nextMonthStart(m)) for (let d = m; d < nextMonthStart(m); d++) covered.push(d);
      for (const [a, b] of plan.dayRanges) for (let d = a; d <= b; d++) covered.push(d);
      expect(covered.sort((a, b) => a - b)).toEqual(Array.from({ length: to! - from! + 1 }, (_, i) => from! + i));
    }
  });

  it("knows month starts across years and leap days", () => {
    expect(monthStartOf(dayOf("2024-02-29"))).toBe(dayOf("2024-02-01"));
    expect(nextMonthStart(dayOf("2024-12-01"))).toBe(dayOf("2025-01-01"));
  });
});

describe("packed spans", () => {
  it("round-trip counters (beyond 32 bits) and the CX histogram, and add onto running totals", () => {
    const counts = Array.from({ length: rollupLayout.width }, (_, i) => i * 3);
    counts[rollupLayout.completionSquares] = 12_960_000 * 5000;
    const packed = packSpan(counts, { "0": 2, "1800": 5, "3600": 1, "900": 0 }, rollupLayout.width);
    const totals = new Array<number>(rollupLayout.width).fill(1);
    const cx: Record<number, number> = { 1800: 1 };
    addPackedSpan(packed, rollupLayout.width, totals, cx);
    expect(totals).toEqual(counts.map((c) => c + 1));
    expect(cx).toEqual({ 0: 2, 1800: 6, 3600: 1 });
    const dense = new Float64Array(3601);
    addPackedSpan(packed, rollupLayout.width, new Array<number>(rollupLayout.width).fill(0), dense);
    expect([dense[0], dense[1800], dense[3600], dense[900]]).toEqual([2, 5, 1, 0]);
  });

  it("fold source and language into a day span and a month span", () => {
    const delta = (day: number, source: string, language: string, n: number): RollupDelta => {
      const counts = new Array<number>(rollupLayout.width).fill(0);
      counts[rollupLayout.responses] = n;
      return { organisation_id: "o", touchpoint_id: "t", day, source, language, counts, cx: { "1200": n } };
    };
    const spans = spanDeltasOf([delta(dayOf("2026-03-31"), "qr", "es", 2), delta(dayOf("2026-03-31"), "link", "", 3), delta(dayOf("2026-03-02"), "qr", "es", 4)], rollupLayout);
    const view = [...spans.values()].map((s) => [s.grain, s.start, s.counts[rollupLayout.responses], s.cx["1200"]]).sort();
    expect(view).toEqual([
      ["day", dayOf("2026-03-02"), 4, 4],
      ["day", dayOf("2026-03-31"), 5, 5],
      ["month", dayOf("2026-03-01"), 9, 9],
    ].sort());
  });
});
