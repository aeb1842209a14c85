import { describe, expect, it } from 'vitest';
import type { RankedModel, WinRateMatrix } from '../../../../shared/ranking';
import { heatmapFacts } from '../../../../renderer/src/features/leaderboard/charts/heatmapFacts';
import { NO_DATA_COLOR, textColorOn, viridis, winRateColor } from '../../../../renderer/src/features/leaderboard/charts/palette';
import { linearScale, mirror, niceTicks, truncate } from '../../../../renderer/src/features/leaderboard/charts/scale';
import { biggestMoves, compareBoards } from '../../../../renderer/src/features/leaderboard/preview/compareBoards';

const ranked = (model: string, rating: number, rank: number) => ({ model, rating, rank }) as RankedModel;

describe('chart arithmetic', () => {
  it('interpolates viridis and the purple–orange scale from their end colours, clamping outside [0, 1]', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(2)).toBe('#fde725');
    expect(winRateColor(0.5)).toBe('#f7f7f7');
    expect(winRateColor(Number.NaN)).toBe('#7f3b08');
    expect(NO_DATA_COLOR).not.toBe(winRateColor(0.5));
  });

  it('picks the readable text colour for a cell', () => {
    expect(textColorOn('#440154')).toBe('#ffffff');
    expect(textColorOn('#fde725')).toBe('#000000');
  });

  it('makes round ticks, maps linearly, mirrors for right to left and shortens long names', () => {
    expect(niceTicks(853, 1188, 5)).toEqual([900, 1000, 1100]);
    expect(niceTicks(0.2, 0.9, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(linearScale([0, 10], [100, 200])(2.5)).toBe(125);
    expect(mirror(300, true)(40)).toBe(260);
    expect(mirror(300, false)(40)).toBe(40);
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
  });

  it('states heatmap facts, calling a pair one-sided only with enough votes behind it', () => {
    const observed: WinRateMatrix = {
      models: ['a', 'b', 'c'],
      rates: [
        [null, 1, 0.3],
        [0, null, null],
        [0.7, null, null],
      ],
      votes: [
        [0, 1, 20],
        [1, 0, 0],
        [20, 0, 0],
      ],
    };
    expect(heatmapFacts(observed)).toEqual({
      pairs: 3,
      met: 2,
      lopsided: { winner: 2, loser: 0, rate: 0.7, votes: 20 },
      busiest: { a: 0, b: 2, votes: 20 },
      medianVotes: 1,
    });
  });

  it('compares two boards model by model, aligned on the models both rank', () => {
    const a = [ranked('x', 1100, 1), ranked('y', 1000, 2), ranked('z', 900, 3)];
    const b = [ranked('y', 1060, 1), ranked('x', 1040, 2), ranked('new', 900, 3)];
    const shifts = compareBoards(a, b);
    // x and y moved by −60 and +60 around an unchanged shared mean.
    expect(shifts.map((s) => [s.model, s.rankGain, s.ratingChange])).toEqual([
      ['x', -1, -60],
      ['y', 1, 60],
      ['z', null, null],
      ['new', null, null],
    ]);
    expect(biggestMoves(shifts, 1).map((s) => s.model)).toEqual(['x']);
  });
});
