import type { PairCountRow, PairCounts, SegmentField, SegmentFilter } from '../../shared/protocol/leaderboard';
import { SEGMENT_FIELDS } from '../../shared/protocol/leaderboard';
import type { Outcome } from '../tasks/repo';

export type Segment = Record<SegmentField, string | null>;

/** One counted vote, reduced to what the leaderboard needs. */
export interface CountedVote {
  accountId: number;
  modelA: string;
  modelB: string;
  outcome: Outcome;
  segment: Segment;
}

/** Counts of one segment cell: the finest slice (all five fields fixed). */
export interface Cell {
  segment: Segment;
  /** "lo\0hi" (lo < hi by code unit) → [lo wins, hi wins, ties, both bad]. */
  pairs: Map<string, number[]>;
  raters: Set<number>;
  votes: number;
}

const COLUMN: Record<Outcome, number> = { a: 0, b: 1, tie: 2, both_bad: 3 };

/**
 * Pair counts per segment cell, kept in memory and updated as votes commit.
 * A query merges the cells its filter matches; there are at most a few
 * thousand cells (rater profiles × languages × categories), so a merge is
 * cheap next to ranking, and nothing here ever touches the database.
 */
export class SegmentCube {
  private readonly byKey = new Map<string, Cell>();
  /** Grows with every counted vote; caches compare it to know they are current. */
  version = 0;

  add(vote: CountedVote): void {
    this.addCounts(vote.segment, vote.modelA, vote.modelB, vote.outcome, 1);
    this.addRater(vote.segment, vote.accountId);
  }

  /** Registers a rater in a cell without counts (bulk loading sends raters and counts separately). */
  addRater(segment: Segment, accountId: number): void {
    this.cellFor(segment).raters.add(accountId);
  }

  addCounts(segment: Segment, modelA: string, modelB: string, outcome: Outcome, n: number): void {
    const cell = this.cellFor(segment);
    const flipped = modelB < modelA;
    const key = flipped ? `${modelB}\u0000${modelA}` : `${modelA}\u0000${modelB}`;
    let row = cell.pairs.get(key);
    if (!row) cell.pairs.set(key, (row = [0, 0, 0, 0]));
    const column = COLUMN[outcome];
    row[flipped && column < 2 ? 1 - column : column]! += n;
    cell.votes += n;
    this.version += n;
  }

  cells(): IterableIterator<Cell> {
    return this.byKey.values();
  }

  select(filter: SegmentFilter): Cell[] {
    const fields = SEGMENT_FIELDS.filter((field) => filter[field] !== undefined);
    return [...this.byKey.values()].filter((cell) => fields.every((field) => cell.segment[field] === filter[field]));
  }

  private cellFor(segment: Segment): Cell {
    const key = SEGMENT_FIELDS.map((field) => segment[field] ?? '').join('\u0001');
    let cell = this.byKey.get(key);
    if (!cell) this.byKey.set(key, (cell = { segment, pairs: new Map(), raters: new Set(), votes: 0 }));
    return cell;
  }
}

/** Merges cells into the canonical PairCounts shape: models by code unit, rows by (a, b). */
export function mergeCells(cells: Cell[]): { counts: PairCounts; raters: number; votes: number } {
  const totals = new Map<string, number[]>();
  const raters = new Set<number>();
  let votes = 0;
  for (const cell of cells) {
    votes += cell.votes;
    for (const rater of cell.raters) raters.add(rater);
    for (const [key, row] of cell.pairs) {
      const total = totals.get(key);
      if (total) for (let i = 0; i < 4; i++) total[i]! += row[i]!;
      else totals.set(key, [...row]);
    }
  }
  return { counts: toPairCounts(totals), raters: raters.size, votes };
}

function toPairCounts(totals: Map<string, number[]>): PairCounts {
  const names = new Set<string>();
  for (const key of totals.keys()) for (const name of key.split('\u0000')) names.add(name);
  const models = [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const index = new Map(models.map((name, i) => [name, i]));
  const rows: PairCountRow[] = [];
  for (const [key, [winsA, winsB, ties, bothBad]] of totals as Map<string, [number, number, number, number]>) {
    const [lo, hi] = key.split('\u0000') as [string, string];
    rows.push({ a: index.get(lo) as number, b: index.get(hi) as number, winsA, winsB, ties, bothBad });
  }
  rows.sort((x, y) => x.a - y.a || x.b - y.b);
  return { models, rows };
}
