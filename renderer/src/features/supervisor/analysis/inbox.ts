import type { RaterVote as QualityVote } from '../../../../../shared/quality';
import { codeOf, labelOf, type Code } from './orientation';
import type { TeamVote } from './teamVote';
import { CODES, majorityOfOthers, type CodeCounts, type VoteIndex } from './voteIndex';

export type InboxKind = 'against_consensus' | 'split' | 'rater_flag';

export interface InboxVote {
  vote: TeamVote;
  code: Code;
  /** This rater went against a strong consensus of the others. */
  dissent: boolean;
}

export interface InboxCard {
  itemId: string;
  kind: InboxKind;
  language: string;
  category: string;
  models: readonly [string, string];
  counts: CodeCounts;
  /** The strict majority of all first votes, null on a split. */
  consensus: Code | null;
  votes: InboxVote[];
  /** Sort key: larger is more worth a look. */
  strength: number;
  /** A rater flagged the task (harmful content, broken task, a response revealing its model). */
  flagged: boolean;
}

export interface InboxOptions {
  /** A consensus is strong when at least this share of at least `minOthers` other raters agree. */
  strongShare: number;
  minOthers: number;
  /** Items need this many raters to count as split. */
  minSplitRaters: number;
  limit: number;
}

export const DEFAULT_INBOX: InboxOptions = { strongShare: 0.75, minOthers: 3, minSplitRaters: 3, limit: Infinity };

/** What the inbox view asks for: a kind, a search (item id or rater id) and how many cards at most. */
export interface InboxQuery {
  kind: InboxKind | 'all';
  needle: string;
  limit: number;
}

/** The cards matching a query, strongest first, and how many matched in all. */
export function queryInbox(cards: readonly InboxCard[], query: InboxQuery): { cards: InboxCard[]; matching: number } {
  const needle = query.needle.trim().toLocaleLowerCase();
  const matches = cards.filter(
    (card) =>
      (query.kind === 'all' || card.kind === query.kind || (query.kind === 'rater_flag' && card.flagged)) &&
      (!needle ||
        card.itemId.toLocaleLowerCase().includes(needle) ||
        card.votes.some((v) => v.vote.raterId.toLocaleLowerCase().includes(needle))),
  );
  return { cards: matches.slice(0, query.limit), matching: matches.length };
}

function total(counts: CodeCounts): number {
  return counts.a + counts.b + counts.none;
}

function dissentersOf(first: readonly QualityVote[], counts: CodeCounts, options: InboxOptions): Set<QualityVote> {
  const out = new Set<QualityVote>();
  for (const vote of first) {
    const own = codeOf(labelOf(vote));
    const majority = majorityOfOthers(counts, own);
    const strong = majority.others >= options.minOthers && majority.agreeing >= options.strongShare * majority.others;
    if (strong && majority.code !== own) out.add(vote);
  }
  return out;
}

function cardOf(
  index: VoteIndex,
  itemId: string,
  first: readonly QualityVote[],
  options: InboxOptions,
): InboxCard | null {
  const counts = index.counts.get(itemId) as CodeCounts;
  const n = total(counts);
  const dissenters = dissentersOf(first, counts, options);
  const top = Math.max(counts.a, counts.b, counts.none);
  const split = n >= options.minSplitRaters && top * 2 <= n;
  const flagged = first.some((q) => (index.source.get(q) as TeamVote).flags.length > 0);
  if (dissenters.size === 0 && !split && !flagged) return null;
  const votes = first.map((q) => ({
    vote: index.source.get(q) as TeamVote,
    code: codeOf(labelOf(q)),
    dissent: dissenters.has(q),
  }));
  const sample = votes[0]!.vote;
  return {
    itemId,
    kind: dissenters.size > 0 ? 'against_consensus' : split ? 'split' : 'rater_flag',
    language: sample.language,
    category: sample.category,
    models: index.models.get(itemId) as readonly [string, string],
    counts,
    consensus: CODES.find((code) => counts[code] * 2 > n) ?? null,
    votes,
    // A rater's flag (harmful content above all) comes before any disagreement.
    strength: (flagged ? 2 : 0) + (dissenters.size > 0 ? 1 + top / n + n / 1000 : n / 1000),
    flagged,
  };
}

/**
 * Items worth a supervisor's look: a rater against a strong consensus of the
 * others (first), then items where nobody has a strict majority. Capped at
 * `limit` cards; `total` says how many there were.
 */
export function disagreementInbox(
  index: VoteIndex,
  options: InboxOptions = DEFAULT_INBOX,
): { cards: InboxCard[]; total: number } {
  const cards: InboxCard[] = [];
  for (const [itemId, first] of index.firstByItem) {
    const card = cardOf(index, itemId, first, options);
    if (card) cards.push(card);
  }
  cards.sort((x, y) => y.strength - x.strength || (x.itemId < y.itemId ? -1 : 1));
  return { cards: cards.slice(0, options.limit), total: cards.length };
}
