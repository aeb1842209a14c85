import type { PairCounts } from './types';

/**
 * The numeric view every solver works on: one entry per model pair in typed arrays.
 * `score` is the number of wins of models[a] counting ties and both-bad as half a win
 * (FastChat/arena-rank: outcome 0.5); `total` is the number of votes on the pair.
 */
export interface PairTable {
  n: number;
  m: number;
  a: Int32Array;
  b: Int32Array;
  winsA: Float64Array;
  winsB: Float64Array;
  draws: Float64Array;
  score: Float64Array;
  total: Float64Array;
  votes: number;
  /**
   * Per-pair weights already multiplied into the counts above (see weights.ts); absent
   * means every vote weighs 1. The raw count of a cell is its value / weight[k].
   */
  weight?: Float64Array;
}

/** Throws a RangeError naming the first malformed row (counts come off the wire). */
export function validatePairCounts(counts: PairCounts): void {
  if (!counts || !Array.isArray(counts.models) || !Array.isArray(counts.rows)) {
    throw new RangeError('PairCounts must have arrays `models` and `rows`');
  }
  const n = counts.models.length;
  if (new Set(counts.models).size !== n) throw new RangeError('PairCounts.models has duplicate names');
  // A plain loop with the four counts read by name: this runs on every recompute of a 20k-row slice.
  const rows = counts.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!Number.isInteger(row.a) || !Number.isInteger(row.b) || row.a < 0 || row.b >= n || row.a >= row.b) {
      throw new RangeError(`PairCounts.rows[${i}]: need integer indices 0 ≤ a < b < ${n}`);
    }
    if (!isCount(row.winsA)) throw badCount(i, 'winsA');
    if (!isCount(row.winsB)) throw badCount(i, 'winsB');
    if (!isCount(row.ties)) throw badCount(i, 'ties');
    if (!isCount(row.bothBad)) throw badCount(i, 'bothBad');
  }
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function badCount(row: number, key: string): RangeError {
  return new RangeError(`PairCounts.rows[${row}].${key} must be an integer count ≥ 0`);
}

/** Builds the table; pairs with no votes are dropped. Indices are those of `counts.models`. */
export function toPairTable(counts: PairCounts): PairTable {
  let m = 0;
  for (const r of counts.rows) if (r.winsA + r.winsB + r.ties + r.bothBad > 0) m++;
  const table = emptyTable(counts.models.length, m);
  let k = 0;
  for (const row of counts.rows) {
    if (row.winsA + row.winsB + row.ties + row.bothBad === 0) continue;
    table.a[k] = row.a;
    table.b[k] = row.b;
    table.winsA[k] = row.winsA;
    table.winsB[k] = row.winsB;
    table.draws[k] = row.ties + row.bothBad;
    k++;
  }
  refreshTotals(table);
  return table;
}

export function emptyTable(n: number, m: number): PairTable {
  return {
    n,
    m,
    a: new Int32Array(m),
    b: new Int32Array(m),
    winsA: new Float64Array(m),
    winsB: new Float64Array(m),
    draws: new Float64Array(m),
    score: new Float64Array(m),
    total: new Float64Array(m),
    votes: 0,
  };
}

/** Recomputes score/total/votes after winsA/winsB/draws changed (the bootstrap reuses one table). */
export function refreshTotals(table: PairTable): void {
  let votes = 0;
  for (let k = 0; k < table.m; k++) {
    const total = table.winsA[k]! + table.winsB[k]! + table.draws[k]!;
    table.total[k] = total;
    table.score[k] = table.winsA[k]! + 0.5 * table.draws[k]!;
    votes += total;
  }
  table.votes = votes;
}

/** Keeps only the models in `keep` (old indices, ascending) and renumbers them 0..k−1. */
export function restrictTable(table: PairTable, keep: readonly number[]): PairTable {
  const newIndex = new Int32Array(table.n).fill(-1);
  keep.forEach((old, i) => (newIndex[old] = i));
  const rows: number[] = [];
  for (let k = 0; k < table.m; k++) {
    if (newIndex[table.a[k]!]! >= 0 && newIndex[table.b[k]!]! >= 0) rows.push(k);
  }
  const out = emptyTable(keep.length, rows.length);
  rows.forEach((k, i) => {
    out.a[i] = newIndex[table.a[k]!]!;
    out.b[i] = newIndex[table.b[k]!]!;
    out.winsA[i] = table.winsA[k]!;
    out.winsB[i] = table.winsB[k]!;
    out.draws[i] = table.draws[k]!;
  });
  refreshTotals(out);
  return out;
}
