import { describe, expect, it } from 'vitest';
import {
  aggregateBattles,
  fitBradleyTerry,
  normalQuantile,
  rankModels,
  RATING_PER_THETA,
  sandwichStandardErrors,
  simulateBattles,
  toPairTable,
  type PairCounts,
} from '../../../shared/ranking/index';
import { invert, multiply } from '../../support/denseMatrix';

/**
 * Independent, deliberately naive transcription of arena-rank's compute_hessian_and_covariance:
 * one row per unique (pair, outcome) cell, dense H and G, Gauss–Jordan inverse, H⁻¹GH⁻¹.
 */
function naiveSandwichVariances(counts: PairCounts, theta: Float64Array): number[] {
  const n = counts.models.length;
  const h = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const g = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let total = 0;
  for (const row of counts.rows) {
    const cells: [number, number][] = [
      [1, row.winsA],
      [0, row.winsB],
      [0.5, row.ties + row.bothBad],
    ];
    for (const [outcome, c] of cells) {
      if (c === 0) continue;
      total += c;
      const p = 1 / (1 + Math.exp(-(theta[row.a]! - theta[row.b]!)));
      const hv = p * (1 - p) * c;
      const gv = (c * (outcome - p)) ** 2 / c;
      for (const [i, si] of [
        [row.a, 1],
        [row.b, -1],
      ] as const) {
        for (const [j, sj] of [
          [row.a, 1],
          [row.b, -1],
        ] as const) {
          h[i]![j]! += si * sj * hv;
          g[i]![j]! += si * sj * gv;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) h[i]![i]! += 1e-5 * total;
  const inv = invert(h);
  const left = multiply(inv, g);
  const cov = multiply(left, inv);
  return cov.map((r, i) => r[i]!);
}

describe('sandwich confidence intervals', () => {
  const { battles } = simulateBattles({ models: 12, votes: 3000, seed: 11, tieRate: 0.3 });
  const counts = aggregateBattles(battles);
  const table = toPairTable(counts);
  const fit = fitBradleyTerry(table);

  it('equal arena-rank’s H⁻¹GH⁻¹ with ridge 1e-5·N, computed naively cell by cell', () => {
    const se = sandwichStandardErrors(table, fit.theta);
    const naive = naiveSandwichVariances(counts, fit.theta);
    se.forEach((s, i) => expect(s).toBeCloseTo(Math.sqrt(naive[i]!), 10));
  });

  it('are θ ± Φ⁻¹(0.975)·se on the rating scale, symmetric around the rating', () => {
    const se = sandwichStandardErrors(table, fit.theta);
    const result = rankModels(counts);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    for (const m of result.models) {
      const i = counts.models.indexOf(m.model);
      expect(m.upper - m.rating).toBeCloseTo(normalQuantile(0.975) * se[i]! * RATING_PER_THETA, 8);
      expect(m.rating - m.lower).toBeCloseTo(m.upper - m.rating, 8);
    }
  });

  it('are deterministic', () => {
    expect(rankModels(counts)).toEqual(rankModels(counts));
  });
});
