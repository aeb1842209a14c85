import type { PairCountRow, PairCounts } from '../../../../../shared/ranking';

/** A vote between two named models; outcome 0 = A won, 1 = B won, 2 = tie, 3 = both bad. */
export interface NamedBattle {
  modelA: string;
  modelB: string;
  outcome: number;
  /** How many such votes (default 1). */
  weight?: number;
}

const COLUMNS = ['winsA', 'winsB', 'ties', 'bothBad'] as const;

/**
 * Adds (sign 1) or removes (sign −1) a few votes to/from server counts without rebuilding them:
 * only the touched pairs get new row objects, so patching 20,000-row counts with a rater's
 * votes costs one pass of integer arithmetic. Removal never goes below zero (the server may
 * not have counted a vote we think it did: gold and repeat tasks look like any other here).
 */
export function adjustCounts(counts: PairCounts, battles: readonly NamedBattle[], sign: 1 | -1): PairCounts {
  if (battles.length === 0) return counts;
  const models = [...counts.models];
  const index = new Map(models.map((name, i) => [name, i]));
  const idOf = (name: string): number | undefined => {
    let id = index.get(name);
    if (id === undefined && sign > 0) {
      id = models.push(name) - 1;
      index.set(name, id);
    }
    return id;
  };
  const deltas = new Map<number, number[]>();
  const width = models.length + battles.length * 2;
  for (const battle of battles) addDelta(deltas, width, idOf(battle.modelA), idOf(battle.modelB), battle.outcome, sign * (battle.weight ?? 1));
  return { models, rows: patchRows(counts.rows, deltas, width) };
}

function addDelta(deltas: Map<number, number[]>, width: number, a: number | undefined, b: number | undefined, outcome: number, sign: number): void {
  if (a === undefined || b === undefined || a === b) return;
  const flipped = a > b;
  const key = flipped ? b * width + a : a * width + b;
  let delta = deltas.get(key);
  if (!delta) deltas.set(key, (delta = [0, 0, 0, 0]));
  const column = flipped && outcome < 2 ? 1 - outcome : outcome;
  delta[column]! += sign;
}

function patchRows(rows: readonly PairCountRow[], deltas: Map<number, number[]>, width: number): PairCountRow[] {
  const out: PairCountRow[] = [];
  for (const row of rows) {
    const key = row.a * width + row.b;
    const delta = deltas.get(key);
    if (!delta) {
      out.push(row);
      continue;
    }
    deltas.delete(key);
    const patched = applyDelta({ ...row }, delta);
    if (patched) out.push(patched);
  }
  for (const [key, delta] of deltas) {
    const patched = applyDelta({ a: Math.floor(key / width), b: key % width, winsA: 0, winsB: 0, ties: 0, bothBad: 0 }, delta);
    if (patched) out.push(patched);
  }
  return out;
}

/** Null when nothing is left of the pair. */
function applyDelta(row: PairCountRow, delta: number[]): PairCountRow | null {
  COLUMNS.forEach((column, i) => (row[column] = Math.max(0, row[column] + delta[i]!)));
  return row.winsA + row.winsB + row.ties + row.bothBad > 0 ? row : null;
}

/** counts − part, pair by pair and outcome by outcome, floored at zero (the complement of a slice). */
export function subtractCounts(counts: PairCounts, part: PairCounts): PairCounts {
  const battles: NamedBattle[] = [];
  for (const row of part.rows) {
    COLUMNS.forEach((column, outcome) => {
      if (row[column] > 0) battles.push({ modelA: part.models[row.a]!, modelB: part.models[row.b]!, outcome, weight: row[column] });
    });
  }
  return adjustCounts(counts, battles, -1);
}
