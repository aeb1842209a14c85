import { GRADIENT_TOLERANCE } from './constants';
import { choleskyInPlace, choleskyInverse, choleskySolveInPlace } from './linalg';
import { sigmoid } from './likelihood';

/** Aggregated rows of the contextual model: pair (a, b), contrast vector z (row-major m×f), outcome counts. */
export interface ContextualRows {
  n: number;
  f: number;
  m: number;
  a: Int32Array;
  b: Int32Array;
  z: Float64Array;
  winsA: Float64Array;
  winsB: Float64Array;
  draws: Float64Array;
}

export interface ContextualFit {
  /** θ_0…θ_{n−1} then γ_0…γ_{f−1}. */
  params: Float64Array;
  iterations: number;
  gradient: number;
  converged: boolean;
  thetaRidge: number;
  styleRidge: number;
}

/**
 * Newton's method for ℓ = Σ_rows [s·d − N·softplus(d)] − ½·thetaRidge‖θ‖² − ½·styleRidge‖γ‖²,
 * d = θ_a − θ_b + zᵀγ: the Bradley–Terry likelihood of bradleyTerry.ts with a linear
 * style term, so the same exact-MLE stopping rule (max |∇ℓ| < 1e-9) applies.
 */
export function fitContextual(rows: ContextualRows, ridges: { thetaRidge: number; styleRidge: number }): ContextualFit {
  const size = rows.n + rows.f;
  const params = new Float64Array(size);
  const grad = new Float64Array(size);
  const h = new Float64Array(size * size);
  const trial = new Float64Array(size);
  let gradient = evaluate(rows, params, ridges, grad, null);
  let iterations = 0;
  while (gradient >= GRADIENT_TOLERANCE && iterations < 100) {
    evaluate(rows, params, ridges, grad, h);
    if (ridges.thetaRidge === 0) pinThetaMean(h, rows.n, size);
    if (!choleskyInPlace(h, size)) break;
    const step = Float64Array.from(grad);
    choleskySolveInPlace(h, size, step);
    const before = objective(rows, params, ridges);
    let t = 1;
    for (; t > 1e-10; t *= 0.5) {
      for (let i = 0; i < size; i++) trial[i] = params[i]! + t * step[i]!;
      if (objective(rows, trial, ridges) >= before - 1e-13 * (1 + Math.abs(before))) break;
    }
    if (t <= 1e-10) break;
    params.set(trial);
    iterations++;
    gradient = evaluate(rows, params, ridges, grad, null);
  }
  return { params, iterations, gradient, converged: gradient < GRADIENT_TOLERANCE, ...ridges };
}

/**
 * Sandwich standard errors of θ and then of the style coefficients γ (H⁻¹GH⁻¹ over the joint
 * parameters, arena-rank's contextual CI): entries 0..n−1 are θ, n..n+f−1 are γ.
 */
export function contextualStandardErrors(rows: ContextualRows, fit: ContextualFit, hessianRidge: number): Float64Array {
  const { n, f } = rows;
  const size = n + f;
  const h = new Float64Array(size * size);
  evaluate(
    rows,
    fit.params,
    { thetaRidge: fit.thetaRidge + hessianRidge, styleRidge: fit.styleRidge },
    new Float64Array(size),
    h,
  );
  if (!choleskyInPlace(h, size)) throw new Error('style sandwich: Hessian is not positive definite');
  const inv = choleskyInverse(h, size);
  // diag(H⁻¹GH⁻¹) through the dense meat G = Σ_rows g_k·x_k·x_kᵀ, x_k = e_a − e_b + (0…0, z_k):
  // each row touches only (f + 2)² entries, so building G is O(rows·f²) and the two products
  // O(size³) — instead of one pass over all rows per parameter (O(size·rows·f), seconds at 1M rows).
  const meat = new Float64Array(size * size);
  const index = new Int32Array(f + 2);
  const value = new Float64Array(f + 2);
  for (let k = 0; k < rows.m; k++) {
    const p = sigmoid(logit(rows, fit.params, k));
    const g = rows.winsA[k]! * (1 - p) ** 2 + rows.winsB[k]! * p * p + rows.draws[k]! * (0.5 - p) ** 2;
    index[0] = rows.a[k]!;
    value[0] = 1;
    index[1] = rows.b[k]!;
    value[1] = -1;
    for (let j = 0; j < f; j++) {
      index[2 + j] = n + j;
      value[2 + j] = rows.z[k * f + j]!;
    }
    for (let u = 0; u < f + 2; u++) {
      const row = index[u]! * size;
      const gu = g * value[u]!;
      for (let v = 0; v < f + 2; v++) meat[row + index[v]!]! += gu * value[v]!;
    }
  }
  const left = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let l = 0; l < size; l++) {
      const x = inv[i * size + l]!;
      if (x === 0) continue;
      for (let j = 0; j < size; j++) left[i * size + j]! += x * meat[l * size + j]!;
    }
  }
  const se = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let v = 0;
    for (let j = 0; j < size; j++) v += left[i * size + j]! * inv[j * size + i]!;
    se[i] = Math.sqrt(Math.max(0, v));
  }
  return se;
}

