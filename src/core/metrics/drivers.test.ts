import { describe, expect, it } from "vitest";
import { analyseDrivers, minimumDriverObservations, relativeWeightsOfCorrelations, type DriverObservation } from "./drivers.js";

// 40 customers: three predictor scores and an outcome (generated once with numpy, seed 7).
const rows = [
  [3, 3, 5, 3], [3, 4, 4, 6], [2, 4, 5, 7], [2, 3, 1, 0], [4, 3, 3, 3], [1, 2, 6, 3], [4, 4, 1, 1], [4, 4, 7, 9],
  [2, 5, 2, 3], [4, 4, 7, 5], [4, 4, 3, 4], [2, 5, 7, 7], [3, 4, 5, 4], [3, 5, 2, 2], [3, 4, 7, 4], [4, 5, 8, 5],
  [2, 2, 5, 5], [3, 4, 4, 3], [2, 1, 5, 3], [1, 1, 3, 2], [1, 2, 7, 2], [2, 3, 4, 4], [2, 3, 5, 4], [2, 7, 3, 4],
  [3, 3, 4, 5], [3, 3, 2, 4], [1, 2, 8, 4], [3, 4, 5, 5], [2, 4, 7, 6], [2, 4, 5, 4], [2, 4, 4, 0], [1, 4, 4, 5],
  [2, 2, 4, 5], [2, 3, 5, 4], [5, 5, 4, 7], [3, 2, 4, 5], [3, 4, 2, 5], [4, 4, 3, 7], [2, 5, 8, 4], [4, 4, 4, 7],
] as const;
const observations: DriverObservation[] = rows.map(([a, b, c, y]) => ({ predictors: [a, b, c], outcome: y }));

describe("relative weights from correlations", () => {
  it("splits R² of two correlated predictors as computed by hand", () => {
    // ρ = 0.5, r = (0.6, 0.4): R^½ = [[cos 15°, sin 15°], [sin 15°, cos 15°]], β = R^−½·r = (0.549670, 0.266827),
    // w₁ = cos²15°·β₁² + sin²15°·β₂² = 0.286667, w₂ = 0.086667; R² = rᵀR⁻¹r = (0.52 − 0.24)/0.75 = 0.373333
    const fit = relativeWeightsOfCorrelations(
      [
        [1, 0.5],
        [0.5, 1],
      ],
      [0.6, 0.4],
    );
    if (!fit.ok) throw new Error("expected weights");
    expect(fit.weights[0]).toBeCloseTo(0.286667, 6);
    expect(fit.weights[1]).toBeCloseTo(0.086667, 6);
    expect(fit.rSquared).toBeCloseTo(0.28 / 0.75, 12);
  });

  it("gives squared correlations for uncorrelated predictors", () => {
    const fit = relativeWeightsOfCorrelations(
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      [0.5, -0.3, 0.1],
    );
    if (!fit.ok) throw new Error("expected weights");
    expect(fit.weights.map((w) => Number(w.toFixed(12)))).toEqual([0.25, 0.09, 0.01]);
    expect(fit.rSquared).toBeCloseTo(0.35, 12);
  });

  it("refuses perfectly collinear predictors", () => {
    expect(
      relativeWeightsOfCorrelations(
        [
          [1, 1],
          [1, 1],
        ],
        [0.5, 0.5],
      ),
    ).toEqual({ ok: false, reason: "collinear_predictors" });
  });
});

describe("driver analysis", () => {
  it("matches Johnson's SVD construction and sums to the regression R²", () => {
    // numpy: X = PΔQᵀ of the standardised predictors, Z = PQᵀ, Λ = QΔQᵀ, β = Zᵀy, ε = Λ^[2]·β^[2];
    // R² of the ordinary least-squares fit with intercept = 0.3172509.
    const result = analyseDrivers(observations, { resamples: 200 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.observations).toBe(40);
    expect(result.rSquared).toBeCloseTo(0.3172509105845469, 12);
    expect(result.weights.map((w) => w.weight)).toEqual([
      expect.closeTo(0.12306847708090393, 12),
      expect.closeTo(0.037173236298805055, 12),
      expect.closeTo(0.15700919720483808, 12),
    ]);
    expect(result.weights.reduce((s, w) => s + w.share, 0)).toBeCloseTo(1, 12);
    for (const w of result.weights) {
      expect(w.interval!.lower).toBeLessThanOrEqual(w.weight);
      expect(w.interval!.upper).toBeGreaterThanOrEqual(w.weight);
    }
  });

  it("gives the same bootstrap intervals for the same seed", () => {
    const a = analyseDrivers(observations, { resamples: 300, seed: 3 });
    const b = analyseDrivers(observations, { resamples: 300, seed: 3 });
    const c = analyseDrivers(observations, { resamples: 300, seed: 4 });
    expect(b).toEqual(a);
    if (!a.ok || !c.ok) throw new Error("expected weights");
    expect(c.weights[0]!.interval).not.toEqual(a.weights[0]!.interval);
    expect(a.resamplesUsed).toBe(300);
    expect(analyseDrivers(observations, { resamples: 0 })).toMatchObject({ ok: true, rSquaredInterval: null });
  });

  it("says so when there are too few observations", () => {
    expect(minimumDriverObservations(3)).toBe(30);
    expect(minimumDriverObservations(8)).toBe(80);
    expect(analyseDrivers(observations.slice(0, 29))).toEqual({ ok: false, reason: "too_few_observations", observations: 29, needed: 30 });
    expect(analyseDrivers([])).toMatchObject({ ok: false, reason: "too_few_observations", observations: 0 });
    // rows with a missing value do not count
    const gappy = observations.map((o, i) => (i < 15 ? { ...o, outcome: null } : o));
    expect(analyseDrivers(gappy)).toMatchObject({ ok: false, reason: "too_few_observations", observations: 25 });
  });

  it("says so when a variable never varies or predictors duplicate each other", () => {
    const constant = observations.map((o) => ({ predictors: [o.predictors[0]!, 4, o.predictors[2]!], outcome: o.outcome }));
    expect(analyseDrivers(constant)).toMatchObject({ ok: false, reason: "no_variation" });
    const duplicate = observations.map((o) => ({ predictors: [o.predictors[0]!, 2 * o.predictors[0]! + 1], outcome: o.outcome }));
    expect(analyseDrivers(duplicate)).toMatchObject({ ok: false, reason: "collinear_predictors" });
  });
});
