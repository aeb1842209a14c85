import { describe, expect, it } from 'vitest';
import {
  alphaFromVotes,
  alphaWithoutEachRater,
  krippendorffAlpha,
  unitsFromMatrix,
  type RaterVote,
} from '../../../shared/quality/index';

// Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 coders × 12 units
// example with missing values (also evalica's codings.csv): α = .743 nominal, .815 ordinal, .849 interval.
const textbook = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

describe("Krippendorff's alpha", () => {
  const units = unitsFromMatrix(textbook);

  it('reproduces the textbook nominal value 0.743 (0.743421052631579)', () => {
    expect(krippendorffAlpha(units, 'nominal').alpha).toBeCloseTo(0.743421052631579, 12);
  });

  it('reproduces the textbook ordinal value 0.815', () => {
    expect(krippendorffAlpha(units, 'ordinal').alpha).toBeCloseTo(0.815, 3);
  });

  it('reproduces the textbook interval value 0.849', () => {
    expect(krippendorffAlpha(units, 'interval').alpha).toBeCloseTo(0.849, 3);
  });

  it('ignores units with a single value (unit 12) and counts pairable values', () => {
    const result = krippendorffAlpha(units, 'nominal');
    expect(result.units).toBe(11);
    expect(result.values).toBe(40);
  });

  it('is 1 for perfect agreement and null when nobody varies', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [2, 2, 2],
          [3, 3],
        ],
        'nominal',
      ).alpha,
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [1, 1, 1],
        ],
        'nominal',
      ).alpha,
    ).toBeNull();
    expect(krippendorffAlpha([[1]], 'nominal').alpha).toBeNull();
  });
});

describe('alpha on rater votes', () => {
  const choice = ['first', 'second', 'tie'] as const;
  // The textbook matrix restricted to values 1–3, recoded as choices: first=1, second=3, tie=2.
  const votes: RaterVote[] = textbook.flatMap((row, coder) =>
    row.flatMap((value, unit) =>
      value === null || value > 3
        ? []
        : [{ raterId: `r${coder}`, itemId: `u${unit}`, choice: choice[value === 1 ? 0 : value === 3 ? 1 : 2] }],
    ),
  );

  it('equals the generic alpha of the same codes (ordinal: first < tie < second)', () => {
    const codes = textbook.map((row) => row.map((v) => (v === null || v > 3 ? null : v)));
    expect(alphaFromVotes(votes, 'ordinal').alpha).toBeCloseTo(
      krippendorffAlpha(unitsFromMatrix(codes), 'ordinal').alpha!,
      12,
    );
    expect(alphaFromVotes(votes, 'nominal').alpha).toBeCloseTo(
      krippendorffAlpha(unitsFromMatrix(codes), 'nominal').alpha!,
      12,
    );
  });

  it('computes alpha-without-each-rater exactly as recomputing without that rater', () => {
    const without = alphaWithoutEachRater(votes);
    for (const rater of ['r0', 'r1', 'r2', 'r3']) {
      const rest = votes.filter((v) => v.raterId !== rater);
      expect(without.get(rater)!.nominal).toBeCloseTo(alphaFromVotes(rest, 'nominal').alpha!, 12);
      expect(without.get(rater)!.ordinal).toBeCloseTo(alphaFromVotes(rest, 'ordinal').alpha!, 12);
    }
  });

  it('undoes a display swap before comparing raters', () => {
    const swappedCopy = votes.map((v) =>
      v.raterId === 'r1' && v.choice !== 'tie'
        ? { ...v, swapped: true, choice: v.choice === 'first' ? ('second' as const) : ('first' as const) }
        : v,
    );
    expect(alphaFromVotes(swappedCopy, 'nominal').alpha).toBeCloseTo(alphaFromVotes(votes, 'nominal').alpha!, 12);
  });
});
