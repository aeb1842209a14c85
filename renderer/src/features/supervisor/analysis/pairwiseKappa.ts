import { cohenKappaFromConfusion, type CohenPair } from '../../../../../shared/quality';
import { codeOf, labelOf, type Code } from './orientation';
import type { VoteIndex } from './voteIndex';

const CODE_INDEX: Record<Code, number> = { a: 0, b: 1, none: 2 };

/**
 * Cohen's κ for every rater pair sharing at least `minOverlap` items, as
 * shared/quality's pairwiseCohenKappa (first votes, nominal a / b / no
 * preference) but keyed by integers: at 500 raters and 200,000 votes the
 * string-keyed version spends most of its time building keys.
 */
export function pairwiseKappa(index: VoteIndex, minOverlap = 5): CohenPair[] {
  const raters = [...new Set(index.quality.map((v) => v.raterId))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const id = new Map(raters.map((rater, i) => [rater, i]));
  const n = raters.length;
  const confusions = new Map<number, Int32Array>();
  for (const first of index.firstByItem.values()) {
    const coded = first
      .map((v) => ({ rater: id.get(v.raterId)!, code: CODE_INDEX[codeOf(labelOf(v))] }))
      .sort((x, y) => x.rater - y.rater);
    for (let i = 0; i < coded.length; i++) {
      for (let j = i + 1; j < coded.length; j++) {
        const key = coded[i]!.rater * n + coded[j]!.rater;
        let confusion = confusions.get(key);
        if (!confusion) confusions.set(key, (confusion = new Int32Array(10)));
        confusion[coded[i]!.code * 3 + coded[j]!.code]!++;
        confusion[9]!++;
      }
    }
  }
  const pairs: CohenPair[] = [];
  for (const [key, c] of confusions) {
    if (c[9]! < minOverlap) continue;
    const matrix = [0, 1, 2].map((row) => [c[row * 3]!, c[row * 3 + 1]!, c[row * 3 + 2]!]);
    pairs.push({
      raterA: raters[Math.floor(key / n)]!,
      raterB: raters[key % n]!,
      items: c[9]!,
      kappa: cohenKappaFromConfusion(matrix),
    });
  }
  return pairs;
}
