import { describe, expect, it } from 'vitest';
import {
  aggregateBattles,
  bootstrapThetas,
  fitBradleyTerry,
  rankModels,
  simulateBattles,
  toPairTable,
} from '../../../shared/ranking/index';

describe('bootstrap confidence intervals', () => {
  const { battles } = simulateBattles({ models: 10, votes: 4000, seed: 5, tieRate: 0.2 });
  const counts = aggregateBattles(battles);

  it('give the same intervals for the same seed and different ones for another seed', () => {
    const one = rankModels(counts, { ci: 'bootstrap', rounds: 200, seed: 7 });
    const again = rankModels(counts, { ci: 'bootstrap', rounds: 200, seed: 7 });
    const other = rankModels(counts, { ci: 'bootstrap', rounds: 200, seed: 8 });
    expect(again).toEqual(one);
    expect(other.models.map((m) => m.lower)).not.toEqual(one.models.map((m) => m.lower));
    expect(one.method).toBe('bootstrap');
  });

  it('do not depend on how rounds are split across workers', () => {
    const table = toPairTable(counts);
    const fit = fitBradleyTerry(table);
    const whole = bootstrapThetas(table, fit, { rounds: 60, seed: 3, degenerateRidge: 1 });
    const first = bootstrapThetas(table, fit, { seed: 3, from: 0, to: 25, degenerateRidge: 1 });
    const second = bootstrapThetas(table, fit, { seed: 3, from: 25, to: 60, degenerateRidge: 1 });
    expect([...first.theta, ...second.theta]).toEqual([...whole.theta]);
  });

  it('refit every resample to the exact MLE (centred strengths)', () => {
    const table = toPairTable(counts);
    const fit = fitBradleyTerry(table);
    const samples = bootstrapThetas(table, fit, { rounds: 5, seed: 1, degenerateRidge: 1 });
    for (let r = 0; r < samples.rounds; r++) {
      const theta = samples.theta.subarray(r * table.n, (r + 1) * table.n);
      expect(Math.abs(theta.reduce((s, t) => s + t, 0))).toBeLessThan(1e-9);
      expect(theta).not.toEqual(fit.theta);
    }
  });

  it('agree with the sandwich intervals on well-supported models to within a few rating points', () => {
    const sandwich = rankModels(counts);
    const bootstrap = rankModels(counts, { ci: 'bootstrap', rounds: 1000, seed: 42 });
    bootstrap.models.forEach((m, i) => {
      const s = sandwich.models[i]!;
      expect(m.rating).toBe(s.rating);
      expect(m.lower).toBeLessThan(m.rating);
      expect(m.upper).toBeGreaterThan(m.rating);
      expect(Math.abs(m.upper - m.lower - (s.upper - s.lower))).toBeLessThan(0.15 * (s.upper - s.lower));
    });
  });

  it('keeps resamples without a finite MLE finite and counts them', () => {
    // "rare" has 2 votes: many resamples leave it undefeated, winless or absent.
    const rare = [
      ...battles,
      { modelA: 'rare', modelB: 'model-000', outcome: 'a' as const },
      { modelA: 'rare', modelB: 'model-001', outcome: 'b' as const },
    ];
    const result = rankModels(aggregateBattles(rare), { ci: 'bootstrap', rounds: 200, seed: 2 });
    const warning = result.warnings.find((w) => w.kind === 'bootstrap_degenerate');
    expect(warning).toBeDefined();
    for (const m of result.models) {
      expect(Number.isFinite(m.lower) && Number.isFinite(m.upper)).toBe(true);
    }
  });
});
