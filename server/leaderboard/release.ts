import { SEGMENT_FIELDS, type SegmentField, type SegmentFilter } from '../../shared/protocol/leaderboard';
import type { Cell } from './cube';

/**
 * Which segment values the leaderboard names in its answers. Every other value of a field, and
 * "not set", is folded into that field's "other" bucket, in every table at once (global
 * recoding). The plan guarantees that every cell of every released table — all votes, each
 * field alone, each pair of fields — has at least K distinct raters or none at all, "other"
 * cells included, although they are never named: they are what subtraction gives.
 * docs/SERVER.md ("What the leaderboard releases") argues why this, and not per-cell
 * suppression, survives differences taken pair by pair.
 */
export interface ReleasePlan {
  /** Values released by name, per field. */
  kept: Record<SegmentField, ReadonlySet<string>>;
  /** Equal keys, equal plans: answers cached under one plan are never served under another. */
  key: string;
}

/** A field's "other" bucket (where "not set" already is): null, so no real value can collide with it. */
const OTHER = null;
type Recoded = string | typeof OTHER;
const keyOf = (values: Recoded[]) => JSON.stringify(values);

/** The released tables other than the total: each field alone, and each pair of fields. */
const TABLES: SegmentField[][] = SEGMENT_FIELDS.flatMap((field, i) => [
  [field],
  ...SEGMENT_FIELDS.slice(i + 1).map((other) => [field, other]),
]);

const SINGLE = Object.fromEntries(
  TABLES.filter((table) => table.length === 1).map((table) => [table[0], table]),
) as Record<SegmentField, SegmentField[]>;

/** Per table, its cells under the current recoding (keyOf their values) → their distinct raters. */
type Margins = Map<SegmentField[], Map<string, Set<number>>>;

/** True when the slice names only released values (the total names none). */
export function namesOnlyKept(plan: ReleasePlan, filter: SegmentFilter): boolean {
  return SEGMENT_FIELDS.every((field) => filter[field] === undefined || plan.kept[field].has(filter[field]));
}

/**
 * Folds values, smallest first, until no cell of any released table has between 1 and K-1
 * raters. Deterministic in the data (ties break by field order and value), so a restart on the
 * same votes releases the same tables: two different plans over one data set could be
 * subtracted from each other.
 */
export function planRelease(cells: Iterable<Cell>, minRaters: number): ReleasePlan {
  const list = [...cells];
  const kept = Object.fromEntries(SEGMENT_FIELDS.map((field) => [field, new Set<string>()])) as Record<
    SegmentField,
    Set<string>
  >;
  // Below K raters in all, nothing is released and nothing is named.
  if (new Set(list.flatMap((cell) => [...cell.raters])).size < minRaters) return planOf(kept);
  for (const cell of list)
    for (const field of SEGMENT_FIELDS) if (cell.segment[field] !== null) kept[field].add(cell.segment[field]);
  const margins = marginsOf(list);
  for (let small = smallestSmallCell(margins, minRaters); small; small = smallestSmallCell(margins, minRaters)) {
    const [field, value] = foldChoice(small, margins, kept, minRaters);
    kept[field].delete(value);
    fold(margins, field, value);
  }
  return planOf(kept);
}

function planOf(kept: Record<SegmentField, Set<string>>): ReleasePlan {
  return { kept, key: JSON.stringify(SEGMENT_FIELDS.map((field) => [...kept[field]].sort())) };
}

function marginsOf(cells: Cell[]): Margins {
  const margins: Margins = new Map(TABLES.map((table) => [table, new Map()]));
  for (const cell of cells) {
    for (const [table, margin] of margins) {
      const key = keyOf(table.map((field) => cell.segment[field] ?? OTHER));
      let raters = margin.get(key);
      if (!raters) margin.set(key, (raters = new Set()));
      for (const rater of cell.raters) raters.add(rater);
    }
  }
  return margins;
}

interface SmallCell {
  table: SegmentField[];
  values: Recoded[];
}

/** The released cell with the fewest raters among those with 1..K-1 (ties: table order, then key). */
function smallestSmallCell(margins: Margins, minRaters: number): SmallCell | null {
  let best: { table: SegmentField[]; key: string; size: number } | null = null;
  for (const [table, margin] of margins) {
    for (const [key, raters] of margin) {
      const size = raters.size;
      if (size === 0 || size >= minRaters) continue;
      if (!best || size < best.size || (size === best.size && table === best.table && key < best.key))
        best = { table, key, size };
    }
  }
  return best && { table: best.table, values: JSON.parse(best.key) as Recoded[] };
}

interface Candidate {
  field: SegmentField;
  value: string;
  /** Raters of the cell the small cell becomes part of, after the fold. */
  after: number;
  /** Raters of the value that would no longer be named. */
  lost: number;
}

/**
 * What to fold to mend a small cell: one of its named values (the cell then joins the "other"
 * cell beside it), or, where it is an "other" bucket, any named value of that field (the bucket
 * grows). Preferred: a fold that brings the cell to K raters, giving up the named value with the
 * fewest raters; failing that, the fold that grows it most. The plan starts only when
 * the whole board has K raters, and the whole board is never small, so there always is a
 * candidate.
 */
function foldChoice(
  small: SmallCell,
  margins: Margins,
  kept: Record<SegmentField, Set<string>>,
  minRaters: number,
): [SegmentField, string] {
  const margin = margins.get(small.table)!;
  const single = (field: SegmentField, value: string) => margins.get(SINGLE[field])?.get(keyOf([value]))?.size ?? 0;
  let best: Candidate | null = null;
  small.table.forEach((field, position) => {
    const at = (value: Recoded) => margin.get(keyOf(small.values.map((x, i) => (i === position ? value : x)))) ?? [];
    const values = small.values[position] === OTHER ? [...kept[field]].sort() : [small.values[position] as string];
    for (const value of values) {
      const candidate = { field, value, after: new Set([...at(OTHER), ...at(value)]).size, lost: single(field, value) };
      if (!best || better(candidate, best, minRaters)) best = candidate;
    }
  });
  if (!best) throw new Error('planRelease: a small cell with nothing left to fold');
  const { field, value } = best as Candidate;
  return [field, value];
}

/** Mending the cell beats not mending it; unmended, growing it more wins; then losing fewer raters. Ties keep the earlier. */
function better(x: Candidate, y: Candidate, minRaters: number): boolean {
  const mendsX = x.after >= minRaters;
  const mendsY = y.after >= minRaters;
  if (mendsX !== mendsY) return mendsX;
  if (!mendsX && x.after !== y.after) return x.after > y.after;
  return x.lost < y.lost;
}

/** Moves a value's cells into its field's "other" bucket, in every table that has the field. */
function fold(margins: Margins, field: SegmentField, value: string): void {
  for (const [table, margin] of margins) {
    const position = table.indexOf(field);
    if (position < 0) continue;
    for (const [key, raters] of [...margin]) {
      const values = JSON.parse(key) as Recoded[];
      if (values[position] !== value) continue;
      values[position] = OTHER;
      const into = keyOf(values);
      const bucket = margin.get(into);
      if (bucket) for (const rater of raters) bucket.add(rater);
      else margin.set(into, raters);
      margin.delete(key);
    }
  }
}
