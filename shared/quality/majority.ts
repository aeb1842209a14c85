import { canonicalLabel, categoryCount, firstVotes, groupBy, nominalCategory, ratio } from './labels';
import type { QualityOptions, RaterVote } from './types';

export interface MajorityAgreement {
  /** Votes on items where the other raters had a strict majority. */
  compared: number;
  agreed: number;
  rate: number | null;
}

/**
 * Leave-one-out agreement: for each of a rater's votes, the label chosen by a strict
 * majority (> half) of the *other* raters on that item; items without one, or with fewer
 * than `minOthers` other raters, are skipped. Excluding the rater keeps the test honest:
 * a rater is never compared with a majority it helped form.
 */
export function majorityAgreement(
  votes: readonly RaterVote[],
  options: QualityOptions = {},
): Map<string, MajorityAgreement> {
  const k = categoryCount(options);
  const minOthers = options.minOthers ?? 2;
  const first = firstVotes(votes);
  const result = new Map<string, MajorityAgreement>();
  for (const item of groupBy(first, (v) => v.itemId).values()) {
    const codes = item.map((v) => nominalCategory(canonicalLabel(v), options));
    const counts = new Array<number>(k).fill(0);
    for (const c of codes) counts[c]!++;
    item.forEach((vote, i) => {
      const entry = result.get(vote.raterId) ?? { compared: 0, agreed: 0, rate: null };
      result.set(vote.raterId, entry);
      const others = item.length - 1;
      if (others < minOthers) return;
      const own = codes[i]!;
      const majority = counts.findIndex((c, label) => (label === own ? c - 1 : c) * 2 > others);
      if (majority < 0) return;
      entry.compared++;
      if (majority === own) entry.agreed++;
    });
  }
  for (const entry of result.values()) entry.rate = ratio(entry.agreed, entry.compared);
  return result;
}
