import { describe, expect, it } from 'vitest';
import {
  aggregateBattles,
  fitBradleyTerry,
  simulateBattles,
  toPairTable,
  type Battle,
} from '../../../shared/ranking/index';
import { ChordSolver } from '../../../shared/ranking/chord';
import { choleskyInPlace, choleskyInverse } from '../../../shared/ranking/linalg';
import { informationInto, pinMeanInto, centerInPlace } from '../../../shared/ranking/likelihood';
import { refreshTotals } from '../../../shared/ranking/pairTable';

/** The inverse of the full-data information at θ̂, as the bootstrap uses it. */
function chordInverse(table: ReturnType<typeof toPairTable>, theta: Float64Array): Float64Array {
  const h = new Float64Array(table.n * table.n);
  informationInto(table, theta, 0, h);
  pinMeanInto(h, table.n);
  expect(choleskyInPlace(h, table.n)).toBe(true);
  return choleskyInverse(h, table.n);
}

describe('chord solver with Anderson mixing (bootstrap refits)', () => {
  const { battles } = simulateBattles({ models: 30, votes: 20_000, seed: 8, tieRate: 0.2 });
  // A barely-voted model: its curvature changes most between resamples, the hard case for a fixed Hessian.
  const rare: Battle[] = [
    { modelA: 'rare', modelB: 'model-000', outcome: 'a' },
    { modelA: 'rare', modelB: 'model-001', outcome: 'b' },
    { modelA: 'rare', modelB: 'model-002', outcome: 'a' },
  ];
  const table = toPairTable(aggregateBattles([...battles, ...rare]));
  const fit = fitBradleyTerry(table);
  const inverse = chordInverse(table, fit.theta);

  it('reaches the exact MLE of perturbed counts from the full-data fit', () => {
    const perturbed = toPairTable(aggregateBattles([...battles, ...rare, ...rare, ...battles.slice(0, 3000)]));
    // Same pairs in the same order: only the counts differ, as in a resample.
    expect([...perturbed.a]).toEqual([...table.a]);
    const theta = Float64Array.from(fit.theta);
    expect(new ChordSolver(table.n, 1e-10, 100).solve(perturbed, inverse, 0, theta)).toBe(true);
    centerInPlace(theta);
    const exact = fitBradleyTerry(perturbed);
    theta.forEach((t, i) => expect(t).toBeCloseTo(exact.theta[i]!, 8));
  });

  it('gives up (for the caller to refit) when there is no finite MLE to converge to', () => {
    const sample = toPairTable(aggregateBattles([...battles, ...rare]));
    // Make the rare model undefeated: its strength runs off to +∞.
    for (let i = 0; i < sample.m; i++) {
      const involvesRare = sample.a[i] === sample.n - 1 || sample.b[i] === sample.n - 1;
      if (!involvesRare) continue;
      const rareIsA = sample.a[i] === sample.n - 1;
      sample.winsA[i] = rareIsA ? 3 : 0;
      sample.winsB[i] = rareIsA ? 0 : 3;
      sample.draws[i] = 0;
    }
    refreshTotals(sample);
    const theta = Float64Array.from(fit.theta);
    expect(new ChordSolver(table.n, 1e-10, 50).solve(sample, inverse, 0, theta)).toBe(false);
    theta.forEach((t) => expect(Number.isFinite(t)).toBe(true));
  });
});
