import type { VoteIndex } from './voteIndex';

/** What the server's quality row lacks: the rater's total active time. */
export interface RaterExtras {
  votes: number;
  activeMsTotal: number;
  /** Votes that reported an active time (imported votes have none). */
  timedVotes: number;
}

export function raterExtras(index: VoteIndex): Record<string, RaterExtras> {
  const out: Record<string, RaterExtras> = {};
  for (const [raterId, votes] of index.byRater) {
    let activeMsTotal = 0;
    let timedVotes = 0;
    for (const vote of votes) {
      if (vote.activeMs === null) continue;
      activeMsTotal += vote.activeMs;
      timedVotes++;
    }
    out[raterId] = { votes: votes.length, activeMsTotal, timedVotes };
  }
  return out;
}
