import { RATING_PER_THETA } from './constants';
import { sigmoid } from './likelihood';
import type { PairCounts, RankedModel } from './types';

/** A square matrix over `models`; `null` where the pair was never compared. */
export interface WinRateMatrix {
  models: string[];
  /** rates[i][j] = share of i-vs-j votes won by i, ties and both-bad as half (diagonal null). */
  rates: (number | null)[][];
  /** votes[i][j] = number of votes between i and j. */
  votes: number[][];
}

/** Observed win rates per pair, in the order of `counts.models` (or `order` when given). */
export function winRateMatrix(counts: PairCounts, order: readonly string[] = counts.models): WinRateMatrix {
  const position = new Map(order.map((m, i) => [m, i]));
  // Each model index's position in `order` (−1 when not shown), looked up once per model, not per row.
  const positionOf = Int32Array.from(counts.models, (model) => position.get(model) ?? -1);
  const size = order.length;
  const rates: (number | null)[][] = Array.from({ length: size }, () => Array<number | null>(size).fill(null));
  const votes = Array.from({ length: size }, () => Array<number>(size).fill(0));
  for (const row of counts.rows) {
    const i = positionOf[row.a] ?? -1;
    const j = positionOf[row.b] ?? -1;
    if (i < 0 || j < 0) continue;
    const total = row.winsA + row.winsB + row.ties + row.bothBad;
    if (total === 0) continue;
    const scoreA = (row.winsA + 0.5 * (row.ties + row.bothBad)) / total;
    rates[i]![j] = scoreA;
    rates[j]![i] = 1 - scoreA;
    votes[i]![j] = votes[j]![i] = total;
  }
  return { models: [...order], rates, votes };
}

/** Bradley–Terry predicted P(i beats j) = σ((r_i − r_j)·ln10/400) for every ranked pair. */
export function predictedWinRateMatrix(models: readonly Pick<RankedModel, 'model' | 'rating'>[]): {
  models: string[];
  rates: number[][];
} {
  const rates = models.map((mi) => models.map((mj) => sigmoid((mi.rating - mj.rating) / RATING_PER_THETA)));
  return { models: models.map((m) => m.model), rates };
}
