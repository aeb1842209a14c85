import { pairwiseKappa } from './pairwiseKappa';
import type { VoteIndex } from './voteIndex';

export interface HeatmapCell {
  /** Indexes into `raters`. */
  row: number;
  column: number;
  kappa: number | null;
  items: number;
}

export interface AgreementHeatmap {
  raters: string[];
  cells: HeatmapCell[];
  /** Rater pairs sharing enough items for Cohen's κ, in the whole team. */
  pairsInTeam: number;
  ratersWithPartners: number;
}

/**
 * Cohen's κ between raters who share at least five items (shared/quality's
 * minimum overlap). A 500 × 500 grid is unreadable and heavy, so we keep the
 * `limit` raters with the most shared items, ordered by their mean κ so that
 * outliers gather at one edge.
 */
export function agreementHeatmap(index: VoteIndex, limit: number): AgreementHeatmap {
  const pairs = pairwiseKappa(index);
  const overlap = new Map<string, { items: number; weighted: number; weight: number }>();
  for (const pair of pairs) {
    for (const rater of [pair.raterA, pair.raterB]) {
      const entry = overlap.get(rater) ?? { items: 0, weighted: 0, weight: 0 };
      entry.items += pair.items;
      if (pair.kappa !== null) {
        entry.weighted += pair.kappa * pair.items;
        entry.weight += pair.items;
      }
      overlap.set(rater, entry);
    }
  }
  const meanKappa = (rater: string) => {
    const entry = overlap.get(rater);
    return entry && entry.weight > 0 ? entry.weighted / entry.weight : -Infinity;
  };
  const raters = [...overlap.keys()]
    .sort((x, y) => overlap.get(y)!.items - overlap.get(x)!.items || (x < y ? -1 : 1))
    .slice(0, limit)
    .sort((x, y) => meanKappa(y) - meanKappa(x) || (x < y ? -1 : 1));
  const position = new Map(raters.map((rater, i) => [rater, i]));
  const cells: HeatmapCell[] = [];
  for (const pair of pairs) {
    const a = position.get(pair.raterA);
    const b = position.get(pair.raterB);
    if (a === undefined || b === undefined) continue;
    cells.push(
      { row: a, column: b, kappa: pair.kappa, items: pair.items },
      { row: b, column: a, kappa: pair.kappa, items: pair.items },
    );
  }
  return { raters, cells, pairsInTeam: pairs.length, ratersWithPartners: overlap.size };
}
