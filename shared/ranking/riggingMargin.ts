import { fitBradleyTerry } from './bradleyTerry';
import { GRADIENT_TOLERANCE } from './constants';
import { choleskyInPlace, choleskyInverse } from './linalg';
import { diagnoseGraph } from './graph';
import { gradientInto, informationInto, pinMeanInto } from './likelihood';
import { toPairTable, type PairTable } from './pairTable';
import { DEGENERATE_RIDGE } from './rank';
import type { PairCounts } from './types';

/**
 * Rigging margin of an adjacent pair (`upper` ranked just above `lower`): a number of decisive
 * votes that, flipped (a win becomes a loss), puts `lower` above `upper` in the Bradley–Terry fit
 * the board itself is ranked with (`ridge`: by default `boardRidge`, i.e. as rankModels fits it).
 *
 * What it is: an UPPER bound with a witness, not the exact minimum. The flips are ordered by their
 * first-order effect on the gap θ_upper − θ_lower: flipping a vote on pair (a, b) moves the
 * gradient by ∓(e_a − e_b) and leaves the information H unchanged (totals do not change), so the
 * fit moves by H⁻¹(∓(e_a − e_b)) and the gap by ∓(c_a − c_b), c = H⁻¹(e_upper − e_lower). Greedy
 * by |c_a − c_b| is the exact minimum of the linearised problem (unit costs). The smallest prefix
 * of that order that really swaps the pair is then found by a bracketing search started at the
 * linear estimate; each candidate is verified by refitting the flipped board to convergence
 * (chord Newton: warm start at the current θ, the fixed H⁻¹ of the unflipped fit). So every
 * returned k comes with its explicit k flips (`riggingWitness`), and k − 1 flips of the same order
 * were verified not to swap. Rows between two other models are candidates too (they move the pair
 * only slightly, so they come last). Returns 0 when `lower` is already above, null when flipping
 * every decisive vote in the order does not swap. Cost per pair: O(pairs·log) for the order plus
 * 2–4 refits of O(pairs + n²) per iteration, after one shared fit and one n×n inverse per board.
 */
export function riggingMargin(table: PairTable, upper: number, lower: number, ridge = boardRidge(table)): number | null {
  return new MarginSolver(table, ridge).witness(upper, lower)?.margin ?? null;
}

/**
 * The ridge rankModels fits `table` with: 0 (the exact MLE) when it exists, else DEGENERATE_RIDGE.
 * Margins are measured on that same fit, so a pair adjacent on the board is never "already swapped".
 * With ridge 0 every model of `table` needs votes (rowRiggingMargins drops the others first).
 */
export function boardRidge(table: PairTable): number {
  const names = Array.from({ length: table.n }, (_, i) => String(i));
  return diagnoseGraph(table, names).needsRidge ? DEGENERATE_RIDGE : 0;
}

/** Margins for each adjacent pair of `order` (model indices, best first); entry k is for order[k] vs order[k+1]. */
export function boardRiggingMargins(table: PairTable, order: readonly number[], ridge = boardRidge(table)): (number | null)[] {
  if (order.length < 2) return [];
  const solver = new MarginSolver(table, ridge);
  const out: (number | null)[] = [];
  for (let k = 0; k + 1 < order.length; k++) out.push(solver.witness(order[k]!, order[k + 1]!)?.margin ?? null);
  return out;
}

/**
 * The margin of each row of a published board (`boardModels`, best first) over the row just below
 * it, from the same counts the board was fitted on: what the server's leaderboard and the preview
 * both show. The last row, and a row whose model or neighbour is not in `counts`, get null.
 */
export function rowRiggingMargins(counts: PairCounts, boardModels: readonly string[]): (number | null)[] {
  const voted = withVotesOnly(counts);
  const index = new Map(voted.models.map((name, i) => [name, i]));
  const out: (number | null)[] = boardModels.map(() => null);
  if (boardModels.length < 2 || voted.models.length < 2) return out;
  const table = toPairTable(voted);
  const solver = new MarginSolver(table, boardRidge(table));
  for (let k = 0; k + 1 < boardModels.length; k++) {
    const upper = index.get(boardModels[k]!);
    const lower = index.get(boardModels[k + 1]!);
    if (upper !== undefined && lower !== undefined) out[k] = solver.witness(upper, lower)?.margin ?? null;
  }
  return out;
}

/** The counts without models that have no votes (rankModels leaves them out of the fit too). */
function withVotesOnly(counts: PairCounts): PairCounts {
  const voted = new Set<number>();
  for (const row of counts.rows) {
    if (row.winsA + row.winsB + row.ties + row.bothBad > 0) voted.add(row.a).add(row.b);
  }
  if (voted.size === counts.models.length) return counts;
  const keep = [...voted].sort((x, y) => x - y);
  const renumber = new Map(keep.map((old, i) => [old, i]));
  return {
    models: keep.map((old) => counts.models[old]!),
    rows: counts.rows
      .filter((row) => renumber.has(row.a) && renumber.has(row.b))
      .map((row) => ({ ...row, a: renumber.get(row.a)!, b: renumber.get(row.b)! })),
  };
}

