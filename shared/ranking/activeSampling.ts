import { fitBradleyTerry } from './bradleyTerry';
import { choleskyInPlace, choleskyInverse } from './linalg';
import { informationInto, sigmoid } from './likelihood';
import type { PairTable } from './pairTable';
import type { Rng } from './random';

/**
 * Active pair selection (docs/RANKING.md, "Active pair selection"): which model pairs a new
 * vote teaches most about the ranking. Pure: the caller supplies the fit and the candidates.
 *
 * The fit is a Gaussian approximation of the posterior of θ: the ridge-penalised BT mode and
 * Σ = (H + λI)⁻¹, H the Fisher information (the bread of the sandwich). One more vote on pair
 * (a, b) with p = σ(θ_a − θ_b) adds I = p(1−p)·eeᵀ (e = e_a − e_b) to the information, so by
 * Sherman–Morrison the posterior variance of model i drops by I·(Σe)_i² / (1 + I·eᵀΣe).
 * The score of a pair is the drop of a weighted sum of posterior variances (a weighted
 * A-optimal design): the variance of every model (mean interval width) plus, with weight, the
 * variance of θ_i − θ_j for the pairs whose order across the top-K cut is still uncertain.
 */
export interface ActiveFit {
  n: number;
  /** Natural-log strengths (penalised mode). */
  theta: Float64Array;
  /** Row-major n×n posterior covariance (H + λI)⁻¹. */
  cov: Float64Array;
}

export interface ActivePolicyOptions {
  /**
   * Share of picks that follow the old least-voted rule whatever the fit says: the floor of
   * uniform exploration (default 0.05; bench:sampling: each 5 points of it cost about 1 point of
   * saving, and 0 matches the true-strength oracle, but a wrong fit must not lock itself in).
   */
  exploration: number;
  /** A model with fewer votes than this gets its least-voted pair before anything else (default 5). */
  minVotesPerModel: number;
  /** The top of the board the boundary term cares about (default 10). */
  topK: number;
  /**
   * Weight of the top-K boundary term: a pair (i in the fitted top K, j not) whose order is a
   * coin flip counts its Var(θ_i − θ_j) this many times beside the sum of model variances
   * (default 1; 0 is plain A-optimal, for width alone).
   */
  boundaryWeight: number;
}

export const DEFAULT_ACTIVE_POLICY: ActivePolicyOptions = {
  exploration: 0.05,
  minVotesPerModel: 5,
  topK: 10,
  boundaryWeight: 1,
};

/** A pair that could be served: model indices of the fit and the votes it already has (votes + live leases). */
export interface PairCandidate {
  a: number;
  b: number;
  votes: number;
}

/** Prior precision λ on θ (natural-log scale): a N(0, 1/λ) prior keeps the fit finite before the MLE exists. */
export const ACTIVE_PRIOR_PRECISION = 0.5;

/** The Gaussian approximation of the posterior that the policy scores pairs with. */
export function activeFit(table: PairTable, warmStart?: Float64Array): ActiveFit {
  return posteriorAt(table, fitBradleyTerry(table, { ridge: ACTIVE_PRIOR_PRECISION, initial: warmStart }).theta);
}

/**
 * The Gaussian approximation at given strengths: Σ = (H(θ) + λI)⁻¹ for the votes in `table`.
 * activeFit takes θ from the fit; bench:sampling's oracle passes the true strengths.
 */
export function posteriorAt(table: PairTable, theta: Float64Array): ActiveFit {
  const n = table.n;
  const h = new Float64Array(n * n);
  informationInto(table, theta, ACTIVE_PRIOR_PRECISION, h);
  if (!choleskyInPlace(h, n)) throw new Error('activeFit: information is not positive definite');
  return { n, theta, cov: choleskyInverse(h, n) };
}

