import type { RaterVote, VoteKind } from '../../../../../shared/protocol/supervisor';
import type { Choice, VoteFlag } from '../../../../../shared/protocol/votes';

/**
 * A stored vote, slimmed down to what the console analyses and shows. The
 * Worker holds every vote of the team (200,000 at the scale we test), so
 * criteria, tags and segments stay on the server and are fetched per rater.
 */
export interface TeamVote {
  voteId: string;
  raterId: string;
  itemId: string;
  kind: VoteKind;
  language: string;
  category: string;
  shownFirst: string;
  shownSecond: string;
  choice: Choice;
  activeMs: number | null;
  /** Epoch milliseconds. */
  votedAt: number;
  rationale: string | null;
  goldCorrect: boolean | null;
  /** What the rater flagged on the task (harmful content, broken task…); usually empty. */
  flags: readonly VoteFlag[];
}

const NO_FLAGS: readonly VoteFlag[] = Object.freeze([]);

export function toTeamVote(vote: RaterVote): TeamVote {
  return {
    voteId: vote.voteId,
    raterId: vote.raterId,
    itemId: vote.itemId,
    kind: vote.kind,
    language: vote.language,
    category: vote.category,
    shownFirst: vote.shownFirst,
    shownSecond: vote.shownSecond,
    choice: vote.choice,
    activeMs: vote.activeMs,
    votedAt: Date.parse(vote.votedAt),
    rationale: vote.rationale,
    goldCorrect: vote.goldCorrect,
    // One shared empty array: 200,000 votes, almost none flagged.
    flags: vote.flags.length ? vote.flags : NO_FLAGS,
  };
}

/** Oldest first; the vote id breaks ties so every run orders the same way. */
export function byTime(x: TeamVote, y: TeamVote): number {
  return x.votedAt - y.votedAt || (x.voteId < y.voteId ? -1 : x.voteId > y.voteId ? 1 : 0);
}
