import { addUnit, alphaFromCoincidence, type AlphaResult } from './krippendorff';
import { categoryCount, canonicalLabel, firstVotes, groupBy, nominalCategory, ordinalValue } from './labels';
import type { QualityOptions, RaterVote } from './types';

/** Per-level coding of a vote: nominal category index, or ordinal rank 0 < 1 < 2. */
interface Coding {
  k: number;
  code: (vote: RaterVote) => number;
  categories: number[];
}

function codings(options: QualityOptions): { nominal: Coding; ordinal: Coding } {
  const k = categoryCount(options);
  return {
    nominal: {
      k,
      code: (v) => nominalCategory(canonicalLabel(v), options),
      categories: Array.from({ length: k }, (_, i) => i),
    },
    ordinal: { k: 3, code: (v) => ordinalValue(canonicalLabel(v)), categories: [0, 1, 2] },
  };
}

/** Category counts per item (first vote per rater and item). */
function itemCounts(votes: readonly RaterVote[], coding: Coding): Map<string, Float64Array> {
  const items = new Map<string, Float64Array>();
  for (const vote of votes) {
    let counts = items.get(vote.itemId);
    if (!counts) items.set(vote.itemId, (counts = new Float64Array(coding.k)));
    counts[coding.code(vote)]!++;
  }
  return items;
}

function coincidence(items: Map<string, Float64Array>, k: number): { o: Float64Array; units: number } {
  const o = new Float64Array(k * k);
  let units = 0;
  for (const counts of items.values()) {
    const m = counts.reduce((s, c) => s + c, 0);
    if (m >= 2) units++;
    addUnit(o, counts, m, 1);
  }
  return { o, units };
}

/** Krippendorff's α of the pool, treating each rater as a coder and each item as a unit. */
export function alphaFromVotes(
  votes: readonly RaterVote[],
  level: 'nominal' | 'ordinal',
  options: QualityOptions = {},
): AlphaResult {
  const coding = codings(options)[level];
  const { o, units } = coincidence(itemCounts(firstVotes(votes), coding), coding.k);
  return { alpha: alphaFromCoincidence(o, coding.categories, level), units, values: o.reduce((s, x) => s + x, 0) };
}

/**
 * The pool's α with each rater left out ("alpha if rater deleted"): a rater whose removal
 * raises α disagrees with the pool. Computed incrementally — the coincidence matrix is a sum
 * over units, so removing a rater only re-weighs the units that rater coded.
 */
export function alphaWithoutEachRater(
  votes: readonly RaterVote[],
  options: QualityOptions = {},
): Map<string, { nominal: number | null; ordinal: number | null }> {
  const first = firstVotes(votes);
  const result = new Map<string, { nominal: number | null; ordinal: number | null }>();
  const levels = codings(options);
  const perLevel = (['nominal', 'ordinal'] as const).map((level) => {
    const coding = levels[level];
    const items = itemCounts(first, coding);
    return { level, coding, items, full: coincidence(items, coding.k).o };
  });
  for (const [raterId, own] of groupBy(first, (v) => v.raterId)) {
    const row = { nominal: null as number | null, ordinal: null as number | null };
    for (const { level, coding, items, full } of perLevel) {
      const o = Float64Array.from(full);
      for (const vote of own) {
        const counts = items.get(vote.itemId)!;
        const m = counts.reduce((s, c) => s + c, 0);
        addUnit(o, counts, m, -1);
        const without = Float64Array.from(counts);
        without[coding.code(vote)]!--;
        addUnit(o, without, m - 1, 1);
      }
      row[level] = alphaFromCoincidence(o, coding.categories, level);
    }
    result.set(raterId, row);
  }
  return result;
}
