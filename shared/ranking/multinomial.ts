import { uniformInt, type Rng } from './random';

/**
 * Exact Multinomial(N, c/N) draws over fixed cell counts c (N = Σc), fast enough to
 * redraw ~60k cells a thousand times. Poissonisation (Devroye 1986, ch. XI): independent
 * X_k ~ Poisson(s·c_k) conditioned on their total T is Multinomial(T, c/N) for any s > 0.
 * So draw the Poissons, then correct the total exactly:
 *  - T < N: add Multinomial(N − T, c/N), one categorical draw at a time from an alias table;
 *  - T > N: remove T − N of the T drawn votes uniformly without replacement, which leaves
 *    Multinomial(N, c/N) (thinning a multinomial sample uniformly keeps it multinomial).
 * With s = 1 − 6/√N the total falls short of N except with probability ~1e-9, so the cheap
 * alias top-up (about 6√N draws) is the usual correction and the Fenwick removal is rare.
 * The Poisson means are scaled counts that never change between rounds, and few distinct
 * values occur, so each distinct mean λ ≤ 2000 gets an alias table over [λ − 12√λ − 12,
 * λ + 12√λ + 12] (the mass left out is below 1e-30, far under float64 rounding): one cell
 * then costs two uniforms and a table look-up. Larger means use inversion searching
 * outward from the mode, about 1.6·√λ steps.
 */
export class MultinomialSampler {
  readonly total: number;
  /** The Poisson means s·c_k. */
  private readonly means: Float64Array;
  private readonly inverse: Float64Array;
  private readonly mode: Float64Array;
  private readonly modePmf: Float64Array;
  private readonly aliasProb: Float64Array;
  private readonly aliasIndex: Int32Array;
  private readonly tree: Float64Array;
  private readonly poisson: PoissonTables;

  constructor(counts: Float64Array) {
    this.total = counts.reduce((s, c) => s + c, 0);
    // Poisson means s·c_k (see above); the alias table for the top-up uses the counts c themselves.
    const shrink = this.total > 36 ? 1 - 6 / Math.sqrt(this.total) : 1;
    this.means = counts.map((c) => c * shrink);
    const k = counts.length;
    this.inverse = this.means.map((c) => (c > 0 ? 1 / c : 0));
    this.mode = new Float64Array(k);
    this.modePmf = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      const lambda = this.means[i]!;
      const m = Math.floor(lambda);
      this.mode[i] = m;
      this.modePmf[i] = lambda > 0 ? Math.exp(-lambda + m * Math.log(lambda) - logFactorial(m)) : 1;
    }
    [this.aliasProb, this.aliasIndex] = buildAlias(counts, this.total);
    this.poisson = buildPoissonTables(this.means);
    this.tree = new Float64Array(k + 1);
  }

  /** Writes one Multinomial(N, c/N) draw into `out` (length = number of cells). */
  sample(rng: Rng, out: Float64Array): void {
    const { cellStart, cellSize, cellBase, prob, alias } = this.poisson;
    let drawn = 0;
    for (let i = 0; i < this.means.length; i++) {
      const size = cellSize[i]!;
      let x = 0;
      if (size > 0) {
        // Alias draw: a uniform slot, then keep it or take its alias.
        const slot = cellStart[i]! + Math.floor(rng.next() * size);
        x = cellBase[i]! + (rng.next() < prob[slot]! ? slot - cellStart[i]! : alias[slot]!);
      } else if (size === LARGE) {
        x = poissonFromMode(rng, this.means[i]!, this.inverse[i]!, this.mode[i]!, this.modePmf[i]!);
      }
      out[i] = x;
      drawn += x;
    }
    if (drawn < this.total) this.addDraws(rng, out, this.total - drawn);
    else if (drawn > this.total) this.removeDraws(rng, out, drawn, drawn - this.total);
  }

  private addDraws(rng: Rng, out: Float64Array, extra: number): void {
    const k = this.means.length;
    for (let d = 0; d < extra; d++) {
      const column = uniformInt(rng, k);
      const cell = rng.next() < this.aliasProb[column]! ? column : this.aliasIndex[column]!;
      out[cell]!++;
    }
  }

  /** Uniform removal via a Fenwick tree over the drawn counts: O(K + removals·log K). */
  private removeDraws(rng: Rng, out: Float64Array, drawn: number, excess: number): void {
    const tree = this.tree;
    const k = out.length;
    tree.fill(0);
    for (let i = 1; i <= k; i++) {
      tree[i]! += out[i - 1]!;
      const parent = i + (i & -i);
      if (parent <= k) tree[parent]! += tree[i]!;
    }
    let remaining = drawn;
    const top = highestPowerOfTwo(k);
    for (let d = 0; d < excess; d++) {
      let target = uniformInt(rng, remaining); // 0-based index of the vote to remove
      let position = 0;
      for (let step = top; step > 0; step >>= 1) {
        const next = position + step;
        if (next <= k && tree[next]! <= target) {
          position = next;
          target -= tree[next]!;
        }
      }
      out[position]!--; // cell `position` (0-based) holds the chosen vote
      for (let i = position + 1; i <= k; i += i & -i) tree[i]!--;
      remaining--;
    }
  }
}