/**
 * What a vote should reduce: Σ_m weights_m·Var(θ_m) + Σ_c contrastWeight_c·Var(θ_i_c − θ_j_c),
 * i.e. tr(WΣ) with W = diag(weights) + Σ_c contrastWeight_c·(e_i − e_j)(e_i − e_j)ᵀ.
 */
export interface PairObjective {
  weights: Float64Array;
  contrastI: Int32Array;
  contrastJ: Int32Array;
  contrastWeight: Float64Array;
}

/** Contrasts whose standardized gap is beyond this are settled: their weight e^(−z²/2) < 0.012. */
const SETTLED_GAP = 3;

/**
 * The policy's objective for a fit: every model's variance with weight 1, plus the boundary
 * term — for each i in the fitted top K and j outside with z = (θ_i − θ_j)/sd(θ_i − θ_j) ≤ 3,
 * Var(θ_i − θ_j) with weight boundaryWeight·e^(−z²/2) = boundaryWeight·φ(z)/φ(0): boundaryWeight
 * for a coin flip, fading as the order gets sure. Top-K recall turns on exactly these orders;
 * a model's own variance also carries its uncertainty against models far from it, which a vote
 * across the cut does not need to reduce.
 */
export function pairObjective(fit: ActiveFit, options: ActivePolicyOptions): PairObjective {
  const { n, theta, cov } = fit;
  const contrastI: number[] = [];
  const contrastJ: number[] = [];
  const contrastWeight: number[] = [];
  if (options.boundaryWeight > 0 && options.topK > 0 && options.topK < n) {
    const order = [...theta.keys()].sort((x, y) => theta[y]! - theta[x]!);
    for (const i of order.slice(0, options.topK))
      for (const j of order.slice(options.topK)) {
        const z = (theta[i]! - theta[j]!) / Math.sqrt(cov[i * n + i]! + cov[j * n + j]! - 2 * cov[i * n + j]!);
        if (z > SETTLED_GAP) continue;
        contrastI.push(i);
        contrastJ.push(j);
        contrastWeight.push(options.boundaryWeight * Math.exp(-0.5 * z * z));
      }
  }
  return {
    weights: new Float64Array(n).fill(1),
    contrastI: Int32Array.from(contrastI),
    contrastJ: Int32Array.from(contrastJ),
    contrastWeight: Float64Array.from(contrastWeight),
  };
}

/**
 * Drop of the objective from one more vote on (a, b), after `pending` votes on the same pair
 * that Σ does not include yet; O(n + contrasts). Σ loses f·uuᵀ/(1 + f·v) (u = Σe), so tr(WΣ)
 * drops by f·uᵀWu/(1 + f·v); after m pending votes u and v shrink by 1 + m·f·v, which gives
 * the denominator (1 + m·f·v)(1 + (m+1)·f·v).
 */
export function pairInformation(fit: ActiveFit, objective: PairObjective, a: number, b: number, pending = 0): number {
  const { n, cov, theta } = fit;
  const { weights, contrastI, contrastJ, contrastWeight } = objective;
  const p = sigmoid(theta[a]! - theta[b]!);
  const fisher = p * (1 - p);
  const rowA = a * n;
  const rowB = b * n;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const u = cov[rowA + i]! - cov[rowB + i]!; // (Σe)_i, Σ symmetric
    weighted += weights[i]! * u * u;
  }
  for (let c = 0; c < contrastI.length; c++) {
    const i = contrastI[c]!;
    const j = contrastJ[c]!;
    const d = cov[rowA + i]! - cov[rowB + i]! - cov[rowA + j]! + cov[rowB + j]!; // u_i − u_j
    weighted += contrastWeight[c]! * d * d;
  }
  const variance = cov[rowA + a]! + cov[rowB + b]! - 2 * cov[rowA + b]!;
  return (fisher * weighted) / ((1 + pending * fisher * variance) * (1 + (pending + 1) * fisher * variance));
}

