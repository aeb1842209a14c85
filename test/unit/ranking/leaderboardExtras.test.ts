import { describe, expect, it } from 'vitest';
import {
  aggregateBattles,
  displayedRanks,
  onlineElo,
  predictedWinRateMatrix,
  rankModels,
  winRateMatrix,
  type Battle,
} from '../../../shared/ranking/index';

describe('displayed rank', () => {
  it('is 1 + the number of models whose lower bound is above this model’s upper bound', () => {
    // intervals: A [10, 20], B [5, 15], C [0, 4], D [-10, 4]
    const ranks = displayedRanks([10, 5, 0, -10], [20, 15, 4, 4]);
    expect([...ranks]).toEqual([1, 1, 3, 3]);
  });

  it('does not count a lower bound equal to the upper bound (strictly greater)', () => {
    expect([...displayedRanks([4, 0], [8, 4])]).toEqual([1, 1]);
  });
});

describe('online Elo', () => {
  it('applies FastChat’s update with K = 4 from 1000', () => {
    const [winner, loser] = onlineElo([{ modelA: 'a', modelB: 'b', outcome: 'a' }]);
    expect(winner).toEqual({ model: 'a', rating: 1002, votes: 1 });
    expect(loser).toEqual({ model: 'b', rating: 998, votes: 1 });
  });

  it('counts a tie as half a win and processes votes in timestamp order', () => {
    const votes: Battle[] = [
      { modelA: 'a', modelB: 'b', outcome: 'tie', timestamp: 2 },
      { modelA: 'a', modelB: 'b', outcome: 'a', timestamp: 1 },
    ];
    const ratings = Object.fromEntries(onlineElo(votes).map((r) => [r.model, r.rating]));
    const afterWin = 1002;
    const expectedA = 1 / (1 + 10 ** ((998 - afterWin) / 400));
    expect(ratings.a).toBeCloseTo(afterWin + 4 * (0.5 - expectedA), 12);
    expect(ratings.a! + ratings.b!).toBeCloseTo(2000, 12);
  });
});

describe('win-rate matrices', () => {
  const votes: Battle[] = [
    { modelA: 'a', modelB: 'b', outcome: 'a' },
    { modelA: 'b', modelB: 'a', outcome: 'tie' },
    { modelA: 'b', modelB: 'c', outcome: 'a' },
    { modelA: 'c', modelB: 'b', outcome: 'a' },
  ];

  it('gives the observed share of points won per pair, null where a pair never met', () => {
    const m = winRateMatrix(aggregateBattles(votes));
    expect(m.models).toEqual(['a', 'b', 'c']);
    expect(m.rates).toEqual([
      [null, 0.75, null],
      [0.25, null, 0.5],
      [null, 0.5, null],
    ]);
    expect(m.votes[0]).toEqual([0, 2, 0]);
  });

  it('predicts P(i beats j) from the ratings, complementary across the diagonal', () => {
    const result = rankModels(aggregateBattles([...votes, { modelA: 'c', modelB: 'a', outcome: 'a' }]));
    const predicted = predictedWinRateMatrix(result.models);
    predicted.rates.forEach((row, i) =>
      row.forEach((p, j) => {
        expect(p + predicted.rates[j]![i]!).toBeCloseTo(1, 12);
        if (i === j) expect(p).toBe(0.5);
      }),
    );
  });
});
