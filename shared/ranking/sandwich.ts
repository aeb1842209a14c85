import { HESSIAN_RIDGE_PER_VOTE } from './constants';
import { choleskyInPlace, choleskyInverse } from './linalg';
import { informationInto, sigmoid } from './likelihood';
import type { PairTable } from './pairTable';

/**
 * Standard errors of θ by the sandwich (robust) estimator, exactly as lmarena/arena-rank
 * `compute_hessian_and_covariance`:
 *   H = Σ c·p(1−p)·e·eᵀ + (1e-5·N)·I,   G = Σ_rows (c·(o−p))²/c · e·eᵀ,   cov = H⁻¹·G·H⁻¹,
 * with rows = unique (pair, outcome) cells, e = e_a − e_b, N = total votes. Per pair the
 * three outcome cells give G weight wA(1−p)² + wB·p² + draws(½−p)².
 * `extraRidge` is added to H when the point fit itself was regularised.
 * With per-pair weights w (table.weight; the counts already hold c·w) the estimating equation
 * is Σ_votes w·(o−p)·e, so H = Σ w·c·p(1−p)·eeᵀ (what the weighted table gives) and
 * G = Σ_votes w²(o−p)²·eeᵀ = w · (the weighted table's G): one more factor w per pair.
 */
export function sandwichStandardErrors(table: PairTable, theta: Float64Array, extraRidge = 0): Float64Array {
  const n = table.n;
  const h = new Float64Array(n * n);
  informationInto(table, theta, HESSIAN_RIDGE_PER_VOTE * table.votes + extraRidge, h);
  if (!choleskyInPlace(h, n)) throw new Error('sandwich: Hessian is not positive definite');
  const inv = choleskyInverse(h, n);
  const g = gradientVariances(table, theta);
  // diag(H⁻¹ G H⁻¹)_i = Σ_pairs g_k · (H⁻¹_{i,a} − H⁻¹_{i,b})², O(n·pairs) instead of O(n³).
  // H⁻¹ is exactly symmetric, so H⁻¹_{i,a} is row a read along i: the loop runs over pairs on
  // contiguous rows instead of gathering from all over the matrix, two pairs per pass so each
  // variance is loaded and stored half as often. Each variance still adds the pairs one by one
  // in order, so the result is bit-identical to the plain loop.
  const variance = new Float64Array(n);
  let k = 0;
  for (; k + 1 < table.m; k += 2) {
    const a0 = table.a[k]! * n;
    const b0 = table.b[k]! * n;
    const a1 = table.a[k + 1]! * n;
    const b1 = table.b[k + 1]! * n;
    const g0 = g[k]!;
    const g1 = g[k + 1]!;
    for (let i = 0; i < n; i++) {
      const d0 = inv[a0 + i]! - inv[b0 + i]!;
      const d1 = inv[a1 + i]! - inv[b1 + i]!;
      variance[i] = variance[i]! + g0 * d0 * d0 + g1 * d1 * d1;
    }
  }
  for (; k < table.m; k++) {
    const rowA = table.a[k]! * n;
    const rowB = table.b[k]! * n;
    const gk = g[k]!;
    for (let i = 0; i < n; i++) {
      const d = inv[rowA + i]! - inv[rowB + i]!;
      variance[i]! += gk * d * d;
    }
  }
  return variance.map(Math.sqrt);
}

function gradientVariances(table: PairTable, theta: Float64Array): Float64Array {
  const g = new Float64Array(table.m);
  for (let k = 0; k < table.m; k++) {
    const p = sigmoid(theta[table.a[k]!]! - theta[table.b[k]!]!);
    const half = 0.5 - p;
    g[k] = table.winsA[k]! * (1 - p) * (1 - p) + table.winsB[k]! * p * p + table.draws[k]! * half * half;
  }
  const weight = table.weight;
  if (weight) for (let k = 0; k < table.m; k++) g[k]! *= weight[k]!;
  return g;
}
