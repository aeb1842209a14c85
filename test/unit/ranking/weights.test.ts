import { describe, expect, it } from 'vitest';
import {
  aggregateBattles,
  balancedWeights,
  normalQuantile,
  rankModels,
  RATING_PER_THETA,
  simulateBattles,
  toPairTable,
  type PairCounts,
} from '../../../shared/ranking/index';
import { invert, multiply } from '../../support/denseMatrix';

/** A 3-cycle: each model beats the next in 3 of 4 votes, with very different pair sizes. */
const cycle: PairCounts = {
  models: ['a', 'b', 'c'],
  rows: [
    { a: 0, b: 1, winsA: 300, winsB: 100, ties: 0, bothBad: 0 }, // a beats b, 400 votes
    { a: 1, b: 2, winsA: 30, winsB: 10, ties: 0, bothBad: 0 }, // b beats c, 40 votes
    { a: 0, b: 2, winsA: 1, winsB: 3, ties: 0, bothBad: 0 }, // c beats a, 4 votes
  ],
};

describe('balanced weights', () => {
  it('gives every pair the same total weight N/P and keeps Σ w·c = N', () => {
    const table = toPairTable(cycle);
    const w = balancedWeights(table);
    const n = table.votes;
    for (let k = 0; k < table.m; k++) expect(w[k]! * table.total[k]!).toBeCloseTo(n / 3, 10);
    expect([...w].reduce((s, x, k) => s + x * table.total[k]!, 0)).toBeCloseTo(n, 9);
  });

  it('solves the symmetric cycle by hand: balanced gives all models 1000, unweighted does not', () => {
    // Balanced, each pair weighs N/3 and has the same win share ¾: by the cyclic symmetry the
    // likelihood is invariant under a→b→c→a, so its unique maximiser has θ_a = θ_b = θ_c.
    const balanced = rankModels(cycle, { weights: 'balanced' });
    for (const m of balanced.models) expect(m.rating).toBeCloseTo(1000, 9);
    // Unweighted, the 400-vote pair dominates: a is far above b.
    const plain = rankModels(cycle, { weights: 'none' });
    const rating = (name: string): number => plain.models.find((m) => m.model === name)!.rating;
    expect(rating('a') - rating('b')).toBeGreaterThan(100);
    // Tallies stay raw vote counts whatever the weights.
    expect(balanced.votes).toBe(444);
    expect(balanced.models.find((m) => m.model === 'a')!.votes).toBe(404);
  });

  it('matches an independent weighted MM fit and a per-battle weighted sandwich', () => {
    const { battles } = simulateBattles({ models: 6, votes: 1500, seed: 5, tieRate: 0.2 });
    // Skew the design so that weights matter: repeat the battles of one pair four more times.
    const hot = battles.filter(
      (x) => [x.modelA, x.modelB].sort().join() === [battles[0]!.modelA, battles[0]!.modelB].sort().join(),
    );
    const skewed = [...battles, ...hot, ...hot, ...hot, ...hot];
    const counts = aggregateBattles(skewed);
    const result = rankModels(counts, { weights: 'balanced' });
    const reference = independentWeightedFit(counts);
    const z = normalQuantile(0.975);
    for (const m of result.models) {
      const i = counts.models.indexOf(m.model);
      expect(m.rating).toBeCloseTo(reference.rating[i]!, 5);
      expect((m.upper - m.lower) / (2 * z * RATING_PER_THETA)).toBeCloseTo(reference.se[i]!, 6);
    }
    const plain = rankModels(counts);
    const moved = plain.models.some(
      (m) => Math.abs(m.rating - result.models.find((x) => x.model === m.model)!.rating) > 1,
    );
    expect(moved).toBe(true);
  });

  it('bootstraps the raw votes and weights each draw', () => {
    const result = rankModels(cycle, { weights: 'balanced', ci: 'bootstrap', rounds: 200 });
    for (const m of result.models) {
      expect(m.lower).toBeLessThan(m.rating);
      expect(m.upper).toBeGreaterThan(m.rating);
    }
  });

  it('rejects an unknown scheme', () => {
    expect(() => rankModels(cycle, { weights: 'inverse' as never })).toThrow(RangeError);
  });
});

/**
 * Written from the definition, one row per vote: weight w = N/(P·c_pair); θ by Hunter's MM
 * for (weighted) Bradley–Terry with ties as half wins, π_i ← W_i / Σ_j n_ij/(π_i+π_j), where
 * W_i is model i's weighted score and n_ij the weighted votes; then H = Σ w·p(1−p)·eeᵀ + 1e-5·N·I,
 * G = Σ (w·(o−p))²·eeᵀ over votes, cov = H⁻¹GH⁻¹ by Gauss–Jordan.
 */
function independentWeightedFit(counts: PairCounts): { rating: number[]; se: number[] } {
  const n = counts.models.length;
  const votes: { a: number; b: number; o: number; w: number }[] = [];
  const pairTotal = counts.rows.map((r) => r.winsA + r.winsB + r.ties + r.bothBad);
  const total = pairTotal.reduce((s, x) => s + x, 0);
  const pairs = pairTotal.filter((x) => x > 0).length;
  counts.rows.forEach((r, k) => {
    const w = total / (pairs * pairTotal[k]!);
    for (let i = 0; i < r.winsA; i++) votes.push({ a: r.a, b: r.b, o: 1, w });
    for (let i = 0; i < r.winsB; i++) votes.push({ a: r.a, b: r.b, o: 0, w });
    for (let i = 0; i < r.ties + r.bothBad; i++) votes.push({ a: r.a, b: r.b, o: 0.5, w });
  });
  let pi = new Array<number>(n).fill(1);
  for (let iter = 0; iter < 20000; iter++) {
    const score = new Array<number>(n).fill(0);
    const denom = new Array<number>(n).fill(0);
    for (const v of votes) {
      score[v.a]! += v.w * v.o;
      score[v.b]! += v.w * (1 - v.o);
      const d = v.w / (pi[v.a]! + pi[v.b]!);
      denom[v.a]! += d;
      denom[v.b]! += d;
    }
    const next = pi.map((_, i) => score[i]! / denom[i]!);
    const geo = Math.exp(next.reduce((s, x) => s + Math.log(x), 0) / n);
    const scaled = next.map((x) => x / geo);
    const change = Math.max(...scaled.map((x, i) => Math.abs(Math.log(x / pi[i]!))));
    pi = scaled;
    if (change < 1e-13) break;
  }
  const theta = pi.map(Math.log);
  const h = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1e-5 * total : 0)));
  const g = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const v of votes) {
    const p = 1 / (1 + Math.exp(theta[v.b]! - theta[v.a]!));
    const hv = v.w * p * (1 - p);
    const gv = (v.w * (v.o - p)) ** 2;
    for (const [i, si] of [
      [v.a, 1],
      [v.b, -1],
    ] as const) {
      for (const [j, sj] of [
        [v.a, 1],
        [v.b, -1],
      ] as const) {
        h[i]![j]! += si * sj * hv;
        g[i]![j]! += si * sj * gv;
      }
    }
  }
  const inv = invert(h);
  const cov = multiply(multiply(inv, g), inv);
  return { rating: theta.map((t) => 1000 + t * RATING_PER_THETA), se: cov.map((r, i) => Math.sqrt(r[i]!)) };
}

