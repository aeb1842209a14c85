import type { PairCounts, PairCountRow } from '../../../../../shared/ranking';

/**
 * Pair counts as typed arrays for the trip to the worker. A 200-model slice is 19,900 row
 * objects; structured-cloning them costs ~20 ms, much of it on the page's own thread inside
 * postMessage. Packed, the arrays are transferred (moved, not copied) and only the model names
 * are cloned; packing and unpacking take about a millisecond each.
 */
export interface PackedCounts {
  models: string[];
  /** a, b per row. */
  pairs: Int32Array;
  /** winsA, winsB, ties, bothBad per row. */
  cells: Float64Array;
}

export function packCounts(counts: PairCounts): PackedCounts {
  const m = counts.rows.length;
  const pairs = new Int32Array(m * 2);
  const cells = new Float64Array(m * 4);
  counts.rows.forEach((row, k) => {
    pairs[k * 2] = row.a;
    pairs[k * 2 + 1] = row.b;
    cells[k * 4] = row.winsA;
    cells[k * 4 + 1] = row.winsB;
    cells[k * 4 + 2] = row.ties;
    cells[k * 4 + 3] = row.bothBad;
  });
  return { models: counts.models, pairs, cells };
}

export function unpackCounts({ models, pairs, cells }: PackedCounts): PairCounts {
  const rows: PairCountRow[] = new Array<PairCountRow>(pairs.length / 2);
  for (let k = 0; k < rows.length; k++) {
    rows[k] = { a: pairs[k * 2]!, b: pairs[k * 2 + 1]!, winsA: cells[k * 4]!, winsB: cells[k * 4 + 1]!, ties: cells[k * 4 + 2]!, bothBad: cells[k * 4 + 3]! };
  }
  return { models, rows };
}