function logit(rows: ContextualRows, params: Float64Array, k: number): number {
  let d = params[rows.a[k]!]! - params[rows.b[k]!]!;
  for (let j = 0; j < rows.f; j++) d += rows.z[k * rows.f + j]! * params[rows.n + j]!;
  return d;
}

function objective(
  rows: ContextualRows,
  params: Float64Array,
  ridges: { thetaRidge: number; styleRidge: number },
): number {
  let value = 0;
  for (let k = 0; k < rows.m; k++) {
    const d = logit(rows, params, k);
    const total = rows.winsA[k]! + rows.winsB[k]! + rows.draws[k]!;
    const softplus = d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
    value += (rows.winsA[k]! + 0.5 * rows.draws[k]!) * d - total * softplus;
  }
  for (let i = 0; i < rows.n + rows.f; i++) {
    const ridge = i < rows.n ? ridges.thetaRidge : ridges.styleRidge;
    value -= 0.5 * ridge * params[i]! * params[i]!;
  }
  return value;
}

/** Gradient into `grad` (returns max |·|) and, when `h` is given, the information matrix −∇²ℓ. */
function evaluate(
  rows: ContextualRows,
  params: Float64Array,
  ridges: { thetaRidge: number; styleRidge: number },
  grad: Float64Array,
  h: Float64Array | null,
): number {
  const { n, f } = rows;
  const size = n + f;
  for (let i = 0; i < size; i++) grad[i] = -(i < n ? ridges.thetaRidge : ridges.styleRidge) * params[i]!;
  if (h) {
    h.fill(0);
    for (let i = 0; i < size; i++) h[i * size + i] = i < n ? ridges.thetaRidge : ridges.styleRidge;
  }
  // x = ∂d/∂params is sparse: +1 at a, −1 at b, z at the style coefficients. Its support is
  // kept in two small reusable arrays (no allocation per row: this loop runs over every row
  // on every Newton step, a million rows at arena scale).
  const support = new Int32Array(f + 2);
  const x = new Float64Array(f + 2);
  for (let k = 0; k < rows.m; k++) {
    const total = rows.winsA[k]! + rows.winsB[k]! + rows.draws[k]!;
    const p = sigmoid(logit(rows, params, k));
    const r = rows.winsA[k]! + 0.5 * rows.draws[k]! - total * p;
    support[0] = rows.a[k]!;
    x[0] = 1;
    support[1] = rows.b[k]!;
    x[1] = -1;
    for (let j = 0; j < f; j++) {
      support[2 + j] = n + j;
      x[2 + j] = rows.z[k * f + j]!;
    }
    for (let u = 0; u < f + 2; u++) grad[support[u]!]! += r * x[u]!;
    if (h) {
      const w = total * p * (1 - p);
      for (let u = 0; u < f + 2; u++) {
        const row = support[u]! * size;
        const wu = w * x[u]!;
        for (let v = 0; v < f + 2; v++) h[row + support[v]!]! += wu * x[v]!;
      }
    }
  }
  let max = 0;
  for (let i = 0; i < size; i++) max = Math.max(max, Math.abs(grad[i]!));
  return max;
}

/** As pinMeanInto in likelihood.ts, on the θ block only: the likelihood is flat along (1,…,1, 0,…,0). */
function pinThetaMean(h: Float64Array, n: number, size: number): void {
  let trace = 0;
  for (let i = 0; i < n; i++) trace += h[i * size + i]!;
  const c = trace > 0 ? trace / (n * n) : 1;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) h[i * size + j]! += c;
}
