import type { PairCountRow, PairCounts, SegmentField, SegmentFilter, StyleCounts } from '../../shared/protocol/leaderboard';
import { STYLE_CONTRAST_LEVELS, STYLE_FEATURES } from '../../shared/ranking';
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
  /** Style contrast levels of the pair, modelA → modelB (leaderboard/style.ts); null when unmeasured. */
  style?: number[] | null;
}

/** Counts of one segment cell: the finest slice (all five fields fixed). */
export interface Cell {
  segment: Segment;
  /** "lo\0hi" (lo < hi by code unit) → [lo wins, hi wins, ties, both bad]. */
  pairs: Map<string, number[]>;
  /** "lo\0hi\0levels" (levels oriented lo → hi, comma-joined) → the same four counts. */
  style: Map<string, number[]>;
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
    if (vote.style) this.addStyleCounts(vote.segment, vote.modelA, vote.modelB, vote.style, vote.outcome, 1);
    this.addRater(vote.segment, vote.accountId);
  }

  /** Style rows beside the pair counts; they do not move `version` (the pair counts of the same votes do). */
  addStyleCounts(segment: Segment, modelA: string, modelB: string, levels: number[], outcome: Outcome, n: number): void {
    const cell = this.cellFor(segment);
    const flipped = modelB < modelA;
    const oriented = flipped ? levels.map((level) => -level || 0) : levels;
    const key = `${flipped ? modelB : modelA}\u0000${flipped ? modelA : modelB}\u0000${oriented.join(',')}`;
    let row = cell.style.get(key);
    if (!row) cell.style.set(key, (row = [0, 0, 0, 0]));
    const column = COLUMN[outcome];
    row[flipped && column < 2 ? 1 - column : column]! += n;
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
    if (!cell) this.byKey.set(key, (cell = { segment, pairs: new Map(), style: new Map(), raters: new Set(), votes: 0 }));
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

/** The style rows of the cells, merged into shared/ranking's columnar StyleCounts (pairs contiguous). */
export function mergeStyleCells(cells: Cell[]): StyleCounts {
  const totals = new Map<string, number[]>();
  for (const cell of cells) {
    for (const [key, row] of cell.style) {
      const total = totals.get(key);
      if (total) for (let i = 0; i < 4; i++) total[i]! += row[i]!;
      else totals.set(key, [...row]);
    }
  }
  const rows = [...totals].map(([key, counts]) => {
    const [lo, hi, levels] = key.split('\u0000') as [string, string, string];
    return { lo, hi, levels: levels.split(',').map(Number), counts };
  });
  const byName = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  rows.sort((x, y) => byName(x.lo, y.lo) || byName(x.hi, y.hi));
  const models = [...new Set(rows.flatMap((r) => [r.lo, r.hi]))].sort(byName);
  const index = new Map(models.map((name, i) => [name, i]));
  return {
    models,
    features: [...STYLE_FEATURES],
    levels: STYLE_CONTRAST_LEVELS,
    a: rows.map((r) => index.get(r.lo)!),
    b: rows.map((r) => index.get(r.hi)!),
    z: rows.flatMap((r) => r.levels),
    winsA: rows.map((r) => r.counts[0]!),
    winsB: rows.map((r) => r.counts[1]!),
    ties: rows.map((r) => r.counts[2]!),
    bothBad: rows.map((r) => r.counts[3]!),
  };
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
