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
    // Four rows at a time: independent sums hide the latency of each multiply-add and share
    // the loads of row j. Each sum still runs over k in order, so L is bit-identical.
    for (; i + 3 < n; i += 4) {
      const r0 = i * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      let s0 = a[r0 + j]!;
      let s1 = a[r1 + j]!;
      let s2 = a[r2 + j]!;
      let s3 = a[r3 + j]!;
      for (let k = 0; k < j; k++) {
        const ljk = a[rowJ + k]!;
        s0 -= a[r0 + k]! * ljk;
        s1 -= a[r1 + k]! * ljk;
        s2 -= a[r2 + k]! * ljk;
        s3 -= a[r3 + k]! * ljk;
      }
      a[r0 + j] = s0 * inv;
      a[r1 + j] = s1 * inv;
      a[r2 + j] = s2 * inv;
      a[r3 + j] = s3 * inv;
    }
    for (; i < n; i++) {
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
    // Four entries of row i at a time, sharing the loads of U's row i (same order per sum).
    for (; j + 3 <= i; j += 4) {
      const u0 = j * n;
      const u1 = u0 + n;
      const u2 = u1 + n;
      const u3 = u2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = i; k < n; k++) {
        const uik = u[rowI + k]!;
        s0 += uik * u[u0 + k]!;
        s1 += uik * u[u1 + k]!;
        s2 += uik * u[u2 + k]!;
        s3 += uik * u[u3 + k]!;
      }
      out[rowI + j] = out[u0 + i] = s0;
      out[rowI + j + 1] = out[u1 + i] = s1;
      out[rowI + j + 2] = out[u2 + i] = s2;
      out[rowI + j + 3] = out[u3 + i] = s3;
    }
    for (; j < i; j++) {
      const rowJ = j * n;
      let s = 0;
      for (let k = i; k < n; k++) s += u[rowI + k]! * u[rowJ + k]!;
      out[rowI + j] = out[rowJ + i] = s;
    }
    let s = 0;
    for (let k = i; k < n; k++) s += u[rowI + k]! * u[rowI + k]!;
    out[rowI + i] = s;
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