/** The margin with its proof: flipping `count` of the `aLoses` side's wins on each listed row swaps the pair. */
export function riggingWitness(table: PairTable, upper: number, lower: number, ridge = boardRidge(table)): RiggingWitness | null {
  return new MarginSolver(table, ridge).witness(upper, lower);
}

export interface RiggingWitness {
  margin: number;
  /** `aLoses`: models[a]'s wins on row `row` become losses (else models[b]'s). Σ count = margin. */
  flips: { row: number; aLoses: boolean; count: number }[];
}

/** One row of the flip order: `count` flips available, each moving the gap by `effect` (> 0) to first order. */
interface FlipRow { row: number; aLoses: boolean; count: number; effect: number }

const MAX_CHORD_STEPS = 60;

/**
 * "Swapped" means θ_lower exceeds θ_upper by more than this (≈ 2·10⁻⁷ rating points): an exact tie
 * of a symmetric board must not count as a swap on the strength of a rounding error.
 */
export const SWAP_TOLERANCE = 1e-9;

/** Shared per board: the fit θ̂ of the unflipped counts and H⁻¹ there; one instance answers every pair. */
class MarginSolver {
  private readonly ridge: number;
  private readonly theta: Float64Array;
  private readonly inverse: Float64Array;
  /** Scratch score column: the table's scores with the current candidate's flips applied. */
  private readonly work: PairTable;

  constructor(private readonly table: PairTable, ridge: number) {
    this.ridge = ridge;
    this.theta = fitBradleyTerry(table, { ridge }).theta;
    const h = new Float64Array(table.n * table.n);
    informationInto(table, this.theta, ridge, h);
    // Without a ridge H is singular along 1; pinning the mean leaves every step for a gradient ⟂ 1
    // unchanged (flips move the gradient by ∓(e_a − e_b), and ridge-free gradients sum to 0).
    if (ridge === 0) pinMeanInto(h, table.n);
    if (!choleskyInPlace(h, table.n)) throw new Error('riggingMargin: information is not positive definite');
    this.inverse = choleskyInverse(h, table.n);
    this.work = { ...table, score: Float64Array.from(table.score) };
  }

  witness(upper: number, lower: number): RiggingWitness | null {
    // Gaps below are θ_upper − θ_lower + SWAP_TOLERANCE: the pair is swapped exactly when negative.
    const gap0 = this.theta[upper]! - this.theta[lower]! + SWAP_TOLERANCE;
    if (gap0 < 0) return { margin: 0, flips: [] }; // already in the other order (the caller passed an unordered pair)
    let order = this.flipOrder(upper, lower, false);
    let total = countOf(order);
    let complete = false;
    const gapAfter = (k: number) => this.gapAfterFlips(order, k, upper, lower) + SWAP_TOLERANCE;
    // Invariant: lo flips leave `upper` above (gapLo > 0); hi flips (if known) swap (gapHi ≤ 0).
    let lo = 0;
    let gapLo = gap0;
    let hi = -1;
    let gapHi = 0;
    let k = Math.min(total, linearCount(order, gap0));
    for (let step = 0; ; step++) {
      const gap = gapAfter(k);
      if (gap < 0) [hi, gapHi] = [k, gap];
      else [lo, gapLo] = [k, gap];
      if (hi < 0) {
        if (lo === total) {
          if (complete) return null;
          // The head of the order ran out: continue along the full greedy order (same head).
          [order, complete] = [this.flipOrder(upper, lower, true), true];
          total = countOf(order);
          if (lo === total) return null;
        }
        // Not enough yet: scale the linear estimate by how much of it was realised so far.
        const realised = (gap0 - gapLo) / Math.max(1e-300, linearReduction(order, lo));
        const next = linearCount(order, gap0 / Math.max(realised, 1e-3)) + 1;
        k = Math.min(total, Math.max(lo + 1, next));
        continue;
      }
      if (hi - lo <= 1) return { margin: hi, flips: prefix(order, hi) };
      // Secant inside the bracket (the gap is nearly linear in k); bisection if it stalls.
      const secant = lo + Math.floor(((hi - lo) * gapLo) / (gapLo - gapHi));
      k = step < 4 ? Math.min(hi - 1, Math.max(lo + 1, secant)) : (lo + hi) >> 1;
    }
  }

