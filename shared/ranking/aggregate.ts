import { segmentMatcher } from './segment';
import type { Battle, Outcome, PairCountRow, PairCounts, SegmentFilter } from './types';

/** Column of each outcome in a row's four counts. */
const OUTCOME_COLUMN: Record<Outcome, number> = { a: 0, b: 1, tie: 2, both_bad: 3 };

/**
 * Accumulates votes into per-pair counts in one pass. Models get integer ids on first
 * sight and each pair's row is found through a per-model Int32Array, so adding a vote
 * costs two Map lookups and no allocation — 1M votes aggregate in tens of milliseconds.
 */
export class PairCountsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  /** rowOf[lo][hi] = 1 + row index of pair (lo, hi), lo < hi in id order; 0 = none yet. */
  private readonly rowOf: Int32Array[] = [];
  private lo = new Int32Array(64);
  private hi = new Int32Array(64);
  private counts = new Float64Array(256);
  private rowCount = 0;

  /** Adds `weight` votes of one outcome. Throws on a self-comparison or an unknown outcome. */
  add(modelA: string, modelB: string, outcome: Outcome, weight = 1): void {
    if (modelA === modelB) throw new RangeError(`model ${JSON.stringify(modelA)} is compared with itself`);
    this.addById(this.modelId(modelA), this.modelId(modelB), outcome, weight);
  }

  /**
   * The builder's integer id of a model (assigned on first sight). Readers that parse huge
   * files map names to ids once and call `addById`, skipping a string lookup per vote.
   */
  modelId(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      this.rowOf.push(new Int32Array(0));
    }
    return id;
  }

  /** `add` with ids from `modelId`. */
  addById(ia: number, ib: number, outcome: Outcome, weight = 1): void {
    const column = OUTCOME_COLUMN[outcome];
    if (column === undefined) throw new RangeError(`unknown outcome ${JSON.stringify(outcome)}`);
    if (ia === ib) throw new RangeError(`model ${JSON.stringify(this.names[ia])} is compared with itself`);
    const flipped = ia > ib;
    const row = flipped ? this.rowFor(ib, ia) : this.rowFor(ia, ib);
    // Columns 0/1 are "first id wins"/"second id wins": swap them when the vote's A has the larger id.
    const col = flipped && column < 2 ? 1 - column : column;
    this.counts[row * 4 + col]! += weight;
  }

  /** Adds a whole row of another PairCounts. */
  addRow(models: readonly string[], row: PairCountRow): void {
    const a = models[row.a]!;
    const b = models[row.b]!;
    if (row.winsA) this.add(a, b, 'a', row.winsA);
    if (row.winsB) this.add(a, b, 'b', row.winsB);
    if (row.ties) this.add(a, b, 'tie', row.ties);
    if (row.bothBad) this.add(a, b, 'both_bad', row.bothBad);
  }

  /** Models sorted by name (code-unit order), rows sorted by (a, b) with a < b: canonical and order-independent. */
  build(): PairCounts {
    const order = this.names.map((_, id) => id).sort((x, y) => compareNames(this.names[x]!, this.names[y]!));
    const rank = new Int32Array(order.length);
    order.forEach((id, position) => (rank[id] = position));
    const rows: PairCountRow[] = [];
    for (let r = 0; r < this.rowCount; r++) rows.push(this.canonicalRow(r, rank));
    rows.sort((x, y) => x.a - y.a || x.b - y.b);
    return { models: order.map((id) => this.names[id]!), rows };
  }

  private canonicalRow(r: number, rank: Int32Array): PairCountRow {
    const ra = rank[this.lo[r]!]!;
    const rb = rank[this.hi[r]!]!;
    const c = this.counts;
    const [first, second] = ra < rb ? [c[r * 4]!, c[r * 4 + 1]!] : [c[r * 4 + 1]!, c[r * 4]!];
    return {
      a: Math.min(ra, rb),
      b: Math.max(ra, rb),
      winsA: first,
      winsB: second,
      ties: c[r * 4 + 2]!,
      bothBad: c[r * 4 + 3]!,
    };
  }

  private rowFor(lo: number, hi: number): number {
    let slots = this.rowOf[lo]!;
    if (hi >= slots.length) {
      const grown = new Int32Array(Math.max(16, (hi + 1) * 2));
      grown.set(slots);
      this.rowOf[lo] = slots = grown;
    }
    const existing = slots[hi]!;
    if (existing !== 0) return existing - 1;
    const row = this.rowCount++;
    this.ensureCapacity(this.rowCount);
    this.lo[row] = lo;
    this.hi[row] = hi;
    slots[hi] = row + 1;
    return row;
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.lo.length) return;
    const size = this.lo.length * 2;
    const lo = new Int32Array(size);
    const hi = new Int32Array(size);
    const counts = new Float64Array(size * 4);
    lo.set(this.lo);
    hi.set(this.hi);
    counts.set(this.counts);
    this.lo = lo;
    this.hi = hi;
    this.counts = counts;
  }
}

/** Code-unit comparison: locale-independent, so every process sorts models identically. */
export function compareNames(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Counts per (pair, outcome) of the votes matching `filter` (all votes when omitted). */
export function aggregateBattles(battles: Iterable<Battle>, filter?: SegmentFilter): PairCounts {
  const matches = segmentMatcher(filter);
  const builder = new PairCountsBuilder();
  for (const battle of battles) {
    if (matches(battle.segment)) builder.add(battle.modelA, battle.modelB, battle.outcome);
  }
  return builder.build();
}

/** Sums several PairCounts (e.g. per-day or per-segment snapshots) by model name. */
export function mergePairCounts(...parts: PairCounts[]): PairCounts {
  const builder = new PairCountsBuilder();
  for (const part of parts) for (const row of part.rows) builder.addRow(part.models, row);
  return builder.build();
}