const EMPTY = 0;
const LARGE = -1;
const MAX_TABLE_MEAN = 2000;

/**
 * Alias tables, one per distinct Poisson mean, flattened, with each cell's table spelled
 * out per cell (start, size, base) so the sampling loop does no extra indirection.
 * cellSize is EMPTY for a zero count and LARGE for a mean handled by poissonFromMode.
 */
interface PoissonTables {
  cellStart: Int32Array;
  cellSize: Int32Array;
  cellBase: Float64Array;
  prob: Float64Array;
  /** Offset within the table (value − base) of each slot's alias. */
  alias: Int32Array;
}

function buildPoissonTables(means: Float64Array): PoissonTables {
  const tables = new Map<number, { start: number; size: number; base: number }>();
  let total = 0;
  for (const lambda of means) {
    if (lambda <= 0 || lambda > MAX_TABLE_MEAN || tables.has(lambda)) continue;
    const spread = 12 * Math.sqrt(lambda) + 12;
    const base = Math.max(0, Math.floor(lambda - spread));
    const size = Math.ceil(lambda + spread) - base + 1;
    tables.set(lambda, { start: total, size, base });
    total += size;
  }
  const prob = new Float64Array(total);
  const alias = new Int32Array(total);
  for (const [lambda, { start, size, base }] of tables) {
    const pmf = truncatedPoissonPmf(lambda, base, size);
    const [p, a] = buildAlias(
      pmf,
      pmf.reduce((x, y) => x + y, 0),
    );
    prob.set(p, start);
    alias.set(a, start);
  }
  const cellStart = new Int32Array(means.length);
  const cellSize = new Int32Array(means.length);
  const cellBase = new Float64Array(means.length);
  means.forEach((lambda, i) => {
    const table = tables.get(lambda);
    if (table) {
      cellStart[i] = table.start;
      cellSize[i] = table.size;
      cellBase[i] = table.base;
    } else {
      cellSize[i] = lambda > 0 ? LARGE : EMPTY;
    }
  });
  return { cellStart, cellSize, cellBase, prob, alias };
}

/** Poisson(λ) pmf on base … base+size−1, by the ratio recurrences outward from the mode. */
function truncatedPoissonPmf(lambda: number, base: number, size: number): Float64Array {
  const pmf = new Float64Array(size);
  const mode = Math.floor(lambda);
  pmf[mode - base] = Math.exp(-lambda + mode * Math.log(lambda) - logFactorial(mode));
  for (let k = mode - 1; k >= base; k--) pmf[k - base] = (pmf[k + 1 - base]! * (k + 1)) / lambda;
  for (let k = mode + 1; k < base + size; k++) pmf[k - base] = (pmf[k - 1 - base]! * lambda) / k;
  return pmf;
}

/** 1/k for small k, so the pmf recurrences multiply instead of divide. */
const RECIPROCALS = Float64Array.from({ length: 1 << 16 }, (_, k) => (k === 0 ? 0 : 1 / k));

/**
 * Poisson(λ) by inversion over the support enumerated mode, mode−1, mode+1, mode−2, …
 * (any fixed order is a valid inversion). pmf recurrences: f(k−1) = f(k)·k/λ,
 * f(k+1) = f(k)·λ/(k+1). If rounding leaves the uniform unconsumed, draw again.
 */
function poissonFromMode(rng: Rng, lambda: number, inverseLambda: number, mode: number, modePmf: number): number {
  for (;;) {
    let u = rng.next() - modePmf;
    if (u < 0) return mode;
    let lo = mode;
    let hi = mode;
    let fLo = modePmf;
    let fHi = modePmf;
    for (;;) {
      if (lo > 0) {
        fLo *= lo * inverseLambda;
        lo--;
        u -= fLo;
        if (u < 0) return lo;
      }
      hi++;
      fHi *= hi < RECIPROCALS.length ? lambda * RECIPROCALS[hi]! : lambda / hi;
      u -= fHi;
      if (u < 0) return hi;
      if ((lo === 0 || fLo < 1e-300) && fHi < 1e-300) break;
    }
  }
}

/** ln k! — exact sum for small k, Stirling series with the 1/12k… correction beyond. */
export function logFactorial(k: number): number {
  if (k < 20) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  const x = k + 1;
  const r = 1 / x;
  const rr = r * r;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + (1 / 12 - (1 / 360 - rr / 1260) * rr) * r;
}

/** Vose's alias method: O(K) set-up, O(1) exact categorical draws with probabilities w/Σw. */
function buildAlias(weights: Float64Array, total: number): [Float64Array, Int32Array] {
  const k = weights.length;
  const prob = new Float64Array(k);
  const alias = new Int32Array(k);
  const scaled = weights.map((w) => (w * k) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1; // only reachable through rounding
  return [prob, alias];
}

function highestPowerOfTwo(k: number): number {
  let p = 1;
  while (p * 2 <= k) p *= 2;
  return p;
}
