import { fleissKappaFromCounts } from '../../../../../shared/quality';
import { addUnit, alphaFromCoincidence } from '../../../../../shared/quality/krippendorff';
import type { VoteIndex, CodeCounts } from './voteIndex';

export interface SliceAgreement {
  key: string;
  votes: number;
  raters: number;
  items: number;
  alphaNominal: number | null;
  alphaOrdinal: number | null;
  fleissKappa: number | null;
}

export interface PoolSlices {
  overall: SliceAgreement;
  language: SliceAgreement[];
  category: SliceAgreement[];
}

/** shared/quality's codings: nominal a, b, no preference; ordinal a < no preference < b. */
const NOMINAL = (c: CodeCounts) => Float64Array.of(c.a, c.b, c.none);
const ORDINAL = (c: CodeCounts) => Float64Array.of(c.a, c.none, c.b);
const CATEGORIES = [0, 1, 2];

/**
 * Fleiss' κ over the items with the most common rater count (ties: the larger
 * count), exactly as shared/quality's fleissKappa chooses them.
 */
function fleissOf(counts: readonly CodeCounts[]): number | null {
  const sizes = new Map<number, number>();
  const total = (c: CodeCounts) => c.a + c.b + c.none;
  for (const c of counts) if (total(c) >= 2) sizes.set(total(c), (sizes.get(total(c)) ?? 0) + 1);
  let m = 0;
  for (const [size, n] of sizes) if (n > (sizes.get(m) ?? 0) || (n === sizes.get(m) && size > m)) m = size;
  if (m < 2) return null;
  return fleissKappaFromCounts(counts.filter((c) => total(c) === m).map((c) => [c.a, c.b, c.none]));
}

interface SliceTally {
  votes: number;
  raters: Set<string>;
  items: string[];
}

/**
 * α and κ from the per-item counts the index already holds: the coincidence
 * matrix is a sum over items, so every slice is one pass over its items
 * instead of re-reading 200,000 votes per slice and level.
 */
function agreementOf(key: string, tally: SliceTally, index: VoteIndex): SliceAgreement {
  const nominal = new Float64Array(9);
  const ordinal = new Float64Array(9);
  const counts = tally.items.map((item) => index.counts.get(item) as CodeCounts);
  for (const c of counts) {
    const m = c.a + c.b + c.none;
    addUnit(nominal, NOMINAL(c), m, 1);
    addUnit(ordinal, ORDINAL(c), m, 1);
  }
  return {
    key,
    votes: tally.votes,
    raters: tally.raters.size,
    items: tally.items.length,
    alphaNominal: alphaFromCoincidence(nominal, CATEGORIES, 'nominal'),
    alphaOrdinal: alphaFromCoincidence(ordinal, CATEGORIES, 'ordinal'),
    fleissKappa: fleissOf(counts),
  };
}

function tallies(index: VoteIndex, keyOf: (itemId: string) => string): Map<string, SliceTally> {
  const out = new Map<string, SliceTally>();
  const seenItems = new Set<string>();
  for (const vote of index.quality) {
    const key = keyOf(vote.itemId);
    let tally = out.get(key);
    if (!tally) out.set(key, (tally = { votes: 0, raters: new Set(), items: [] }));
    tally.votes++;
    tally.raters.add(vote.raterId);
    if (!seenItems.has(vote.itemId)) {
      seenItems.add(vote.itemId);
      tally.items.push(vote.itemId);
    }
  }
  return out;
}

function sliced(index: VoteIndex, field: 'language' | 'category'): SliceAgreement[] {
  const keyOf = (itemId: string) => index.itemFacts.get(itemId)![field];
  return [...tallies(index, keyOf)]
    .map(([key, tally]) => agreementOf(key, tally, index))
    .sort((x, y) => y.votes - x.votes || (x.key < y.key ? -1 : 1));
}

/** Krippendorff's α (nominal, ordinal) and Fleiss' κ of the team's pool, overall and per language and category. */
export function poolSlices(index: VoteIndex): PoolSlices {
  const overall = tallies(index, () => 'all').get('all') ?? { votes: 0, raters: new Set<string>(), items: [] };
  return {
    overall: agreementOf('all', overall, index),
    language: sliced(index, 'language'),
    category: sliced(index, 'category'),
  };
}
