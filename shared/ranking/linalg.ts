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
    let i = j + 1;
    // Two rows at a time: two independent sums hide the latency of each multiply-add and
    // share the loads of row j. Each sum still runs over k in order, so L is bit-identical.
    for (; i + 1 < n; i += 2) {
      const rowI = i * n;
      const rowI1 = rowI + n;
      let s0 = a[rowI + j]!;
      let s1 = a[rowI1 + j]!;
      for (let k = 0; k < j; k++) {
        const ljk = a[rowJ + k]!;
        s0 -= a[rowI + k]! * ljk;
        s1 -= a[rowI1 + k]! * ljk;
      }
      a[rowI + j] = s0 * inv;
      a[rowI1 + j] = s1 * inv;
    }
    if (i < n) {
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
  for (let j = 0; j < n; j++) invertColumn(l, n, j, u);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    let j = 0;
    // Two entries of row i at a time, sharing the loads of U's row i (same order per sum).
    for (; j + 1 <= i; j += 2) {
      const rowJ = j * n;
      const rowJ1 = rowJ + n;
      let s0 = 0;
      let s1 = 0;
      for (let k = i; k < n; k++) {
        const uik = u[rowI + k]!;
        s0 += uik * u[rowJ + k]!;
        s1 += uik * u[rowJ1 + k]!;
      }
      out[rowI + j] = s0;
      out[rowJ + i] = s0;
      out[rowI + j + 1] = s1;
      out[rowJ1 + i] = s1;
    }
    if (j === i) {
      let s = 0;
      for (let k = i; k < n; k++) s += u[rowI + k]! * u[rowI + k]!;
      out[rowI + i] = s;
    }
  }
  return out;
}

/**
 * Column j of L⁻¹ by forward substitution on e_j, stored as row j of `u`. Rows i and i+1
 * are summed together (row i+1 takes its last term once row i is known), each in the same
 * order as the textbook loop.
 */
function invertColumn(l: Float64Array, n: number, j: number, u: Float64Array): void {
  const row = j * n;
  u[row + j] = 1 / l[j * n + j]!;
  let i = j + 1;
  for (; i + 1 < n; i += 2) {
    const li = i * n;
    const li1 = li + n;
    let s0 = 0;
    let s1 = 0;
    for (let k = j; k < i; k++) {
      const ujk = u[row + k]!;
      s0 -= l[li + k]! * ujk;
      s1 -= l[li1 + k]! * ujk;
    }
    const ui = s0 / l[li + i]!;
    u[row + i] = ui;
    s1 -= l[li1 + i]! * ui;
    u[row + i + 1] = s1 / l[li1 + i + 1]!;
  }
  if (i < n) {
    const li = i * n;
    let s = 0;
    for (let k = j; k < i; k++) s -= l[li + k]! * u[row + k]!;
    u[row + i] = s / l[li + i]!;
  }
}
