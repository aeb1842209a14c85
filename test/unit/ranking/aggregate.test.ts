import { describe, expect, it } from 'vitest';
import { aggregateBattles, mergePairCounts, validatePairCounts, type Battle } from '../../../shared/ranking/index';

const votes: Battle[] = [
  { modelA: 'zeta', modelB: 'alpha', outcome: 'a', segment: { language: 'en', country: 'NG' } },
  { modelA: 'alpha', modelB: 'zeta', outcome: 'a', segment: { language: 'en', country: 'IN' } },
  { modelA: 'alpha', modelB: 'zeta', outcome: 'tie', segment: { language: 'fr' } },
  { modelA: 'zeta', modelB: 'alpha', outcome: 'both_bad' },
  { modelA: 'beta', modelB: 'alpha', outcome: 'b', segment: { language: 'en', category: 'coding' } },
];

describe('aggregateBattles', () => {
  it('counts votes per pair and outcome, with models sorted by name and a < b', () => {
    expect(aggregateBattles(votes)).toEqual({
      models: ['alpha', 'beta', 'zeta'],
      rows: [
        { a: 0, b: 1, winsA: 1, winsB: 0, ties: 0, bothBad: 0 },
        { a: 0, b: 2, winsA: 1, winsB: 1, ties: 1, bothBad: 1 },
      ],
    });
  });

  it('keeps only votes matching every field of the segment filter', () => {
    expect(aggregateBattles(votes, { language: 'en' }).rows).toEqual([
      { a: 0, b: 1, winsA: 1, winsB: 0, ties: 0, bothBad: 0 },
      { a: 0, b: 2, winsA: 1, winsB: 1, ties: 0, bothBad: 0 },
    ]);
    expect(aggregateBattles(votes, { language: 'en', country: 'IN' }).rows).toEqual([
      { a: 0, b: 1, winsA: 1, winsB: 0, ties: 0, bothBad: 0 },
    ]);
    expect(aggregateBattles(votes, { category: 'coding' }).models).toEqual(['alpha', 'beta']);
  });

  it('treats a vote without segment data as not matching a filter', () => {
    expect(aggregateBattles([votes[3]!], { language: 'en' })).toEqual({ models: [], rows: [] });
  });

  it('rejects a model compared with itself and an unknown outcome', () => {
    expect(() => aggregateBattles([{ modelA: 'x', modelB: 'x', outcome: 'a' }])).toThrow(/itself/);
    expect(() => aggregateBattles([{ modelA: 'x', modelB: 'y', outcome: 'left' as never }])).toThrow(/unknown outcome/);
  });

  it('produces plain JSON that survives a round trip (the /v1/leaderboard/counts wire format)', () => {
    const counts = aggregateBattles(votes);
    expect(JSON.parse(JSON.stringify(counts))).toEqual(counts);
  });
});

describe('mergePairCounts', () => {
  it('sums counts by model name across parts with different model lists', () => {
    const merged = mergePairCounts(aggregateBattles(votes.slice(0, 2)), aggregateBattles(votes.slice(2)));
    expect(merged).toEqual(aggregateBattles(votes));
  });
});

describe('validatePairCounts', () => {
  it('names the first malformed row', () => {
    expect(() =>
      validatePairCounts({ models: ['a', 'b'], rows: [{ a: 1, b: 0, winsA: 1, winsB: 0, ties: 0, bothBad: 0 }] }),
    ).toThrow(/rows\[0\]/);
    expect(() =>
      validatePairCounts({ models: ['a', 'b'], rows: [{ a: 0, b: 1, winsA: -1, winsB: 0, ties: 0, bothBad: 0 }] }),
    ).toThrow(/winsA/);
    expect(() =>
      validatePairCounts({ models: ['a', 'b'], rows: [{ a: 0, b: 1, winsA: 0.5, winsB: 0, ties: 0, bothBad: 0 }] }),
    ).toThrow(/integer/);
    expect(() => validatePairCounts({ models: ['a', 'a'], rows: [] })).toThrow(/duplicate/);
  });
});
