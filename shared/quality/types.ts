/**
 * Inputs and outputs of the rater-quality metrics. Everything is plain data so a
 * supervisor report can be computed in a Worker, on the server, or in a test.
 */

/** What the rater clicked, in display order. */
export type Choice = 'first' | 'second' | 'tie' | 'both_bad';

/**
 * The answer in the item's own order: `a` = the item's canonical first response won.
 * Undoing the display swap makes votes on the same item comparable across raters and showings.
 */
export type Label = 'a' | 'b' | 'tie' | 'both_bad';

/** One vote by one rater. */
export interface RaterVote {
  raterId: string;
  /**
   * The comparison shown: same prompt and the same two responses. Every rater and every
   * re-showing of that comparison uses the same itemId.
   */
  itemId: string;
  choice: Choice;
  /** True when the item's canonical first response was displayed second. Default false. */
  swapped?: boolean;
  /**
   * Which side, in `choice` terms, the rater saw first, when the client recorded its
   * display order. Absent: the side called 'first' was the one shown first.
   */
  shownFirst?: 'first' | 'second';
  /** Model identities of the item's canonical [first, second] responses; needed by the anomaly test. */
  models?: readonly [string, string];
  /** Active (focused, non-idle) time spent on the vote, in milliseconds. */
  activeMs?: number;
  /** When the vote was cast (any monotone clock). Orders repeats and the anomaly test. */
  timestamp?: number;
}

export interface QualityOptions {
  /** Known answer per itemId for planted gold items, in canonical order. */
  gold?: Readonly<Record<string, Label>>;
  /** Votes faster than this are "too fast" (default 3000 ms). */
  tooFastMs?: number;
  /**
   * How agreement metrics treat both-bad: as a tie (default; both are "no preference",
   * which is how the ranking counts them) or as a separate fourth category.
   */
  bothBad?: 'tie' | 'separate';
  /** Cohen's κ is reported for rater pairs sharing at least this many items (default 5). */
  minOverlap?: number;
  /** Leave-one-out agreement needs at least this many other raters on the item (default 2). */
  minOthers?: number;
  /** LMArena anomaly test: votes examined per rater, minimum votes, flag threshold 1/α. */
  anomaly?: { maxVotes?: number; minVotes?: number; threshold?: number };
}
