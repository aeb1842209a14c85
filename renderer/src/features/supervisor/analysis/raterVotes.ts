import { codeOf, labelOf, type Code } from './orientation';
import type { TeamVote } from './teamVote';
import { majorityOfOthers, type CodeCounts, type VoteIndex } from './voteIndex';

/** A rater's vote as the detail view lists it: the vote, the item's models, and what the others said. */
export interface JudgedVote {
  vote: TeamVote;
  /** The item's fixed order, which `code` and `consensus` refer to. */
  models: readonly [string, string];
  code: Code | null;
  /** The strict majority of the other raters' first votes, if there is one. */
  consensus: Code | null;
  agreeing: number;
  others: number;
  /** False for repeats: only the first vote on an item is compared. */
  first: boolean;
}

export function judgeVote(index: VoteIndex, vote: TeamVote, firstSeen: Set<string>): JudgedVote {
  const models = index.models.get(vote.itemId) as readonly [string, string];
  const quality = index.qualityById.get(vote.voteId);
  const code = quality ? codeOf(labelOf(quality)) : null;
  const first = quality !== undefined && !firstSeen.has(vote.itemId);
  if (!first) return { vote, models, code, consensus: null, agreeing: 0, others: 0, first };
  firstSeen.add(vote.itemId);
  const counts = index.counts.get(vote.itemId) as CodeCounts;
  const majority = majorityOfOthers(counts, code);
  return {
    vote,
    models,
    code,
    consensus: majority.others >= 2 ? majority.code : null,
    agreeing: majority.agreeing,
    others: majority.others,
    first,
  };
}

/** Every vote of one rater, oldest first, each with the consensus of the others on its item. */
export function judgedVotesOf(index: VoteIndex, raterId: string): JudgedVote[] {
  const firstSeen = new Set<string>();
  return (index.byRater.get(raterId) ?? []).map((vote) => judgeVote(index, vote, firstSeen));
}
