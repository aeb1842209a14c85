import { SEGMENT_FIELDS, type Outcome, type SegmentField, type SegmentFilter } from '../../shared/ranking/index';
import { lineError } from './cliError';
import { parseRecordAt } from './csv';
import { SubstringInterner } from './interner';
import { parseWinner, parseWinnerAt, WINNER_VALUES } from './outcome';

/** Where parsed CSV votes go (see readVotes.ts). */
export interface CsvVoteSink {
  modelId(name: string): number;
  addIds(idA: number, idB: number, outcome: Outcome, segment: SegmentFilter | undefined, line: number): void;
}

export interface Columns {
  a: number;
  b: number;
  winner: number;
  width: number;
  /** Only the columns --where filters on: nothing else is ever sliced. */
  segments: [SegmentField, number][];
}

/**
 * Reads a vote CSV (model_a,model_b,winner or left,right,winner, plus optional segment
 * columns). Unquoted lines take a fast path that finds commas with indexOf and interns
 * model names in place, so a 1M-row file costs no per-row string or array allocation;
 * lines with quotes go through the full RFC 4180 parser.
 */
export function readCsvVotes(text: string, where: SegmentFilter, sink: CsvVoteSink): void {
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const header = parseRecordAt(text, position, 1);
  const columns = csvColumns(header.fields, where);
  position = header.next;
  let line = header.nextLine;
  const interner = new SubstringInterner();
  let builderIds = new Int32Array(256).fill(-1);
  const modelId = (start: number, end: number): number => {
    [start, end] = trimmed(text, start, end);
    if (start === end) throw lineError(line, 'empty model name');
    const id = interner.id(text, start, end);
    if (id >= builderIds.length) {
      const grown = new Int32Array(id * 2).fill(-1);
      grown.set(builderIds);
      builderIds = grown;
    }
    if (builderIds[id]! < 0) builderIds[id] = sink.modelId(interner.name(id));
    return builderIds[id]!;
  };
  const starts = new Int32Array(columns.width + 1);
  let nextQuote = text.indexOf('"', position);
  while (position < text.length) {
    let end = text.indexOf('\n', position);
    if (end < 0) end = text.length;
    const contentEnd = end > position && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (contentEnd === position) {
      position = end + 1;
      line++;
      continue;
    }
    if (nextQuote >= 0 && nextQuote < end) {
      const record = parseRecordAt(text, position, line);
      addFields(record.fields, columns, sink, line);
      position = record.next;
      line = record.nextLine;
      nextQuote = text.indexOf('"', position);
      continue;
    }
    const count = fieldStarts(text, position, contentEnd, starts, columns.width);
    if (count !== columns.width) throw lineError(line, `expected ${columns.width} fields, found ${count}`);
    const idA = modelId(starts[columns.a]!, starts[columns.a + 1]! - 1);
    const idB = modelId(starts[columns.b]!, starts[columns.b + 1]! - 1);
    const [ws, we] = trimmed(text, starts[columns.winner]!, starts[columns.winner + 1]! - 1);
    const outcome = parseWinnerAt(text, ws, we);
    if (outcome === undefined) throw unknownWinner(text.slice(ws, we), line);
    sink.addIds(
      idA,
      idB,
      outcome,
      segmentOf(columns, (i) => text.slice(starts[i]!, starts[i + 1]! - 1)),
      line,
    );
    position = end + 1;
    line++;
  }
}

/** Field i spans [starts[i], starts[i+1] − 1); returns the number of fields (stops past `width`). */
function fieldStarts(text: string, start: number, end: number, starts: Int32Array, width: number): number {
  starts[0] = start;
  let count = 1;
  let p = start;
  for (;;) {
    const comma = text.indexOf(',', p);
    if (comma < 0 || comma >= end) break;
    if (count >= width) return count + 1 + countCommas(text, comma + 1, end);
    starts[count++] = comma + 1;
    p = comma + 1;
  }
  if (count <= width) starts[count] = end + 1;
  return count;
}

function countCommas(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf(',', start); i >= 0 && i < end; i = text.indexOf(',', i + 1)) n++;
  return n;
}

function addFields(fields: string[], columns: Columns, sink: CsvVoteSink, line: number): void {
  if (fields.length !== columns.width)
    throw lineError(line, `expected ${columns.width} fields, found ${fields.length}`);
  const a = fields[columns.a]!.trim();
  const b = fields[columns.b]!.trim();
  if (a === '' || b === '') throw lineError(line, 'empty model name');
  const winner = fields[columns.winner]!.trim();
  const outcome = parseWinner(winner);
  if (outcome === undefined) throw unknownWinner(winner, line);
  sink.addIds(
    sink.modelId(a),
    sink.modelId(b),
    outcome,
    segmentOf(columns, (i) => fields[i]!),
    line,
  );
}

function segmentOf(columns: Columns, value: (index: number) => string): SegmentFilter | undefined {
  if (columns.segments.length === 0) return undefined;
  const segment: SegmentFilter = {};
  for (const [field, index] of columns.segments) segment[field] = value(index).trim();
  return segment;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return [start, end];
}

function unknownWinner(value: string, line: number): Error {
  return lineError(line, `unknown winner ${JSON.stringify(value)} (expected ${WINNER_VALUES})`);
}

export function csvColumns(header: string[], where: SegmentFilter): Columns {
  const names = header.map((h) => h.trim());
  const index = (name: string): number => names.indexOf(name);
  const pair = index('model_a') >= 0 || index('model_b') >= 0 ? ['model_a', 'model_b'] : ['left', 'right'];
  const missing = [...pair, 'winner'].filter((name) => index(name) < 0);
  if (missing.length > 0) {
    throw lineError(1, `missing column(s) ${missing.join(', ')} (need model_a,model_b,winner or left,right,winner)`);
  }
  for (const field of Object.keys(where)) {
    if (index(field) < 0) throw lineError(1, `--where ${field}: the file has no "${field}" column`);
  }
  const segments = SEGMENT_FIELDS.filter((f) => f in where).map((f): [SegmentField, number] => [f, index(f)]);
  return { a: index(pair[0]!), b: index(pair[1]!), winner: index('winner'), width: names.length, segments };
}
