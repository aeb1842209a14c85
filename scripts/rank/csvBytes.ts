import type { Outcome } from '../../shared/ranking/index';
import { parseRecordAt } from './csv';
import { csvColumns } from './csvVotes';
import { ByteRangeInterner } from './interner';

/** Where votes counted by the byte path go: names once, then votes per (A, B, outcome). */
export interface CsvCountSink {
  modelId(name: string): number;
  addCounted(idA: number, idB: number, outcome: Outcome, votes: number): void;
}

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;
/** Above this many models the dense count table (models² × 4 cells) would be too large. */
const MAX_MODELS = 1024;

const OUTCOMES: Outcome[] = ['a', 'b', 'tie', 'both_bad'];
/** Winner spellings as bytes (see outcome.ts), and the column in OUTCOMES of each. */
const SPELLINGS = ['model_a', 'model_b', 'left', 'right', 'tie', 'tie (bothbad)', 'both_bad'].map((spelling) => new TextEncoder().encode(spelling));
const SPELLING_COLUMNS = Int32Array.of(0, 1, 0, 1, 2, 3, 3);

/** Where a plain CSV's votes are: its columns, and the byte after the header line. */
export interface CsvLayout {
  columns: ReturnType<typeof csvColumns>;
  bodyStart: number;
}

/**
 * What one byte range of the body counted: model names in order of first appearance in the
 * range, and its non-empty (A, B, outcome) cells as quadruples (idA, idB, column, votes) over
 * those names' indices. Plain data, so a Worker can count a range and post it back.
 */
export interface RangeTally {
  names: string[];
  cells: Int32Array;
}

/** The header's columns, or null when the byte path cannot read this file (a quote, odd header). */
export function csvLayout(bytes: Buffer): CsvLayout | null {
  if (bytes.indexOf(QUOTE) >= 0) return null;
  const position = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const headerEnd = lineEnd(bytes, position);
  const header = parseRecordAt(new TextDecoder().decode(bytes.subarray(position, headerEnd)), 0, 1);
  try {
    return { columns: csvColumns(header.fields, {}), bodyStart: headerEnd + 1 };
  } catch {
    return null;
  }
}

/** The start of the first line at or after `at` (a split point that cuts no line in two). */
export function lineStartAfter(bytes: Uint8Array, at: number): number {
  return at <= 0 ? 0 : Math.min(bytes.length, lineEnd(bytes, at - 1) + 1);
}

/**
 * The fast path for the usual vote file: a CSV without quotes, read without --where. It works
 * on the file's bytes (no UTF-8 decoding of 28 MB into a string), interns model names by their
 * bytes and counts votes per (A, B, outcome) in a dense table, handing the sink one call per
 * non-empty cell instead of one per vote. Returns null as
 * soon as anything is unusual (a quote, a field count, an empty name, an unknown winner, a
 * self-comparison, too many models, a name that is not valid UTF-8): the caller then reads the
 * file with the full parser, which reports the problem with its line number.
 Counts the whole lines in bytes[start, end).
 */
export function tallyCsvRange(bytes: Buffer, start: number, end: number, columns: CsvLayout['columns']): RangeTally | null {
  const interner = new ByteRangeInterner(bytes);
  const counts = new DenseCounts();
  const starts = new Int32Array(columns.width + 1);
  let position = start;
  while (position < end) {
    const stop = Math.min(lineEnd(bytes, position), end);
    const contentEnd = stop > position && bytes[stop - 1] === CARRIAGE_RETURN ? stop - 1 : stop;
    if (contentEnd > position) {
      if (fieldStarts(bytes, position, contentEnd, starts, columns.width) !== columns.width) return null;
      const idA = modelAt(bytes, interner, starts, columns.a);
      const idB = modelAt(bytes, interner, starts, columns.b);
      const column = winnerAt(bytes, starts, columns.winner);
      if (idA < 0 || idB < 0 || column < 0 || idA === idB || !counts.add(idA, idB, column, 1)) return null;
    }
    position = stop + 1;
  }
  const names = Array.from({ length: counts.models }, (_, id) => interner.name(id));
  // Invalid UTF-8 decodes to U+FFFD, so distinct bytes could become one name: the full parser decides.
  if (names.some((name) => name.includes('\uFFFD'))) return null;
  const cells: number[] = [];
  counts.forEachCell((idA, idB, column, votes) => cells.push(idA, idB, column, votes));
  return { names, cells: Int32Array.from(cells) };
}

