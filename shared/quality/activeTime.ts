import { ratio } from './labels';
import type { QualityOptions, RaterVote } from './types';

export interface ActiveTime {
  /** Votes that reported an active time. */
  count: number;
  mean: number | null;
  p10: number | null;
  median: number | null;
  p90: number | null;
  /** Votes faster than `tooFastMs`. */
  tooFast: number;
  tooFastShare: number | null;
}

export const DEFAULT_TOO_FAST_MS = 3000;

/** Distribution of active time (linear-interpolated quantiles) and the too-fast share. */
export function activeTime(votes: readonly RaterVote[], options: QualityOptions = {}): ActiveTime {
  const threshold = options.tooFastMs ?? DEFAULT_TOO_FAST_MS;
  const times = votes
    .map((v) => v.activeMs)
    .filter((t): t is number => typeof t === 'number' && Number.isFinite(t) && t >= 0)
    .sort((x, y) => x - y);
  const tooFast = times.filter((t) => t < threshold).length;
  const q = (p: number): number | null => (times.length ? quantile(times, p) : null);
  return {
    count: times.length,
    mean: times.length ? times.reduce((s, t) => s + t, 0) / times.length : null,
    p10: q(0.1),
    median: q(0.5),
    p90: q(0.9),
    tooFast,
    tooFastShare: ratio(tooFast, times.length),
  };
}

function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
