import { canonicalLabel, type Label, type RaterVote as QualityVote } from '../../../../../shared/quality';
import { byTime, type TeamVote } from './teamVote';

/** Votes shared/quality can use: "can't read" carries no preference. */
export type DecisiveVote = TeamVote & { choice: QualityVote['choice'] };

export function isDecisive(vote: TeamVote): vote is DecisiveVote {
  return vote.choice !== 'cant_read';
}

/**
 * The server's votes name the models in display order, not the item's own
 * order. Agreement compares labels across raters, so every vote of an item
 * must be read in one fixed order: we take the display order of the item's
 * earliest vote. For imported votes (never swapped) that is the server's
 * own order, so the pool's α comes out exactly as the server's.
 */
export function itemOrientation(votes: readonly TeamVote[]): Map<string, readonly [string, string]> {
  const earliest = new Map<string, TeamVote>();
  for (const vote of votes) {
    const current = earliest.get(vote.itemId);
    if (!current || byTime(vote, current) < 0) earliest.set(vote.itemId, vote);
  }
  return new Map([...earliest].map(([itemId, vote]) => [itemId, [vote.shownFirst, vote.shownSecond] as const]));
}

export function toQualityVote(vote: DecisiveVote, models: readonly [string, string]): QualityVote {
  return {
    raterId: vote.raterId,
    itemId: vote.itemId,
    choice: vote.choice,
    swapped: vote.shownFirst !== models[0],
    models,
    ...(vote.activeMs === null ? {} : { activeMs: vote.activeMs }),
    timestamp: vote.votedAt,
  };
}

/** Nominal code as shared/quality counts it by default: a, b, or no preference (tie and both bad). */
export type Code = 'a' | 'b' | 'none';

export function codeOf(label: Label): Code {
  return label === 'a' || label === 'b' ? label : 'none';
}

export function labelOf(vote: QualityVote): Label {
  return canonicalLabel(vote);
}
