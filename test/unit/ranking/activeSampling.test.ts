import { describe, expect, it } from 'vitest';
import {
  activeFit,
  choosePairs,
  DEFAULT_ACTIVE_POLICY,
  pairInformation,
  pairObjective,
  scorePairs,
  type PairCandidate,
  type PairObjective,
} from '../../../shared/ranking/activeSampling';
import { normalCdf } from '../../../shared/ranking/normal';
import { toPairTable } from '../../../shared/ranking/pairTable';
import { createRng } from '../../../shared/ranking/random';
import type { PairCountRow } from '../../../shared/ranking/types';

const row = (a: number, b: number, winsA: number, winsB: number): PairCountRow => ({
  a,
  b,
  winsA,
  winsB,
  ties: 0,
  bothBad: 0,
});

/** Every pair of n models, each with `votes` votes split by the true strengths (rounded). */
function roundRobin(strengths: number[], votes: number) {
  const rows: PairCountRow[] = [];
  for (let a = 0; a < strengths.length; a++)
    for (let b = a + 1; b < strengths.length; b++) {
      const p = 1 / (1 + Math.exp(strengths[b]! - strengths[a]!));
      const winsA = Math.round(p * votes);
      rows.push(row(a, b, winsA, votes - winsA));
    }
  return toPairTable({ models: strengths.map((_, i) => `m${i}`), rows });
}

function allPairs(n: number, votes = 0): PairCandidate[] {
  const out: PairCandidate[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out.push({ a, b, votes });
  return out;
}

describe('normalCdf', () => {
  it('matches known values of Φ', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 6);
  });
});

/** Per-model weights plus one contrast: tr(WΣ) = Σ w_i·Var θ_i + c·Var(θ_i − θ_j). */
function objective(weights: number[], contrast: [number, number, number]): PairObjective {
  return {
    weights: Float64Array.from(weights),
    contrastI: Int32Array.of(contrast[0]),
    contrastJ: Int32Array.of(contrast[1]),
    contrastWeight: Float64Array.of(contrast[2]),
  };
}

/** The objective evaluated directly on a covariance matrix. */
function objectiveValue(o: PairObjective, cov: Float64Array, n: number): number {
  let value = 0;
  for (let i = 0; i < n; i++) value += o.weights[i]! * cov[i * n + i]!;
  for (let c = 0; c < o.contrastI.length; c++) {
    const [i, j] = [o.contrastI[c]!, o.contrastJ[c]!];
    value += o.contrastWeight[c]! * (cov[i * n + i]! + cov[j * n + j]! - 2 * cov[i * n + j]!);
  }
  return value;
}

