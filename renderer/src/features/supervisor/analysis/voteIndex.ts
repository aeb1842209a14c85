import type { RaterVote as QualityVote } from '../../../../../shared/quality';
import { codeOf, isDecisive, itemOrientation, labelOf, toQualityVote, type Code } from './orientation';
import { byTime, type TeamVote } from './teamVote';

export type CodeCounts = Record<Code, number>;

/** One pass over the team's votes, shared by every analysis. */
export interface VoteIndex {
  /** Every vote, oldest first. */
  votes: TeamVote[];
  /** Decisive votes in the item's fixed order, as shared/quality takes them. */
  quality: QualityVote[];
  qualityById: Map<string, QualityVote>;
  models: Map<string, readonly [string, string]>;
  byRater: Map<string, TeamVote[]>;
  /** Each rater's first decisive vote per item, grouped by item. */
  firstByItem: Map<string, QualityVote[]>;
  /** Per item, first votes counted by code. */
  counts: Map<string, CodeCounts>;
  /** Per item, its language and category (the same on every vote of an item). */
  itemFacts: Map<string, { language: string; category: string }>;
  /** The team vote behind each quality vote (shared/quality's type has no id field). */
  source: Map<QualityVote, TeamVote>;
}

export function emptyCounts(): CodeCounts {
  return { a: 0, b: 0, none: 0 };
}

export function buildVoteIndex(input: readonly TeamVote[]): VoteIndex {
  const votes = [...input].sort(byTime);
  const models = itemOrientation(votes);
  const quality: QualityVote[] = [];
  const qualityById = new Map<string, QualityVote>();
  const source = new Map<QualityVote, TeamVote>();
  const byRater = new Map<string, TeamVote[]>();
  const itemFacts = new Map<string, { language: string; category: string }>();
  for (const vote of votes) {
    if (!itemFacts.has(vote.itemId)) itemFacts.set(vote.itemId, { language: vote.language, category: vote.category });
    const own = byRater.get(vote.raterId);
    if (own) own.push(vote);
    else byRater.set(vote.raterId, [vote]);
    if (!isDecisive(vote)) continue;
    const q = toQualityVote(vote, models.get(vote.itemId) as readonly [string, string]);
    quality.push(q);
    qualityById.set(vote.voteId, q);
    source.set(q, vote);
  }
  const firstByItem = new Map<string, QualityVote[]>();
  const counts = new Map<string, CodeCounts>();
  // `quality` is already in time order, so the first vote per (rater, item) is
  // shared/quality's firstVotes without another sort of 200,000 votes.
  for (const vote of quality) {
    const group = firstByItem.get(vote.itemId);
    if (group?.some((other) => other.raterId === vote.raterId)) continue;
    if (group) group.push(vote);
    else firstByItem.set(vote.itemId, [vote]);
    const tally = counts.get(vote.itemId) ?? emptyCounts();
    tally[codeOf(labelOf(vote))]++;
    counts.set(vote.itemId, tally);
  }
  return { votes, quality, qualityById, models, byRater, firstByItem, counts, itemFacts, source };
}

export const CODES: readonly Code[] = ['a', 'b', 'none'];

/** The code a strict majority (> half) of the other raters chose, as shared/quality's leave-one-out agreement. */
export function majorityOfOthers(
  counts: CodeCounts,
  own: Code | null,
): { code: Code | null; agreeing: number; others: number } {
  const others = counts.a + counts.b + counts.none - (own ? 1 : 0);
  for (const code of CODES) {
    const n = counts[code] - (code === own ? 1 : 0);
    if (n * 2 > others) return { code, agreeing: n, others };
  }
  return { code: null, agreeing: 0, others };
}
