import { canonicalLabel, chronological, groupBy, nominalCategory, ratio } from './labels';
import type { QualityOptions, RaterVote } from './types';

export interface SelfConsistency {
  /** Re-showings of an item with the sides swapped relative to the rater's first showing. */
  repeats: number;
  /** Repeats whose answer, after undoing the swap, equals the first answer. */
  consistent: number;
  rate: number | null;
}

/**
 * Self-consistency on repeated items shown with sides swapped: each later showing whose
 * `swapped` flag differs from the rater's first showing of the item is compared, in
 * canonical order, with that first answer. Same-side repeats are ignored: they cannot tell
 * a consistent rater from one who always clicks the same side.
 */
export function selfConsistency(votes: readonly RaterVote[], options: QualityOptions = {}): SelfConsistency {
  let repeats = 0;
  let consistent = 0;
  for (const showings of groupBy(chronological(votes), (v) => v.itemId).values()) {
    const [reference, ...later] = showings;
    if (!reference) continue;
    const expected = nominalCategory(canonicalLabel(reference), options);
    for (const vote of later) {
      if (Boolean(vote.swapped) === Boolean(reference.swapped)) continue;
      repeats++;
      if (nominalCategory(canonicalLabel(vote), options) === expected) consistent++;
    }
  }
  return { repeats, consistent, rate: ratio(consistent, repeats) };
}
