import { describe, expect, it } from 'vitest';
import type { RankedModel } from '../../../../shared/ranking';
import { compareBoards } from '../../../../renderer/src/features/leaderboard/preview/compareBoards';

const m = (model: string, rating: number, half: number, rank = 1): RankedModel => ({
  model,
  rating,
  lower: rating - half,
  upper: rating + half,
  rank,
  votes: 100,
  wins: 0,
  losses: 0,
  ties: 0,
});

describe('comparing two boards', () => {
  it('calls a 116-point drop with separate intervals "lower", even when the rank stays the same', () => {
    const a = [m('x', 1100, 20), m('anchor', 1000, 5)];
    const b = [m('x', 984, 20), m('anchor', 1000, 5)];
    const shift = compareBoards(a, b).find((s) => s.model === 'x');
    expect(shift?.rankGain).toBe(0);
    expect(shift?.verdict).toBe('lower');
  });

  it('calls a move inside overlapping intervals "no clear difference"', () => {
    const shift = compareBoards([m('x', 1010, 40), m('y', 990, 40)], [m('x', 1000, 40), m('y', 1000, 40)]).find((s) => s.model === 'x');
    expect(shift?.verdict).toBe('overlap');
  });

  it('aligns the boards on their shared models first, so a shift of the whole scale is no change', () => {
    const shifts = compareBoards([m('x', 1100, 10), m('y', 900, 10)], [m('x', 1150, 10), m('y', 950, 10)]);
    expect(shifts.map((s) => s.verdict)).toEqual(['overlap', 'overlap']);
  });
});
