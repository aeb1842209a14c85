import { judgedVotesOf, type JudgedVote } from './raterVotes';
import type { VoteIndex } from './voteIndex';

/** One window of a rater's votes, in time order. */
export interface TrendPoint {
  from: number;
  to: number;
  votes: number;
  /** Agreement with the others' strict majority, over the window's compared votes. */
  agreement: number | null;
  compared: number;
  medianActiveMs: number | null;
  /** Share of decisive votes for the side shown first. */
  firstShare: number | null;
  decisive: number;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const h = (sorted.length - 1) / 2;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.ceil(h)]! - sorted[lo]!);
}

function pointOf(window: readonly JudgedVote[]): TrendPoint {
  const compared = window.filter((j) => j.consensus !== null);
  const decisive = window.filter((j) => j.vote.choice === 'first' || j.vote.choice === 'second');
  const times = window.map((j) => j.vote.activeMs).filter((ms): ms is number => ms !== null);
  return {
    from: window[0]!.vote.votedAt,
    to: window[window.length - 1]!.vote.votedAt,
    votes: window.length,
    agreement: compared.length ? compared.filter((j) => j.consensus === j.code).length / compared.length : null,
    compared: compared.length,
    medianActiveMs: median(times),
    firstShare: decisive.length ? decisive.filter((j) => j.vote.choice === 'first').length / decisive.length : null,
    decisive: decisive.length,
  };
}

/**
 * A rater's agreement, speed and position bias over time: their votes in
 * order, cut into at most `windows` runs of at least `minPerWindow` votes.
 */
export function raterTrends(index: VoteIndex, raterId: string, windows = 12, minPerWindow = 10): TrendPoint[] {
  const votes = judgedVotesOf(index, raterId);
  if (votes.length === 0) return [];
  const count = Math.max(1, Math.min(windows, Math.floor(votes.length / minPerWindow)));
  const points: TrendPoint[] = [];
  for (let w = 0; w < count; w++) {
    const start = Math.floor((w * votes.length) / count);
    const end = Math.floor(((w + 1) * votes.length) / count);
    points.push(pointOf(votes.slice(start, end)));
  }
  return points;
}
