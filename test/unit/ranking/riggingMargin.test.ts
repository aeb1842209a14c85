import { describe, expect, it } from 'vitest';
import { aggregateBattles } from '../../../shared/ranking/aggregate';
import { fitBradleyTerry } from '../../../shared/ranking/bradleyTerry';
import { toPairTable, type PairTable } from '../../../shared/ranking/pairTable';
import {
  boardRidge,
  boardRiggingMargins,
  riggingMargin,
  riggingWitness,
  SWAP_TOLERANCE,
  type RiggingWitness,
} from '../../../shared/ranking/riggingMargin';
import { simulateBattles } from '../../../shared/ranking/simulate';

/** Three models, only direct games: A–B 12:8, B–C 30:10, A–C 34:6. */
const table = toPairTable({
  models: ['A', 'B', 'C'],
  rows: [
    { a: 0, b: 1, winsA: 12, winsB: 8, ties: 0, bothBad: 0 },
    { a: 1, b: 2, winsA: 30, winsB: 10, ties: 0, bothBad: 0 },
    { a: 0, b: 2, winsA: 34, winsB: 6, ties: 0, bothBad: 0 },
  ],
});

/**
 * Independent check of a witness: copy the counts, flip the listed votes, refit with the plain
 * Newton solver (not the margin code's chord refits) with the board's own ridge, and compare.
 */
function lowerWinsAfter(t: PairTable, flips: RiggingWitness['flips'], upper: number, lower: number): boolean {
  const rows = Array.from({ length: t.m }, (_, k) => ({
    a: t.a[k]!, b: t.b[k]!, winsA: t.winsA[k]!, winsB: t.winsB[k]!, ties: t.draws[k]!, bothBad: 0,
  }));
  for (const f of flips) {
    const row = rows[f.row]!;
    const available = f.aLoses ? row.winsA : row.winsB;
    expect(f.count).toBeLessThanOrEqual(available); // only votes that exist are flipped
    if (f.aLoses) [row.winsA, row.winsB] = [row.winsA - f.count, row.winsB + f.count];
    else [row.winsA, row.winsB] = [row.winsA + f.count, row.winsB - f.count];
  }
  const flipped = toPairTable({ models: Array.from({ length: t.n }, (_, i) => `m${i}`), rows });
  const theta = fitBradleyTerry(flipped, { ridge: boardRidge(t) }).theta;
  return theta[lower]! - theta[upper]! > SWAP_TOLERANCE;
}

/** The same flips minus one vote (taken from the last row). */
function oneFewer(flips: RiggingWitness['flips']): RiggingWitness['flips'] {
  const out = flips.map((f) => ({ ...f }));
  const last = out[out.length - 1]!;
  if (last.count === 1) out.pop();
  else last.count -= 1;
  return out;
}

describe('riggingMargin', () => {
  it('returns a witness: its k flips swap the pair, k − 1 of them do not (refitted independently)', () => {
    const w = riggingWitness(table, 0, 1)!;
    expect(w.margin).toBeGreaterThan(0);
    expect(w.flips.reduce((s, f) => s + f.count, 0)).toBe(w.margin);
    expect(lowerWinsAfter(table, w.flips, 0, 1)).toBe(true);
    expect(lowerWinsAfter(table, oneFewer(w.flips), 0, 1)).toBe(false);
    // The direct games move both strengths, so they come first; at 4 flips the board is exactly tied.
    expect(w.flips).toEqual([{ row: 0, aLoses: true, count: 5 }]);
  });

  it('holds the witness property on every adjacent pair of a simulated 12-model board', () => {
    const sim = simulateBattles({ models: 12, votes: 6000, seed: 7, tieRate: 0.2 });
    const board = toPairTable(aggregateBattles(sim.battles));
    const theta = fitBradleyTerry(board, { ridge: boardRidge(board) }).theta;
    const order = [...theta.keys()].sort((x, y) => theta[y]! - theta[x]!);
    const margins = boardRiggingMargins(board, order);
    expect(margins).toHaveLength(11);
    for (let k = 0; k + 1 < order.length; k++) {
      const [upper, lower] = [order[k]!, order[k + 1]!];
      const w = riggingWitness(board, upper, lower)!;
      expect(margins[k]).toBe(w.margin);
      expect(w.margin).toBeGreaterThan(0);
      expect(lowerWinsAfter(board, w.flips, upper, lower)).toBe(true);
      expect(lowerWinsAfter(board, oneFewer(w.flips), upper, lower)).toBe(false);
    }
  });

  it('grows with the evidence: a clearer lead needs more flipped votes', () => {
    const close = riggingMargin(table, 0, 1)!;
    const clear = riggingMargin(table, 1, 2)!;
    expect(clear).toBeGreaterThan(close);
  });

  it('is 0 for a pair already in the other order', () => {
    expect(riggingMargin(table, 2, 1)).toBe(0);
  });

  it('is null when flipping every decisive vote cannot swap the pair', () => {
    // Only draws: the models are tied (not yet swapped) and there is no decisive vote to flip.
    const drawn = toPairTable({
      models: ['A', 'B', 'C'],
      rows: [
        { a: 0, b: 1, winsA: 0, winsB: 0, ties: 5, bothBad: 0 },
        { a: 0, b: 2, winsA: 0, winsB: 0, ties: 5, bothBad: 0 },
        { a: 1, b: 2, winsA: 0, winsB: 0, ties: 4, bothBad: 0 },
      ],
    });
    expect(riggingMargin(drawn, 0, 1)).toBeNull();
  });

  it('measures on the fit the board is ranked with: the exact MLE, or the degenerate ridge when it does not exist', () => {
    expect(boardRidge(table)).toBe(0);
    const undefeated = toPairTable({
      models: ['A', 'B', 'C'],
      rows: [
        { a: 0, b: 1, winsA: 9, winsB: 0, ties: 0, bothBad: 0 },
        { a: 1, b: 2, winsA: 6, winsB: 4, ties: 0, bothBad: 0 },
      ],
    });
    expect(boardRidge(undefeated)).toBeGreaterThan(0);
    const w = riggingWitness(undefeated, 0, 1)!;
    expect(lowerWinsAfter(undefeated, w.flips, 0, 1)).toBe(true);
    expect(lowerWinsAfter(undefeated, oneFewer(w.flips), 0, 1)).toBe(false);
  });

  it('gives one margin per adjacent pair of the board', () => {
    expect(boardRiggingMargins(table, [0, 1, 2])).toEqual([riggingMargin(table, 0, 1), riggingMargin(table, 1, 2)]);
  });
});
