import { binomialTestHalf } from './binomialTest';
import { ratio } from './labels';
import type { RaterVote } from './types';

export interface PositionBias {
  /** Votes for the first or second side (ties and both-bad carry no side). */
  decisive: number;
  first: number;
  /** Share of decisive votes for the side shown first; ½ for an unbiased rater. */
  firstShare: number | null;
  /** Exact two-sided binomial p-value against ½; null with no decisive votes. */
  pValue: number | null;
}

/**
 * Position bias in display order: the side the rater saw first, as recorded with the vote
 * (`shownFirst`), else the side called 'first'. Only meaningful when sides are randomised per showing
 * (LLMFAO, for one, always showed model_x first — its "bias" there is model quality).
 */
export function positionBias(votes: readonly RaterVote[]): PositionBias {
  let first = 0;
  let decisive = 0;
  for (const vote of votes) {
    if (vote.choice === (vote.shownFirst ?? 'first')) first++;
    if (vote.choice === 'first' || vote.choice === 'second') decisive++;
  }
  return {
    decisive,
    first,
    firstShare: ratio(first, decisive),
    pValue: decisive > 0 ? binomialTestHalf(first, decisive) : null,
  };
}
