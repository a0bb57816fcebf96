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
  // Flat typed arrays, row-major: a[i·n + j]. Rotations touch whole rows and columns, so this is the hot path.
  const a = new Float64Array(n * n);
  const v = new Float64Array(n * n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    v[i * n + i] = 1;
    for (let j = 0; j < n; j++) {
      a[i * n + j] = matrix[i]![j]!;
      scale += matrix[i]![j]! ** 2;
    }
  }
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        if (Math.abs(apq) < 1e-17 * (Math.abs(a[p * n + p]!) + Math.abs(a[q * n + q]!))) {
          // already negligible next to the diagonal (Numerical Recipes' jacobi does the same)
          a[p * n + q] = 0;
          a[q * n + p] = 0;
          continue;
        }
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j]! - a[i * n + i]!);
  return {
    values: order.map((i) => a[i * n + i]!),
    vectors: Array.from({ length: n }, (_, k) => order.map((i) => v[k * n + i]!)),
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
