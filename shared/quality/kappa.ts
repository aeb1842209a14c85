import { canonicalLabel, categoryCount, firstVotes, groupBy, nominalCategory } from './labels';
import type { QualityOptions, RaterVote } from './types';

/**
 * Fleiss' κ (Fleiss 1971) for items × categories counts with the same number of raters m
 * per item: P_i = (Σ_j n_ij² − m)/(m(m−1)), p_j = Σ_i n_ij/(N·m), κ = (P̄ − P_e)/(1 − P_e).
 * null when P_e = 1 (everyone used one category: agreement is not measurable).
 */
export function fleissKappaFromCounts(counts: readonly (readonly number[])[]): number | null {
  if (counts.length === 0) return null;
  const m = counts[0]!.reduce((s, x) => s + x, 0);
  if (m < 2) throw new RangeError("Fleiss' kappa needs at least two ratings per item");
  const k = counts[0]!.length;
  const p = new Float64Array(k);
  let meanAgreement = 0;
  counts.forEach((row, i) => {
    const total = row.reduce((s, x) => s + x, 0);
    if (total !== m) throw new RangeError(`Fleiss' kappa: item ${i} has ${total} ratings, expected ${m}`);
    let squares = 0;
    row.forEach((x, j) => {
      squares += x * x;
      p[j]! += x;
    });
    meanAgreement += (squares - m) / (m * (m - 1));
  });
  meanAgreement /= counts.length;
  let chance = 0;
  for (let j = 0; j < k; j++) chance += (p[j]! / (counts.length * m)) ** 2;
  return chance >= 1 - 1e-15 ? null : (meanAgreement - chance) / (1 - chance);
}

export interface FleissResult {
  kappa: number | null;
  /** Raters per item used (the most common count, ≥ 2). */
  ratersPerItem: number;
  items: number;
  /** Items left out because they had a different number of raters. */
  itemsExcluded: number;
}

/**
 * Fleiss' κ of a vote pool. Fleiss needs equal raters per item, so it uses the items with
 * the most common rater count (ties → the larger count) and reports how many it left out.
 */
export function fleissKappa(votes: readonly RaterVote[], options: QualityOptions = {}): FleissResult {
  const k = categoryCount(options);
  const items = [...groupBy(firstVotes(votes), (v) => v.itemId).values()];
  const sizes = new Map<number, number>();
  for (const item of items) if (item.length >= 2) sizes.set(item.length, (sizes.get(item.length) ?? 0) + 1);
  let m = 0;
  for (const [size, count] of sizes) if (count > (sizes.get(m) ?? 0) || (count === sizes.get(m) && size > m)) m = size;
  const used = items.filter((item) => item.length === m && m >= 2);
  const counts = used.map((item) => {
    const row = new Array<number>(k).fill(0);
    for (const v of item) row[nominalCategory(canonicalLabel(v), options)]!++;
    return row;
  });
  return {
    kappa: fleissKappaFromCounts(counts),
    ratersPerItem: m,
    items: used.length,
    itemsExcluded: items.length - used.length,
  };
}

/** Cohen's κ from a k×k confusion matrix (row = rater 1, column = rater 2); null when p_e = 1. */
export function cohenKappaFromConfusion(confusion: readonly (readonly number[])[]): number | null {
  const k = confusion.length;
  let total = 0;
  let agree = 0;
  const rows = new Float64Array(k);
  const cols = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const x = confusion[i]![j]!;
      total += x;
      rows[i]! += x;
      cols[j]! += x;
      if (i === j) agree += x;
    }
  }
  if (total === 0) return null;
  let chance = 0;
  for (let i = 0; i < k; i++) chance += (rows[i]! / total) * (cols[i]! / total);
  return chance >= 1 - 1e-15 ? null : (agree / total - chance) / (1 - chance);
}

export interface CohenPair {
  raterA: string;
  raterB: string;
  items: number;
  kappa: number | null;
}

/** Cohen's κ for every pair of raters sharing at least `minOverlap` items (first votes). */
export function pairwiseCohenKappa(votes: readonly RaterVote[], options: QualityOptions = {}): CohenPair[] {
  const k = categoryCount(options);
  const minOverlap = options.minOverlap ?? 5;
  const confusions = new Map<string, { raterA: string; raterB: string; matrix: number[][]; items: number }>();
  for (const item of groupBy(firstVotes(votes), (v) => v.itemId).values()) {
    const sorted = [...item].sort((x, y) => (x.raterId < y.raterId ? -1 : x.raterId > y.raterId ? 1 : 0));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const [x, y] = [sorted[i]!, sorted[j]!];
        const key = `${x.raterId}\u0000${y.raterId}`;
        let entry = confusions.get(key);
        if (!entry) {
          const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
          confusions.set(key, (entry = { raterA: x.raterId, raterB: y.raterId, matrix, items: 0 }));
        }
        entry.matrix[nominalCategory(canonicalLabel(x), options)]![nominalCategory(canonicalLabel(y), options)]!++;
        entry.items++;
      }
    }
  }
  return [...confusions.values()]
    .filter((e) => e.items >= minOverlap)
    .map((e) => ({ raterA: e.raterA, raterB: e.raterB, items: e.items, kappa: cohenKappaFromConfusion(e.matrix) }));
}

/** Overlap-weighted mean of a rater's pairwise κ (pairs with undefined κ are skipped). */
export function meanKappaByRater(
  pairs: readonly CohenPair[],
): Map<string, { partners: number; meanKappa: number | null }> {
  const acc = new Map<string, { partners: number; weight: number; sum: number }>();
  for (const pair of pairs) {
    for (const rater of [pair.raterA, pair.raterB]) {
      const entry = acc.get(rater) ?? { partners: 0, weight: 0, sum: 0 };
      if (pair.kappa !== null) {
        entry.partners++;
        entry.weight += pair.items;
        entry.sum += pair.items * pair.kappa;
      }
      acc.set(rater, entry);
    }
  }
  return new Map(
    [...acc].map(([r, e]) => [r, { partners: e.partners, meanKappa: e.weight > 0 ? e.sum / e.weight : null }]),
  );
}