/**
 * Hands the sink the votes of consecutive ranges' tallies, in exactly the calls one tally of the
 * whole body would make: models numbered by first appearance (a later range's new names come
 * after every earlier range's), cells in (A, B, outcome) order. So the counts, and every number
 * derived from them (the bootstrap's cell order included), do not depend on how the file was split.
 */
export function emitTallies(tallies: readonly RangeTally[], sink: CsvCountSink): boolean {
  const ids = new Map<string, number>();
  for (const tally of tallies) for (const name of tally.names) if (!ids.has(name)) ids.set(name, ids.size);
  if (ids.size === 0) return false;
  const counts = new DenseCounts();
  for (const { names, cells } of tallies) {
    for (let k = 0; k < cells.length; k += 4) {
      const idA = ids.get(names[cells[k]!]!)!;
      const idB = ids.get(names[cells[k + 1]!]!)!;
      if (!counts.add(idA, idB, cells[k + 2]!, cells[k + 3]!)) return false;
    }
  }
  const names = [...ids.keys()];
  counts.forEachCell((idA, idB, column, votes) => {
    sink.addCounted(sink.modelId(names[idA]!), sink.modelId(names[idB]!), OUTCOMES[column]!, votes);
  });
  return true;
}

function lineEnd(bytes: Uint8Array, start: number): number {
  const end = bytes.indexOf(NEWLINE, start);
  return end < 0 ? bytes.length : end;
}

/** Field i spans [starts[i], starts[i+1] − 1); returns the number of fields, or width + 1 for more. */
function fieldStarts(bytes: Uint8Array, start: number, end: number, starts: Int32Array, width: number): number {
  starts[0] = start;
  let count = 1;
  for (let i = start; i < end; i++) {
    if (bytes[i] !== COMMA) continue;
    if (count >= width) return width + 1;
    starts[count++] = i + 1;
  }
  starts[count] = end + 1;
  return count;
}

/** The interned id of field `index`, trimmed like the string path trims; −1 for an empty name. */
function modelAt(bytes: Buffer, interner: ByteRangeInterner, starts: Int32Array, index: number): number {
  let start = starts[index]!;
  let end = starts[index + 1]! - 1;
  while (start < end && bytes[start]! <= 32) start++;
  while (end > start && bytes[end - 1]! <= 32) end--;
  return start === end ? -1 : interner.id(start, end);
}

/** The outcome column of the winner field, or −1 for a spelling the byte path does not know. */
function winnerAt(bytes: Uint8Array, starts: Int32Array, index: number): number {
  let start = starts[index]!;
  let end = starts[index + 1]! - 1;
  while (start < end && bytes[start]! <= 32) start++;
  while (end > start && bytes[end - 1]! <= 32) end--;
  for (let index = 0; index < SPELLINGS.length; index++) {
    const spelling = SPELLINGS[index]!;
    if (spelling.length !== end - start || spelling[0] !== bytes[start]) continue;
    let same = true;
    for (let i = 1; i < spelling.length && same; i++) same = bytes[start + i] === spelling[i];
    if (same) return SPELLING_COLUMNS[index]!;
  }
  return -1;
}

/** Votes per (A, B, outcome) over interned ids, in a table that grows with the number of models. */
class DenseCounts {
  models = 0;
  private capacity = 64;
  private cells = new Int32Array(this.capacity * this.capacity * 4);

  /** False when there are too many models for a dense table. */
  add(idA: number, idB: number, column: number, votes: number): boolean {
    const needed = Math.max(idA, idB) + 1;
    if (needed > this.models) {
      if (needed > MAX_MODELS) return false;
      this.models = needed;
      if (needed > this.capacity) this.grow(needed);
    }
    this.cells[(idA * this.capacity + idB) * 4 + column]! += votes;
    return true;
  }

  forEachCell(visit: (idA: number, idB: number, column: number, votes: number) => void): void {
    for (let idA = 0; idA < this.models; idA++) {
      for (let idB = 0; idB < this.models; idB++) {
        const at = (idA * this.capacity + idB) * 4;
        for (let column = 0; column < 4; column++) if (this.cells[at + column]! > 0) visit(idA, idB, column, this.cells[at + column]!);
      }
    }
  }

  private grow(needed: number): void {
    const capacity = Math.min(MAX_MODELS, Math.max(needed, this.capacity * 2));
    const cells = new Int32Array(capacity * capacity * 4);
    for (let idA = 0; idA < this.capacity; idA++) cells.set(this.cells.subarray(idA * this.capacity * 4, (idA + 1) * this.capacity * 4), idA * capacity * 4);
    this.capacity = capacity;
    this.cells = cells;
  }
}
