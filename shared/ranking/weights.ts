import { emptyTable, refreshTotals, type PairTable } from './pairTable';

/** How battles are weighted in the fit: every vote alike, or inversely to its pair's frequency. */
export type WeightScheme = 'none' | 'balanced';
export const WEIGHT_SCHEMES: readonly WeightScheme[] = ['none', 'balanced'];

export function isWeightScheme(value: unknown): value is WeightScheme {
  return value === 'none' || value === 'balanced';
}

/**
 * Balanced weights, one per pair: w_k = N / (P · c_k), with c_k the votes on pair k, P the
 * number of pairs with votes and N = Σ c_k. Every observed pair then carries the same total
 * weight N/P, so a pair that was sampled a hundred times more often (an old favourite, a
 * launch-week matchup) does not dominate the fit. Invariant: Σ w_k·c_k = N, so the weighted
 * table has as many "votes" as the raw one and the sandwich ridge (1e-5·N) is unchanged.
 */
export function balancedWeights(table: PairTable): Float64Array {
  const weights = new Float64Array(table.m);
  let pairs = 0;
  for (let k = 0; k < table.m; k++) if (table.total[k]! > 0) pairs++;
  for (let k = 0; k < table.m; k++) {
    const c = table.total[k]!;
    weights[k] = c > 0 ? table.votes / (pairs * c) : 0;
  }
  return weights;
}

/**
 * The table whose counts are c_k·w_k. The weighted log-likelihood Σ_votes w·ℓ_vote is the
 * plain likelihood of this table, so the ordinary Newton fit maximises it; `weight` is kept
 * for what does depend on the weights beyond that — the sandwich "meat" (w² per vote) and
 * the bootstrap, which resamples the raw votes and weights each draw.
 */
export function weightedTable(table: PairTable, weights: Float64Array): PairTable {
  const out = emptyTable(table.n, table.m);
  out.a.set(table.a);
  out.b.set(table.b);
  for (let k = 0; k < table.m; k++) {
    const w = weights[k]!;
    out.winsA[k] = table.winsA[k]! * w;
    out.winsB[k] = table.winsB[k]! * w;
    out.draws[k] = table.draws[k]! * w;
  }
  refreshTotals(out);
  out.weight = Float64Array.from(weights);
  return out;
}

/** The table the fit runs on for a scheme (the same object for `none`). */
export function applyWeights(table: PairTable, scheme: WeightScheme): PairTable {
  return scheme === 'balanced' ? weightedTable(table, balancedWeights(table)) : table;
}
