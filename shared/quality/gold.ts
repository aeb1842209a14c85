import { canonicalLabel, firstVotes, nominalCategory, ratio } from './labels';
import type { QualityOptions, RaterVote } from './types';

export interface GoldAccuracy {
  /** Gold items the rater answered (first answer per item). */
  items: number;
  correct: number;
  accuracy: number | null;
}

/** Share of gold items answered as the known answer (canonical order; both-bad per options). */
export function goldAccuracy(votes: readonly RaterVote[], options: QualityOptions = {}): GoldAccuracy {
  const gold = options.gold ?? {};
  let items = 0;
  let correct = 0;
  for (const vote of firstVotes(votes)) {
    const answer = Object.prototype.hasOwnProperty.call(gold, vote.itemId) ? gold[vote.itemId] : undefined;
    if (answer === undefined) continue;
    items++;
    if (nominalCategory(canonicalLabel(vote), options) === nominalCategory(answer, options)) correct++;
  }
  return { items, correct, accuracy: ratio(correct, items) };
}