  /**
   * Rows sorted by first-order effect on the gap, largest first; only the side whose flips lower
   * the gap. Sorting all pairs for every adjacent pair dominated the cost, so by default only the
   * rows touching `upper` or `lower` are sorted, and only those at least as effective as the best
   * other row are kept: that prefix is exactly the head of the full greedy order. `full` sorts all.
   */
  private flipOrder(upper: number, lower: number, full: boolean): FlipRow[] {
    const { table, inverse } = this;
    const n = table.n;
    const rows: FlipRow[] = [];
    let bestOther = 0;
    for (let k = 0; k < table.m; k++) {
      const a = table.a[k]!;
      const b = table.b[k]!;
      // c_a − c_b with c = H⁻¹(e_u − e_l); H⁻¹ is symmetric, so c_i = inv[u][i] − inv[l][i].
      const d = inverse[upper * n + a]! - inverse[lower * n + a]! - (inverse[upper * n + b]! - inverse[lower * n + b]!);
      const aLoses = d > 0; // flipping a's win lowers s_a by 1: the gap moves by −d
      const count = Math.floor(aLoses ? table.winsA[k]! : table.winsB[k]!);
      const effect = Math.abs(d);
      if (count < 1 || effect === 0) continue;
      if (full || a === upper || a === lower || b === upper || b === lower) rows.push({ row: k, aLoses, count, effect });
      else bestOther = Math.max(bestOther, effect);
    }
    rows.sort((x, y) => y.effect - x.effect);
    if (full) return rows;
    let keep = 0;
    while (keep < rows.length && rows[keep]!.effect >= bestOther) keep++;
    return rows.slice(0, keep);
  }

  /** θ_upper − θ_lower of the board refitted after the first k flips of `order`. */
  private gapAfterFlips(order: readonly FlipRow[], k: number, upper: number, lower: number): number {
    const score = this.work.score;
    const flips = prefix(order, k);
    for (const f of flips) score[f.row]! += f.aLoses ? -f.count : f.count;
    try {
      return this.refitGap(flips, upper, lower);
    } finally {
      for (const f of flips) score[f.row] = this.table.score[f.row]!;
    }
  }

  /**
   * Chord Newton from θ̂ with the fixed H⁻¹ (flips change the gradient, not the totals): θ ← θ + H⁻¹∇ℓ.
   * The first step needs no pass over the pairs: at θ̂ the flipped gradient is just the flips'
   * ∓(e_a − e_b), so it is a sum of columns of H⁻¹ (the linear estimate). Chord iteration converges
   * linearly with ratio r; it stops when the remaining error bound r/(1−r)·|last gap step| is below
   * half the gap (the sign, all the search needs, is then certain) or at the fit's gradient
   * tolerance. Falls back to a full Newton fit, warm-started, if the chord stalls.
   */
  private refitGap(flips: RiggingWitness['flips'], upper: number, lower: number): number {
    const n = this.table.n;
    const inverse = this.inverse;
    const theta = Float64Array.from(this.theta);
    for (const f of flips) {
      const towardA = f.aLoses ? -f.count : f.count;
      const rowA = this.table.a[f.row]! * n;
      const rowB = this.table.b[f.row]! * n;
      for (let j = 0; j < n; j++) theta[j]! += towardA * (inverse[rowA + j]! - inverse[rowB + j]!);
    }
    let previous = Math.abs(theta[upper]! - theta[lower]! - (this.theta[upper]! - this.theta[lower]!));
    const grad = new Float64Array(n);
    const delta = new Float64Array(n);
    for (let step = 0; step < MAX_CHORD_STEPS; step++) {
      if (gradientInto(this.work, theta, this.ridge, grad) < GRADIENT_TOLERANCE) return theta[upper]! - theta[lower]!;
      delta.fill(0);
      for (let i = 0; i < n; i++) {
        const gi = grad[i]!;
        const row = i * n;
        for (let j = 0; j < n; j++) delta[j]! += inverse[row + j]! * gi;
      }
      for (let i = 0; i < n; i++) theta[i]! += delta[i]!;
      const moved = Math.abs(delta[upper]! - delta[lower]!);
      const ratio = moved / previous;
      const gap = theta[upper]! - theta[lower]!;
      if (ratio < 0.9 && (ratio / (1 - ratio)) * moved < 0.5 * Math.abs(gap + SWAP_TOLERANCE)) return gap;
      previous = moved;
    }
    const fit = fitBradleyTerry(this.work, { ridge: this.ridge, initial: this.theta });
    return fit.theta[upper]! - fit.theta[lower]!;
  }
}

function countOf(order: readonly FlipRow[]): number {
  return order.reduce((sum, r) => sum + r.count, 0);
}

/** Smallest k whose first-order reduction of the gap exceeds `target` (Σ count if none does). */
function linearCount(order: readonly FlipRow[], target: number): number {
  let k = 0;
  let reduced = 0;
  for (const r of order) {
    if (reduced + r.count * r.effect > target) return k + Math.floor((target - reduced) / r.effect) + 1;
    reduced += r.count * r.effect;
    k += r.count;
  }
  return k;
}

function linearReduction(order: readonly FlipRow[], k: number): number {
  let reduced = 0;
  for (const r of order) {
    const take = Math.min(k, r.count);
    reduced += take * r.effect;
    k -= take;
    if (k === 0) break;
  }
  return reduced;
}

function prefix(order: readonly FlipRow[], k: number): RiggingWitness['flips'] {
  const flips: RiggingWitness['flips'] = [];
  for (const r of order) {
    if (k === 0) break;
    const take = Math.min(k, r.count);
    flips.push({ row: r.row, aLoses: r.aLoses, count: take });
    k -= take;
  }
  return flips;
}
