import { describe, expect, it } from "vitest";
import { logGamma, normalCdf, normalQuantile, regularizedIncompleteBeta, studentTCdf, studentTQuantile, studentTTwoSidedP } from "./distributions.js";

describe("normal distribution", () => {
  it("matches published quantiles", () => {
    // Standard normal tables; extra digits from scipy.stats.norm.ppf.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 12);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080409, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("matches published probabilities, far tails included", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 14);
    expect(normalCdf(-8) / 6.22096057427174e-16).toBeCloseTo(1, 10);
  });
});

describe("Student t distribution", () => {
  // t(0.975, df): to 3 decimals as printed in common t tables (two-sided 95 % column), and to 10
  // decimals against scipy.stats.t.ppf (SciPy 1.17, computed separately).
  const table: [number, number, number][] = [
    [1, 12.706, 12.706204736174694],
    [2, 4.303, 4.302652729749462],
    [5, 2.571, 2.5705818356363146],
    [10, 2.228, 2.228138851986274],
    [29, 2.045, 2.045229642132703],
    [30, 2.042, 2.0422724563012378],
    [100, 1.984, 1.9839715185235518],
    [1000, 1.962, 1.9623390808264083],
  ];
  it.each(table)("gives t(0.975, %i) of the tables", (df, rounded, precise) => {
    const t = studentTQuantile(0.975, df);
    expect(t).toBeCloseTo(rounded, 3);
    expect(t).toBeCloseTo(precise, 10);
    expect(studentTQuantile(0.025, df)).toBeCloseTo(-precise, 10);
  });

  it("handles non-integer df (Welch) and extreme probabilities", () => {
    expect(studentTQuantile(0.975, 17.776)).toBeCloseTo(2.102821310380221, 10); // scipy
    expect(studentTQuantile(0.995, 3)).toBeCloseTo(5.840909309733355, 10); // table 5.841
    expect(studentTQuantile(1e-8, 5)).toBeCloseTo(-62.4045061109673, 8); // scipy
    expect(studentTQuantile(0.975, 0.5)).toBeCloseTo(164.55767348048818, 6); // scipy
    expect(studentTQuantile(0.975, 1e9)).toBeCloseTo(1.959963984540054, 8); // the normal limit
  });

  it("inverts its CDF", () => {
    for (const df of [1, 2, 3, 7.5, 40]) {
      for (const p of [0.001, 0.1, 0.6, 0.95, 0.9999]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
    }
    expect(studentTCdf(0, 4)).toBe(0.5);
  });

  it("gives two-sided p-values", () => {
    // R: 2 * pt(-1.8608, 17.776)
    expect(studentTTwoSidedP(-1.8608, 17.776)).toBeCloseTo(0.0793965781397799, 10);
    expect(studentTTwoSidedP(0, 10)).toBe(1);
  });
});

describe("special functions", () => {
  it("gives ln Γ and I_x(a, b) at known points", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(regularizedIncompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    // I_x(1, b) = 1 − (1 − x)^b
    expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
  });
});
