import { describe, expect, it } from "vitest";
import { correlationMatrix, multiply, symmetricEigen, symmetricFunction } from "./linear-algebra.js";

describe("symmetric eigen-decomposition (Jacobi)", () => {
  it("finds the eigenvalues of a 2×2 matrix", () => {
    // [[2, 1], [1, 2]] has eigenvalues 3 and 1, eigenvectors (1, 1)/√2 and (1, −1)/√2
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0]![0]!)).toBeCloseTo(Math.SQRT1_2, 14);
  });

  it("decomposes a larger matrix into orthonormal eigenvectors", () => {
    const a = [
      [4, 1, -2, 2, 0.5],
      [1, 2, 0, 1, 0.3],
      [-2, 0, 3, -2, 0.1],
      [2, 1, -2, -1, 0.7],
      [0.5, 0.3, 0.1, 0.7, 1],
    ];
    const { values, vectors } = symmetricEigen(a);
    // trace = sum of eigenvalues
    expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(9, 12);
    for (let k = 0; k < 5; k++) {
      const v = vectors.map((row) => row[k]!);
      const av = multiply(a, v);
      av.forEach((x, i) => expect(x).toBeCloseTo(values[k]! * v[i]!, 12));
      for (let j = 0; j < 5; j++) {
        const dot = vectors.reduce((s, row) => s + row[k]! * row[j]!, 0);
        expect(dot).toBeCloseTo(k === j ? 1 : 0, 12);
      }
    }
    expect([...values].sort((x, y) => y - x)).toEqual(values);
  });

  it("takes matrix square roots", () => {
    const a = [
      [1, 0.5],
      [0.5, 1],
    ];
    const root = symmetricFunction(symmetricEigen(a), Math.sqrt);
    // (R^½)² = R; for this matrix R^½ = [[cos 15°, sin 15°], [sin 15°, cos 15°]]
    expect(root[0]![0]).toBeCloseTo(Math.cos(Math.PI / 12), 14);
    expect(root[0]![1]).toBeCloseTo(Math.sin(Math.PI / 12), 14);
  });
});

describe("correlation matrix", () => {
  it("gives Pearson correlations and NaN for a constant column", () => {
    const r = correlationMatrix([
      [1, 2, 3, 4],
      [2, 4, 6, 8.5],
      [4, 3, 2, 1],
      [0.1, 0.1, 0.1, 0.1],
    ]);
    expect(r[0]![0]).toBe(1);
    expect(r[0]![2]).toBeCloseTo(-1, 14);
    expect(r[0]![1]).toBeGreaterThan(0.99);
    expect(r[1]![0]).toBe(r[0]![1]);
    expect(r[3]![0]).toBeNaN();
    expect(r[3]![3]).toBeNaN();
  });
});
