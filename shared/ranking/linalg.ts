/**
 * Dense symmetric positive-definite linear algebra on row-major Float64Array n×n matrices.
 * The Newton system and the sandwich covariance are at most a few hundred square, so a
 * straightforward Cholesky (n³/6 multiply-adds) is the fastest honest choice.
 */

/**
 * In-place Cholesky A = L·Lᵀ; the lower triangle of `a` becomes L (the upper triangle
 * is left untouched). Returns false when A is not numerically positive definite.
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let d = a[rowJ + j]!;
    for (let k = 0; k < j; k++) {
      const l = a[rowJ + k]!;
      d -= l * l;
    }
    if (!(d > 0) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    a[rowJ + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let s = a[rowI + j]!;
      for (let k = 0; k < j; k++) s -= a[rowI + k]! * a[rowJ + k]!;
      a[rowI + j] = s * inv;
    }
  }
  return true;
}

/** Solves L·Lᵀ·x = b in place in `b`, with L from `choleskyInPlace`. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[row + k]! * b[k]!;
    b[i] = s / l[row + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
}

/**
 * Full inverse from the Cholesky factor: A⁻¹ = L⁻ᵀ·L⁻¹, about n³/3 multiply-adds. Column j
 * of L⁻¹ comes from forward substitution on e_j and is stored as row j of U = (L⁻¹)ᵀ, so
 * both the substitution and the product (A⁻¹)_ij = Σ_{k ≥ max(i,j)} U_ik·U_jk run over
 * contiguous memory — several times faster than the textbook strided loops at n = 200.
 */
export function choleskyInverse(l: Float64Array, n: number): Float64Array {
  const u = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const row = j * n;
    for (let i = j; i < n; i++) {
      let s = i === j ? 1 : 0;
      const li = i * n;
      for (let k = j; k < i; k++) s -= l[li + k]! * u[row + k]!;
      u[row + i] = s / l[li + i]!;
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += u[i * n + k]! * u[j * n + k]!;
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}
