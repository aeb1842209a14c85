import { describe, expect, it } from 'vitest';
import { fitBradleyTerry } from '../../../shared/ranking/bradleyTerry';
import { toPairTable } from '../../../shared/ranking/pairTable';
import { boardRiggingMargins, riggingMargin } from '../../../shared/ranking/riggingMargin';

/** Three models, only direct games: A–B 12:8, B–C 30:10, A–C 34:6. */
const table = toPairTable({
  models: ['A', 'B', 'C'],
  rows: [
    { a: 0, b: 1, winsA: 12, winsB: 8, ties: 0, bothBad: 0 },
    { a: 1, b: 2, winsA: 30, winsB: 10, ties: 0, bothBad: 0 },
    { a: 0, b: 2, winsA: 34, winsB: 6, ties: 0, bothBad: 0 },
  ],
});

describe('riggingMargin', () => {
  it('returns the smallest prefix of its flip order that swaps the pair', () => {
    const k = riggingMargin(table, 0, 1)!;
    expect(k).toBeGreaterThan(0);
    // Witness: k flips swap, k − 1 do not (checked independently of the binary search).
    const check = (flipped: number) => {
      const direct = Math.min(flipped, 12);
      const t = toPairTable({
        models: ['A', 'B', 'C'],
        rows: [
          { a: 0, b: 1, winsA: 12 - direct, winsB: 8 + direct, ties: 0, bothBad: 0 },
          { a: 1, b: 2, winsA: 30, winsB: 10, ties: 0, bothBad: 0 },
          { a: 0, b: 2, winsA: 34, winsB: 6, ties: 0, bothBad: 0 },
        ],
      });
      const theta = fitBradleyTerry(t, { ridge: 1e-5 * t.votes }).theta;
      return theta[1]! > theta[0]!;
    };
    expect(k).toBeLessThanOrEqual(12); // direct wins come first and are enough here
    expect(check(k)).toBe(true);
    expect(check(k - 1)).toBe(false);
  });

  it('grows with the evidence: a clearer lead needs more flipped votes', () => {
    const close = riggingMargin(table, 0, 1)!;
    const clear = riggingMargin(table, 1, 2)!;
    expect(clear).toBeGreaterThan(close);
  });

  it('is 0 for a pair already in the other order', () => {
    expect(riggingMargin(table, 2, 1)).toBe(0);
  });

  it('gives one margin per adjacent pair of the board', () => {
    expect(boardRiggingMargins(table, [0, 1, 2])).toEqual([riggingMargin(table, 0, 1), riggingMargin(table, 1, 2)]);
  });
});