describe('pairInformation', () => {
  it('equals the exact drop of the objective (weighted variances and contrasts) after one vote', () => {
    const fit = activeFit(roundRobin([1, 0.5, 0, -0.5], 6));
    const n = fit.n;
    const weights = objective([1, 2, 3, 4], [0, 2, 5]);
    const [a, b] = [1, 3];
    const p = 1 / (1 + Math.exp(fit.theta[b]! - fit.theta[a]!));
    // Independent check: add p(1−p)·eeᵀ to H = Σ⁻¹ and invert by Gauss–Jordan.
    const h = invert(fit.cov, n);
    const f = p * (1 - p);
    h[a * n + a]! += f;
    h[b * n + b]! += f;
    h[a * n + b]! -= f;
    h[b * n + a]! -= f;
    const after = invert(h, n);
    const drop = objectiveValue(weights, fit.cov, n) - objectiveValue(weights, after, n);
    expect(pairInformation(fit, weights, a, b)).toBeCloseTo(drop, 10);
  });

  it('with m pending votes on the pair, equals the drop from vote m + 1 after those m', () => {
    const fit = activeFit(roundRobin([1, 0.5, 0, -0.5], 6));
    const n = fit.n;
    const weights = objective([1, 1, 2, 1], [1, 3, 3]);
    const [a, b, m] = [0, 2, 7];
    const p = 1 / (1 + Math.exp(fit.theta[b]! - fit.theta[a]!));
    const withVotes = (votes: number) => {
      const h = invert(fit.cov, n);
      const f = votes * p * (1 - p);
      h[a * n + a]! += f;
      h[b * n + b]! += f;
      h[a * n + b]! -= f;
      h[b * n + a]! -= f;
      return invert(h, n);
    };
    const [before, after] = [withVotes(m), withVotes(m + 1)];
    const drop = objectiveValue(weights, before, n) - objectiveValue(weights, after, n);
    expect(pairInformation(fit, weights, a, b, m)).toBeCloseTo(drop, 10);
  });

  it('prefers an evenly matched pair to a lopsided one with the same votes', () => {
    const fit = activeFit(roundRobin([3, 0.1, 0, -3], 10));
    const scores = scorePairs(fit, [
      { a: 1, b: 2, votes: 10 },
      { a: 0, b: 3, votes: 10 },
    ]);
    expect(scores[0]!).toBeGreaterThan(scores[1]!);
  });

  it('prefers a pair with few votes to the same matchup with many', () => {
    const rows = [row(0, 1, 2, 2), row(2, 3, 40, 40), row(0, 2, 20, 20), row(1, 3, 20, 20)];
    const fit = activeFit(toPairTable({ models: ['a', 'b', 'c', 'd'], rows }));
    const [sparse, dense] = scorePairs(fit, [
      { a: 0, b: 1, votes: 4 },
      { a: 2, b: 3, votes: 80 },
    ]);
    expect(sparse!).toBeGreaterThan(dense!);
  });
});

describe('pairObjective', () => {
  const strengths = Array.from({ length: 20 }, (_, i) => 2 - i * 0.2);
  const fit = activeFit(roundRobin(strengths, 8));
  const options = { ...DEFAULT_ACTIVE_POLICY, topK: 5, boundaryWeight: 2 };

  it('weighs every model variance once', () => {
    expect([...pairObjective(fit, options).weights]).toEqual(Array(20).fill(1));
  });

  it('adds only pairs across the top-K cut, the closest (a coin flip) most, none once settled', () => {
    const o = pairObjective(fit, options);
    const weightOf = new Map<string, number>();
    for (let c = 0; c < o.contrastI.length; c++) {
      expect(o.contrastI[c]!).toBeLessThan(5);
      expect(o.contrastJ[c]!).toBeGreaterThanOrEqual(5);
      expect(o.contrastWeight[c]!).toBeLessThanOrEqual(options.boundaryWeight);
      weightOf.set(`${o.contrastI[c]}:${o.contrastJ[c]}`, o.contrastWeight[c]!);
    }
    expect(weightOf.get('4:5')!).toBeGreaterThan(weightOf.get('3:6')!);
    expect(weightOf.has('0:19')).toBe(false); // 3.8 natural-log units apart: settled
  });

  it('is plain A-optimal with boundaryWeight 0', () => {
    expect(pairObjective(fit, { ...options, boundaryWeight: 0 }).contrastI).toHaveLength(0);
  });
});

