import { gradientInto } from './likelihood';
import type { PairTable } from './pairTable';

/** Past iterates kept by the Anderson mixing: enough to absorb a few slow directions. */
const MEMORY = 4;

/**
 * Solves ∇ℓ(θ) = 0 for one bootstrap resample, starting from the full-data fit θ̂, with a
 * fixed inverse Hessian H₀⁻¹ from θ̂ (the chord method: θ ← θ + H₀⁻¹∇ℓ(θ)) accelerated by
 * Anderson mixing (Walker & Ni 2011, "Anderson acceleration for fixed-point iterations",
 * type II, memory 4). Plain chord converges fast where H₀ is a good model of the resample's
 * Hessian, i.e. for well-voted models, but crawls on a model with a handful of votes whose
 * curvature changes a lot between resamples; Anderson mixing is a small Krylov method on
 * the recent steps and removes those few slow directions in a few extra iterations.
 * Each iteration costs one gradient (O(pairs)) and one H₀⁻¹ product (O(n²)).
 */
export class ChordSolver {
  private readonly grad: Float64Array;
  private readonly step: Float64Array;
  private readonly previousTheta: Float64Array;
  private readonly previousStep: Float64Array;
  private readonly dTheta: Float64Array;
  private readonly dStep: Float64Array;
  private readonly gram = new Float64Array(MEMORY * MEMORY);
  private readonly rhs = new Float64Array(MEMORY);

  constructor(
    private readonly n: number,
    private readonly tolerance: number,
    private readonly maxIterations: number,
  ) {
    this.grad = new Float64Array(n);
    this.step = new Float64Array(n);
    this.previousTheta = new Float64Array(n);
    this.previousStep = new Float64Array(n);
    this.dTheta = new Float64Array(MEMORY * n);
    this.dStep = new Float64Array(MEMORY * n);
  }

  /**
   * Iterates θ in place until the chord step is below the tolerance (max norm). Returns false
   * if it diverges or runs out of iterations; the caller then refits with full Newton.
   */
  solve(sample: PairTable, inverse: Float64Array, ridge: number, theta: Float64Array): boolean {
    const { n, step } = this;
    let stored = 0;
    let best = Infinity;
    for (let iteration = 0; iteration < this.maxIterations; iteration++) {
      const largest = this.chordStep(sample, inverse, ridge, theta);
      if (largest < this.tolerance) {
        for (let i = 0; i < n; i++) theta[i]! += step[i]!;
        return true;
      }
      if (largest > 4 * best) return false;
      best = Math.min(best, largest);
      if (iteration > 0) stored = this.remember(theta, stored, iteration);
      this.previousTheta.set(theta);
      this.previousStep.set(step);
      this.mix(theta, Math.min(stored, MEMORY));
    }
    return false;
  }

  /** step = H₀⁻¹·∇ℓ(θ); returns max |step|. */
  private chordStep(sample: PairTable, inverse: Float64Array, ridge: number, theta: Float64Array): number {
    const { n, grad, step } = this;
    gradientInto(sample, theta, ridge, grad);
    let largest = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += inverse[row + j]! * grad[j]!;
      step[i] = s;
      largest = Math.max(largest, Math.abs(s));
    }
    return largest;
  }

  /** Stores Δθ and Δstep of the last iteration in slot (iteration − 1) mod MEMORY. */
  private remember(theta: Float64Array, stored: number, iteration: number): number {
    const { n } = this;
    const offset = ((iteration - 1) % MEMORY) * n;
    for (let i = 0; i < n; i++) {
      this.dTheta[offset + i] = theta[i]! - this.previousTheta[i]!;
      this.dStep[offset + i] = this.step[i]! - this.previousStep[i]!;
    }
    return stored + 1;
  }

  /**
   * θ ← θ + step − Σ_j γ_j (Δθ_j + Δstep_j), with γ minimising ‖step − Σ γ_j Δstep_j‖₂
   * (normal equations, m ≤ 4, with a tiny ridge for conditioning).
   */
  private mix(theta: Float64Array, m: number): void {
    const { n, step, dTheta, dStep, gram, rhs } = this;
    if (m === 0) {
      for (let i = 0; i < n; i++) theta[i]! += step[i]!;
      return;
    }
    for (let a = 0; a < m; a++) {
      rhs[a] = dot(dStep, a * n, step, 0, n);
      for (let b = 0; b <= a; b++) gram[a * MEMORY + b] = gram[b * MEMORY + a] = dot(dStep, a * n, dStep, b * n, n);
    }
    let trace = 0;
    for (let a = 0; a < m; a++) trace += gram[a * MEMORY + a]!;
    for (let a = 0; a < m; a++) gram[a * MEMORY + a]! += 1e-12 * trace + 1e-300;
    const gamma = solveSmall(gram, rhs, m);
    for (let i = 0; i < n; i++) {
      let correction = 0;
      for (let a = 0; a < m; a++) correction += gamma[a]! * (dTheta[a * n + i]! + dStep[a * n + i]!);
      theta[i]! += step[i]! - correction;
    }
  }
}

function dot(x: Float64Array, xo: number, y: Float64Array, yo: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[xo + i]! * y[yo + i]!;
  return s;
}

/** Gaussian elimination with partial pivoting on the leading m×m block (row stride MEMORY). */
function solveSmall(matrix: Float64Array, rhs: Float64Array, m: number): Float64Array {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(rhs);
  for (let c = 0; c < m; c++) {
    let pivot = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(a[r * MEMORY + c]!) > Math.abs(a[pivot * MEMORY + c]!)) pivot = r;
    for (let k = 0; k < m; k++)
      [a[c * MEMORY + k], a[pivot * MEMORY + k]] = [a[pivot * MEMORY + k]!, a[c * MEMORY + k]!];
    [b[c], b[pivot]] = [b[pivot]!, b[c]!];
    for (let r = c + 1; r < m; r++) {
      const f = a[r * MEMORY + c]! / a[c * MEMORY + c]!;
      for (let k = c; k < m; k++) a[r * MEMORY + k]! -= f * a[c * MEMORY + k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Float64Array(m);
  for (let r = m - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < m; k++) s -= a[r * MEMORY + k]! * x[k]!;
    x[r] = s / a[r * MEMORY + r]!;
  }
  return x;
}