export function scorePairs(
  fit: ActiveFit,
  candidates: readonly PairCandidate[],
  options: ActivePolicyOptions = DEFAULT_ACTIVE_POLICY,
): Float64Array {
  const objective = pairObjective(fit, options);
  return Float64Array.from(candidates, (c) => pairInformation(fit, objective, c.a, c.b));
}

/**
 * Indices of `count` distinct candidates, in pick order. Each pick is, in priority:
 * 1. starvation guard — a model under minVotesPerModel (counted over the candidates) gets its
 *    least-voted pair; 2. with probability `exploration`, the least-voted candidate (the old
 *    rule, so every pair keeps being visited and a wrong fit cannot lock itself in);
 * 3. otherwise the best-scoring pair (greedy). Without a fit every pick is rule 1 or 2.
 *
 * Greedy one pick at a time, not the top `count` of one scoring: after each pick Σ takes the
 * Sherman–Morrison update of that vote, so a batch does not pile onto the one uncertain model
 * every top pair involves. Re-scoring every pair after every pick would cost O(pairs·n) each,
 * so the search is lazy (Minoux): a pair's stored score is re-computed only when it reaches the
 * top of the heap, and taken if it is still the best. Scores carry a random factor in
 * [1 − jitter, 1] so that raters leasing from the same fit at once do not all get the same pairs.
 * `pending` (optional, per candidate) are votes the fit does not know yet (live leases): a pair
 * with m pending is scored as if they were answered, by the exact one-pair formula
 * f·uᵀWu / ((1 + m·f·v)(1 + (m+1)·f·v)) — no extra cost, where updating Σ for every pending
 * lease would cost O(n²) each; it leaves out what they teach about other pairs.
 */
export function choosePairs(
  fit: ActiveFit | null,
  candidates: readonly PairCandidate[],
  count: number,
  rng: Rng,
  options: ActivePolicyOptions = DEFAULT_ACTIVE_POLICY,
  pending?: ArrayLike<number>,
): number[] {
  const votes = Float64Array.from(candidates, (c) => c.votes);
  const modelVotes = votesPerModel(candidates);
  const taken = new Uint8Array(candidates.length);
  const greedy = fit ? new LazyGreedy(fit, candidates, rng, options, pending) : null;
  const picks: number[] = [];
  while (picks.length < Math.min(count, candidates.length)) {
    let pick = starvedPair(candidates, votes, modelVotes, taken, options.minVotesPerModel);
    if (pick < 0 && (!greedy || rng.next() < options.exploration)) pick = leastVoted(votes, taken);
    if (pick < 0) pick = greedy!.next(taken);
    if (pick < 0) pick = leastVoted(votes, taken);
    taken[pick] = 1;
    greedy?.observe(pick);
    picks.push(pick);
    votes[pick]! += 1;
    const c = candidates[pick]!;
    modelVotes[c.a]! += 1;
    modelVotes[c.b]! += 1;
  }
  return picks;
}

/** Jitter of the greedy scores (see choosePairs). */
const SCORE_JITTER = 0.2;

class LazyGreedy {
  private readonly fit: ActiveFit;
  private readonly objective: PairObjective;
  private readonly jitter: Float64Array;
  private readonly heap: MaxHeap;
  /** Picks made so far; a heap entry scored at the current round is fresh. */
  private round = 0;
  private readonly scoredAt: Int32Array;
  private readonly pending: ArrayLike<number> | undefined;

  constructor(
    fit: ActiveFit,
    private readonly candidates: readonly PairCandidate[],
    rng: Rng,
    options: ActivePolicyOptions,
    pending?: ArrayLike<number>,
  ) {
    // Σ is updated in place, so the caller's fit stays as it was.
    this.fit = { n: fit.n, theta: fit.theta, cov: Float64Array.from(fit.cov) };
    this.objective = pairObjective(fit, options);
    this.pending = pending;
    this.jitter = Float64Array.from(candidates, () => 1 - SCORE_JITTER * rng.next());
    this.scoredAt = new Int32Array(candidates.length).fill(this.round);
    this.heap = new MaxHeap(candidates.length);
    for (let k = 0; k < candidates.length; k++) this.heap.push(k, this.score(k));
  }