describe('choosePairs', () => {
  const strengths = Array.from({ length: 12 }, (_, i) => 1.5 - i * 0.25);
  const fit = activeFit(roundRobin(strengths, 4));
  const candidates = allPairs(12, 4);

  it('returns distinct candidates, no more than asked or available', () => {
    const picks = choosePairs(fit, candidates, 30, createRng(1));
    expect(picks).toHaveLength(30);
    expect(new Set(picks).size).toBe(30);
    expect(choosePairs(fit, candidates.slice(0, 3), 10, createRng(1))).toHaveLength(3);
  });

  it('without a fit, or with no exploration budget left to the fit, is the least-voted rule', () => {
    const uneven = candidates.map((c, k) => ({ ...c, votes: k % 7 }));
    const picks = choosePairs(null, uneven, 10, createRng(2));
    for (const k of picks) expect(uneven[k]!.votes).toBe(0);
    const explore = choosePairs(fit, uneven, 10, createRng(2), { ...DEFAULT_ACTIVE_POLICY, exploration: 1 });
    for (const k of explore) expect(uneven[k]!.votes).toBe(0);
  });

  it('draws informative pairs more often than uninformative ones', () => {
    const scores = scorePairs(fit, candidates);
    const rng = createRng(3);
    let chosenScore = 0;
    const rounds = 50;
    for (let r = 0; r < rounds; r++) {
      const picks = choosePairs(fit, candidates, 5, rng, { ...DEFAULT_ACTIVE_POLICY, exploration: 0 });
      for (const k of picks) chosenScore += scores[k]! / (picks.length * rounds);
    }
    const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
    expect(chosenScore).toBeGreaterThan(1.2 * mean);
  });

  it('spreads a batch: the pairs of one lease do not all involve the same model', () => {
    const picks = choosePairs(fit, candidates, 10, createRng(6), { ...DEFAULT_ACTIVE_POLICY, exploration: 0 });
    const perModel = new Map<number, number>();
    for (const k of picks)
      for (const m of [candidates[k]!.a, candidates[k]!.b]) perModel.set(m, (perModel.get(m) ?? 0) + 1);
    expect(Math.max(...perModel.values())).toBeLessThan(10);
  });

  it('counts pending votes (live leases) as if answered: a pair with many pending loses its edge', () => {
    const two = [
      { a: 5, b: 6, votes: 4 },
      { a: 4, b: 7, votes: 4 },
    ];
    const options = { ...DEFAULT_ACTIVE_POLICY, exploration: 0, minVotesPerModel: 0 };
    const fresh = scorePairs(fit, two, options);
    const favourite = fresh[0]! > fresh[1]! ? 0 : 1;
    const pending = favourite === 0 ? [400, 0] : [0, 400];
    for (let seed = 0; seed < 5; seed++)
      expect(choosePairs(fit, two, 1, createRng(seed), options, pending)).toEqual([1 - favourite]);
  });

  it('never starves a model: one under the floor is served before any informative pair', () => {
    const starving = candidates.map((c) => ({ ...c, votes: c.a === 11 || c.b === 11 ? 0 : 10 }));
    const picks = choosePairs(fit, starving, 5, createRng(4), { ...DEFAULT_ACTIVE_POLICY, minVotesPerModel: 5 });
    for (const k of picks) expect([starving[k]!.a, starving[k]!.b]).toContain(11);
  });

  it('keeps the exploration floor: about that share of picks are least-voted pairs', () => {
    expect(DEFAULT_ACTIVE_POLICY.exploration).toBeGreaterThanOrEqual(0.05);
    // Unvoted but lopsided copies (model 0 vs 11) lose every greedy pick to the even, voted pair 5–6.
    const mixed = [
      ...Array.from({ length: 10 }, () => ({ a: 0, b: 11, votes: 0 })),
      ...Array.from({ length: 10 }, () => ({ a: 5, b: 6, votes: 10 })),
    ];
    const rng = createRng(5);
    let explored = 0;
    const rounds = 2000;
    for (let r = 0; r < rounds; r++) {
      const [k] = choosePairs(fit, mixed, 1, rng, { ...DEFAULT_ACTIVE_POLICY, exploration: 0.2, minVotesPerModel: 0 });
      if (mixed[k!]!.votes === 0) explored++;
    }
    expect(explored / rounds).toBeGreaterThan(0.16);
    expect(explored / rounds).toBeLessThan(0.24);
  });
});

/** Gauss–Jordan inverse, independent of the Cholesky code under test. */
function invert(m: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(m);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    const pivot = a[c * n + c]!;
    for (let j = 0; j < n; j++) {
      a[c * n + j]! /= pivot;
      inv[c * n + j]! /= pivot;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r * n + c]!;
      for (let j = 0; j < n; j++) {
        a[r * n + j]! -= f * a[c * n + j]!;
        inv[r * n + j]! -= f * inv[c * n + j]!;
      }
    }
  }
  return inv;
}
