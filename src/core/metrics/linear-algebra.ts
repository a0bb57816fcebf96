// The little linear algebra driver analysis needs (METHOD.md §6): correlation matrices and the
// eigen-decomposition of a symmetric matrix, by the cyclic Jacobi method — exact enough, short and
// stable for the dozens of predictors a journey has, so no numerical library is pulled in.

export type Matrix = number[][];

export interface EigenDecomposition {
  /** Eigenvalues, largest first. */
  values: number[];
  /** vectors[i][k] is component i of the eigenvector of values[k] (eigenvectors are columns). */
  vectors: Matrix;
}

/** An n×n identity matrix. */
export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan,
 * §8.5): each rotation zeroes one off-diagonal element; sweeps repeat until the off-diagonal mass is
 * negligible. The input is not modified.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): EigenDecomposition {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = identity(n);
  const scale = a.reduce((sum, row) => sum + row.reduce((s, x) => s + x * x, 0), 0);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (apq === 0) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j]![j]! - a[i]![i]!);
  return {
    values: order.map((i) => a[i]![i]!),
    vectors: v.map((row) => order.map((i) => row[i]!)),
  };
}

/** f(A) = V·diag(f(λ))·Vᵀ for a symmetric A given by its eigen-decomposition (e.g. A^½, A^−½). */
export function symmetricFunction(eigen: EigenDecomposition, f: (lambda: number) => number): Matrix {
  const n = eigen.values.length;
  const fl = eigen.values.map(f);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += eigen.vectors[i]![k]! * fl[k]! * eigen.vectors[j]![k]!;
      return sum;
    }),
  );
}

/** Matrix × vector. */
export function multiply(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((sum, x, j) => sum + x * vector[j]!, 0));
}

/**
 * Pearson correlation matrix of columns of equal length (two-pass, for precision). A column with no
 * variation has no correlation: its entries are NaN.
 */
export function correlationMatrix(columns: readonly (readonly number[])[]): Matrix {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  const centred = columns.map((column) => {
    const mean = column.reduce((sum, x) => sum + x, 0) / n;
    return column.map((x) => x - mean);
  });
  // Exact test for a constant column: centring may leave rounding noise that is not variation.
  const norms = centred.map((column, i) =>
    columns[i]!.every((x) => x === columns[i]![0]) ? 0 : Math.sqrt(column.reduce((sum, x) => sum + x * x, 0)),
  );
  const r = identity(k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let sum = 0;
      for (let t = 0; t < n; t++) sum += centred[i]![t]! * centred[j]![t]!;
      const value = norms[i]! > 0 && norms[j]! > 0 ? sum / (norms[i]! * norms[j]!) : Number.NaN;
      r[i]![j] = i === j && !Number.isNaN(value) ? 1 : value;
      r[j]![i] = r[i]![j]!;
    }
  }
  return r;
}