  private score(k: number): number {
    const c = this.candidates[k]!;
    return this.jitter[k]! * pairInformation(this.fit, this.objective, c.a, c.b, this.pending?.[k] ?? 0);
  }

  /** The untaken candidate with the best current score, or −1. */
  next(taken: Uint8Array): number {
    while (this.heap.size > 0) {
      const k = this.heap.pop();
      if (taken[k]) continue;
      if (this.scoredAt[k] === this.round) return k;
      this.scoredAt[k] = this.round;
      this.heap.push(k, this.score(k));
    }
    return -1;
  }

  /** One more vote on candidate k: Σ ← Σ − f·uuᵀ/(1 + f·v), u = Σe, f = p(1−p), v = eᵀΣe. */
  observe(k: number): void {
    const { n, cov, theta } = this.fit;
    const c = this.candidates[k]!;
    const p = sigmoid(theta[c.a]! - theta[c.b]!);
    const f = p * (1 - p);
    const u = new Float64Array(n);
    for (let i = 0; i < n; i++) u[i] = cov[c.a * n + i]! - cov[c.b * n + i]!;
    const scale = f / (1 + f * (u[c.a]! - u[c.b]!));
    for (let i = 0; i < n; i++) {
      const ui = scale * u[i]!;
      const row = i * n;
      for (let j = 0; j < n; j++) cov[row + j]! -= ui * u[j]!;
    }
    this.round += 1;
  }
}

/** Binary max-heap of candidate indices keyed by score. */
class MaxHeap {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  push(item: number, key: number): void {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! >= key) break;
      this.items[i] = this.items[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.items[i] = item;
    this.keys[i] = key;
  }

  pop(): number {
    const top = this.items[0]!;
    const lastItem = this.items[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! > this.keys[child]!) child++;
      if (this.keys[child]! <= lastKey) break;
      this.items[i] = this.items[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.items[i] = lastItem;
    this.keys[i] = lastKey;
    return top;
  }
}

/** Votes per model index over the candidates; NaN marks an index no candidate uses. */
function votesPerModel(candidates: readonly PairCandidate[]): Float64Array {
  let size = 0;
  for (const c of candidates) size = Math.max(size, c.a + 1, c.b + 1);
  const out = new Float64Array(size).fill(NaN);
  for (const c of candidates) {
    out[c.a] = (out[c.a] || 0) + c.votes;
    out[c.b] = (out[c.b] || 0) + c.votes;
  }
  return out;
}

/** The least-voted untaken pair of the least-voted model under the floor, or −1. */
function starvedPair(
  candidates: readonly PairCandidate[],
  votes: Float64Array,
  modelVotes: Float64Array,
  taken: Uint8Array,
  floor: number,
): number {
  // O(models) check first: the O(pairs) scan runs only while some model is under the floor.
  let lowest = Infinity;
  for (const v of modelVotes) if (v < lowest) lowest = v;
  if (!(lowest < floor)) return -1;
  let best = -1;
  let bestModel = Infinity;
  for (let k = 0; k < candidates.length; k++) {
    if (taken[k]) continue;
    const c = candidates[k]!;
    const weakest = Math.min(modelVotes[c.a]!, modelVotes[c.b]!);
    if (weakest >= floor) continue;
    if (weakest < bestModel || (weakest === bestModel && votes[k]! < votes[best]!)) {
      best = k;
      bestModel = weakest;
    }
  }
  return best;
}

/** Ties go to the earlier candidate: callers list candidates in a shuffled order. */
function leastVoted(votes: Float64Array, taken: Uint8Array): number {
  let best = -1;
  for (let k = 0; k < votes.length; k++) if (!taken[k] && (best < 0 || votes[k]! < votes[best]!)) best = k;
  return best;
}
