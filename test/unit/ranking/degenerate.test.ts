import { describe, expect, it } from 'vitest';
import {
  aggregateBattles,
  DEGENERATE_RIDGE,
  rankModels,
  type Battle,
  type RankingResult,
} from '../../../shared/ranking/index';

function beats(winner: string, loser: string, times = 1): Battle[] {
  return Array.from({ length: times }, () => ({ modelA: winner, modelB: loser, outcome: 'a' as const }));
}

function expectFinite(result: RankingResult): void {
  for (const m of result.models) {
    for (const value of [m.rating, m.lower, m.upper]) expect(Number.isFinite(value)).toBe(true);
    expect(m.lower).toBeLessThanOrEqual(m.rating);
    expect(m.upper).toBeGreaterThanOrEqual(m.rating);
  }
}

const cycle = [...beats('a', 'b', 3), ...beats('b', 'c', 3), ...beats('c', 'a', 2), ...beats('b', 'a')];

describe('data without a finite maximum-likelihood estimate', () => {
  it('reports a disconnected comparison graph and still returns finite ratings', () => {
    const result = rankModels(aggregateBattles([...cycle, ...beats('x', 'y', 2), ...beats('y', 'x')]));
    expect(result.warnings).toContainEqual({
      kind: 'disconnected',
      components: [
        ['a', 'b', 'c'],
        ['x', 'y'],
      ],
    });
    expect(result.warnings).toContainEqual({ kind: 'regularized', ridge: DEGENERATE_RIDGE });
    expectFinite(result);
  });

  it('reports a model that only won and one that only lost, and keeps them finite', () => {
    const result = rankModels(aggregateBattles([...cycle, ...beats('champion', 'a', 4), ...beats('b', 'loser', 5)]), {
      ci: 'bootstrap',
      rounds: 100,
    });
    expect(result.warnings).toContainEqual({ kind: 'undefeated', model: 'champion' });
    expect(result.warnings).toContainEqual({ kind: 'winless', model: 'loser' });
    expectFinite(result);
    expect(result.models[0]!.model).toBe('champion');
    expect(result.models.at(-1)!.model).toBe('loser');
  });

  it('reports a group that beat everyone outside it (separable data)', () => {
    const result = rankModels(
      aggregateBattles([...cycle, ...beats('x', 'y'), ...beats('y', 'x'), ...beats('x', 'a'), ...beats('y', 'b')]),
    );
    const separable = result.warnings.find((w) => w.kind === 'separable');
    expect(separable).toEqual({
      kind: 'separable',
      components: expect.arrayContaining([
        ['x', 'y'],
        ['a', 'b', 'c'],
      ]),
    });
    expectFinite(result);
  });

  it('drops models listed without any votes, with a warning', () => {
    const counts = aggregateBattles(cycle);
    const result = rankModels({ models: [...counts.models, 'idle'], rows: counts.rows });
    expect(result.warnings).toContainEqual({ kind: 'no_votes', models: ['idle'] });
    expect(result.models.map((m) => m.model)).not.toContain('idle');
  });

  it('returns an empty ranking, not NaN, for no votes at all', () => {
    expect(rankModels({ models: [], rows: [] })).toEqual({
      models: [],
      votes: 0,
      method: 'sandwich',
      iterations: 0,
      gradient: 0,
      warnings: [],
    });
  });

  it('ranks a two-model, one-vote board finitely', () => {
    const result = rankModels(aggregateBattles(beats('a', 'b')));
    expect(result.warnings.map((w) => w.kind)).toEqual(['undefeated', 'winless', 'regularized']);
    expectFinite(result);
  });
});
