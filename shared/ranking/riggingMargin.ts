import { fitBradleyTerry } from './bradleyTerry';
import { emptyTable, refreshTotals, type PairTable } from './pairTable';

/**
 * Rigging margin of one adjacent pair (`upper` ranked just above `lower`): a number of votes
 * that, flipped from a win to a loss, puts `lower` above `upper` in the Bradley–Terry fit.
 *
 * It is an UPPER bound with a witness, not the exact minimum: votes are flipped in a fixed order
 * — first `upper`'s decisive wins over `lower` (each moves both strengths), then, alternating,
 * `upper`'s wins over third models and `lower`'s losses to third models, largest rows first —
 * and the smallest prefix of that order that swaps the pair is found by binary search (a flip only
 * lowers `upper`'s score or raises `lower`'s, so θ_upper − θ_lower falls monotonically along the
 * order). Every returned k is achieved by an explicit set of k flips, so "k votes suffice" is
 * proven; a cleverer adversary could need fewer only by flipping votes between other models,
 * which moves the pair second-order. Returns 0 when `lower` is already above, null when flipping every available vote does not swap.
 */
export function riggingMargin(table: PairTable, upper: number, lower: number, ridge = 1e-5): number | null {
  const flips = flipOrder(table, upper, lower);
  const swapped = (k: number) => {
    const theta = fitBradleyTerry(applyFlips(table, flips, k), { ridge: ridge * Math.max(1, table.votes) }).theta;
    return theta[lower]! > theta[upper]!;
  };
  if (swapped(0)) return 0; // already in the other order (the caller passed a tied or unordered pair)
  if (flips.length === 0 || !swapped(flips.length)) return null;
  let lo = 0; // invariant: lo flips do not swap, hi flips do
  let hi = flips.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (swapped(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Margins for each adjacent pair of `order` (model indices, best first); entry k is for order[k] vs order[k+1]. */
export function boardRiggingMargins(table: PairTable, order: readonly number[]): (number | null)[] {
  const out: (number | null)[] = [];
  for (let k = 0; k + 1 < order.length; k++) out.push(riggingMargin(table, order[k]!, order[k + 1]!));
  return out;
}

/** One flip: row k, `aLoses` = turn one of models[a]'s wins into a loss (else one of b's wins). */
interface Flip { row: number; aLoses: boolean }

function flipOrder(table: PairTable, upper: number, lower: number): Flip[] {
  const direct: Flip[] = [];
  const upperWins: { row: number; aLoses: boolean; count: number }[] = [];
  const lowerLosses: { row: number; aLoses: boolean; count: number }[] = [];
  for (let k = 0; k < table.m; k++) {
    const a = table.a[k]!;
    const b = table.b[k]!;
    if ((a === upper && b === lower) || (a === lower && b === upper)) {
      const aIsUpper = a === upper;
      const wins = aIsUpper ? table.winsA[k]! : table.winsB[k]!;
      for (let i = 0; i < wins; i++) direct.push({ row: k, aLoses: aIsUpper });
    } else if (a === upper || b === upper) {
      upperWins.push({ row: k, aLoses: a === upper, count: a === upper ? table.winsA[k]! : table.winsB[k]! });
    } else if (a === lower || b === lower) {
      // lower's loss on this row is the other model's win: flip that model's win.
      lowerLosses.push({ row: k, aLoses: a !== lower, count: a === lower ? table.winsB[k]! : table.winsA[k]! });
    }
  }
  const expand = (rows: typeof upperWins) =>
    rows.sort((x, y) => y.count - x.count).flatMap((r) => Array.from({ length: r.count }, () => ({ row: r.row, aLoses: r.aLoses })));
  const u = expand(upperWins);
  const l = expand(lowerLosses);
  const interleaved: Flip[] = [];
  for (let i = 0; i < Math.max(u.length, l.length); i++) {
    if (i < u.length) interleaved.push(u[i]!);
    if (i < l.length) interleaved.push(l[i]!);
  }
  return [...direct, ...interleaved];
}

function applyFlips(table: PairTable, flips: readonly Flip[], k: number): PairTable {
  const copy = emptyTable(table.n, table.m);
  copy.a.set(table.a);
  copy.b.set(table.b);
  copy.winsA.set(table.winsA);
  copy.winsB.set(table.winsB);
  copy.draws.set(table.draws);
  for (let i = 0; i < k; i++) {
    const { row, aLoses } = flips[i]!;
    const from = aLoses ? copy.winsA : copy.winsB;
    const to = aLoses ? copy.winsB : copy.winsA;
    from[row]! -= 1;
    to[row]! += 1;
  }
  refreshTotals(copy);
  return copy;
}
