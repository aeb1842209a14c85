import type { RankedModel } from '../../../../../shared/ranking';

export interface BoardShift {
  model: string;
  a: RankedModel | null;
  b: RankedModel | null;
  /** Places gained from board A to board B (positive = ranked better in B); null when on one board only. */
  rankGain: number | null;
  ratingChange: number | null;
  /**
   * Whether the model really stands higher or lower in B: its two intervals (B's shifted by
   * the boards' offset) do not overlap. A rank that stays put beside a 116-point drop is not
   * "the same", and a 3-point wobble inside overlapping intervals is not a change.
   */
  verdict: 'higher' | 'lower' | 'overlap' | null;
}

function verdictOf(x: RankedModel, y: RankedModel, offset: number): BoardShift['verdict'] {
  if (y.lower - offset > x.upper) return 'higher';
  if (y.upper - offset < x.lower) return 'lower';
  return 'overlap';
}

/**
 * Lines up two boards by model: A's order first, then models only B ranks. Ratings are
 * relative (each board has mean 1000 over its own models), so a model joining one board
 * would shift every rating; rating changes are therefore measured after aligning the two
 * boards on the mean of the models they share.
 */
export function compareBoards(a: readonly RankedModel[], b: readonly RankedModel[]): BoardShift[] {
  const inB = new Map(b.map((model) => [model.model, model]));
  const offset = meanOffset(a, inB);
  const shifts: BoardShift[] = a.map((x) => {
    const y = inB.get(x.model) ?? null;
    return {
      model: x.model,
      a: x,
      b: y,
      rankGain: y ? x.rank - y.rank : null,
      ratingChange: y ? y.rating - x.rating - offset : null,
      verdict: y ? verdictOf(x, y, offset) : null,
    };
  });
  const inA = new Set(a.map((model) => model.model));
  for (const y of b) if (!inA.has(y.model)) shifts.push({ model: y.model, a: null, b: y, rankGain: null, ratingChange: null, verdict: null });
  return shifts;
}

function meanOffset(a: readonly RankedModel[], inB: ReadonlyMap<string, RankedModel>): number {
  let sum = 0;
  let count = 0;
  for (const x of a) {
    const y = inB.get(x.model);
    if (!y) continue;
    sum += y.rating - x.rating;
    count += 1;
  }
  return count ? sum / count : 0;
}

/** The models that move most, by rating, for "how the board moves without my votes". */
export function biggestMoves(shifts: readonly BoardShift[], limit: number): BoardShift[] {
  return shifts
    .filter((shift) => shift.ratingChange !== null && Math.abs(shift.ratingChange) > 1e-9)
    .sort((x, y) => Math.abs(y.ratingChange!) - Math.abs(x.ratingChange!))
    .slice(0, limit);
}
