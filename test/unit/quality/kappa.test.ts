import { describe, expect, it } from 'vitest';
import {
  cohenKappaFromConfusion,
  fleissKappa,
  fleissKappaFromCounts,
  meanKappaByRater,
  pairwiseCohenKappa,
  type RaterVote,
} from '../../../shared/quality/index';

describe("Fleiss' kappa", () => {
  it('reproduces the classic 10 subjects × 14 raters × 5 categories example (κ ≈ 0.210)', () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappaFromCounts(counts)).toBeCloseTo(0.20993070442195522, 12);
  });

  it('refuses items with unequal numbers of raters', () => {
    expect(() =>
      fleissKappaFromCounts([
        [1, 1],
        [2, 1],
      ]),
    ).toThrow(/item 1/);
  });

  it('on votes, uses the items with the most common rater count and reports the rest', () => {
    const votes: RaterVote[] = [
      ...['x', 'y', 'z'].flatMap((item) =>
        ['r1', 'r2', 'r3'].map((raterId) => ({ raterId, itemId: item, choice: 'first' as const })),
      ),
      { raterId: 'r1', itemId: 'w', choice: 'second' },
      { raterId: 'r2', itemId: 'w', choice: 'first' },
      { raterId: 'r4', itemId: 'x', choice: 'first' },
      { raterId: 'r4', itemId: 'y', choice: 'second' },
    ];
    // x and y have 4 raters (the most common count); z (3) and w (2) are left out.
    const result = fleissKappa(votes);
    expect(result).toMatchObject({ items: 2, ratersPerItem: 4, itemsExcluded: 2 });
    // x = (4, 0, 0), y = (3, 1, 0): P̄ = (1 + 0.5)/2, P_e = (7/8)² + (1/8)²
    const chance = (7 / 8) ** 2 + (1 / 8) ** 2;
    expect(result.kappa).toBeCloseTo((0.75 - chance) / (1 - chance), 12);
  });
});

describe("Cohen's kappa", () => {
  it('reproduces the textbook 2×2 example (20, 5 / 10, 15 → κ = 0.4)', () => {
    expect(
      cohenKappaFromConfusion([
        [20, 5],
        [10, 15],
      ]),
    ).toBeCloseTo(0.4, 12);
  });

  it('is null when both raters used a single category', () => {
    expect(
      cohenKappaFromConfusion([
        [5, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });

  it('pairs raters by shared items, in canonical order, above the overlap threshold', () => {
    const items = ['i1', 'i2', 'i3', 'i4', 'i5', 'i6'];
    const answers = ['first', 'second', 'tie', 'first', 'second', 'first'] as const;
    const votes: RaterVote[] = items.flatMap((itemId, k) => [
      { raterId: 'ann', itemId, choice: answers[k]! },
      // bob saw every item with sides swapped and agrees with ann on all but the last
      {
        raterId: 'bob',
        itemId,
        swapped: true,
        choice: k === 5 ? 'tie' : answers[k] === 'first' ? 'second' : answers[k] === 'second' ? 'first' : 'tie',
      },
      { raterId: 'cyd', itemId: 'i1', choice: 'first' },
    ]);
    const pairs = pairwiseCohenKappa(votes, { minOverlap: 5 });
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ raterA: 'ann', raterB: 'bob', items: 6 });
    // confusion a/b/tie: ann (3,2,1), bob (2,2,2); diagonal 2+2+1 = 5 of 6
    const chance = (3 * 2 + 2 * 2 + 1 * 2) / 36;
    expect(pairs[0]!.kappa).toBeCloseTo((5 / 6 - chance) / (1 - chance), 12);
    expect(meanKappaByRater(pairs).get('ann')).toEqual({ partners: 1, meanKappa: pairs[0]!.kappa });
  });
});
