import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  PairCountsBuilder,
  SEGMENT_FIELDS,
  segmentMatcher,
  type Outcome,
  type PairCounts,
  type SegmentFilter,
} from '../../shared/ranking/index';
import { CliError, lineError } from './cliError';
import { countCsvBytesParallel } from './parallelCsv';
import { readCsvVotes } from './csvVotes';
import { parseWinner, WINNER_VALUES } from './outcome';
import { forEachJsonRecord } from './json';

export interface ReadVotes {
  counts: PairCounts;
  /** Votes read from the file, before --where. */
  read: number;
  /** Votes that matched --where. */
  matched: number;
}

/**
 * Reads a CSV, JSON-array or JSONL vote file into pair counts, applying the segment filter.
 * The usual big file, a plain CSV ranked whole, takes the byte path (with `threads` > 1, two
 * threads, the same counts); anything else, or any problem, takes the full parser.
 */
export async function readVotesFile(file: string, where: SegmentFilter, threads: number): Promise<ReadVotes> {
  const bytes = readBytes(file);
  const sink = new VoteSink(where);
  if (isPlainCsvRankedWhole(file, where) && (await countCsvBytesParallel(file, bytes, sink, threads))) {
    return sink.finish(file, where);
  }
  return readParsed(file, bytes, where, sink);
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function isPlainCsvRankedWhole(file: string, where: SegmentFilter): boolean {
  return extname(file).toLowerCase() === '.csv' && Object.keys(where).length === 0;
}

/** The full parser: any format, --where, and line-numbered errors. */
function readParsed(file: string, bytes: Buffer, where: SegmentFilter, sink: VoteSink): ReadVotes {
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw lineError(1, `${file} is empty`);
  const format = detectFormat(file, text);
  if (format === 'csv') readCsvVotes(text, where, sink);
  else forEachJsonRecord(text, format, (record, line) => sink.addRecord(record, line));
  return sink.finish(file, where);
}

function detectFormat(file: string, text: string): 'csv' | 'json' | 'jsonl' {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return text.trimStart().startsWith('[') ? 'json' : 'jsonl';
  const first = text.trimStart()[0];
  return first === '[' ? 'json' : first === '{' ? 'jsonl' : 'csv';
}

class VoteSink {
  private readonly builder = new PairCountsBuilder();
  private readonly names: string[] = [];
  private readonly matches: (segment: SegmentFilter | undefined) => boolean;
  read = 0;
  matched = 0;

  constructor(where: SegmentFilter) {
    this.matches = segmentMatcher(where);
  }

  add(modelA: string, modelB: string, winner: string, segment: SegmentFilter | undefined, line: number): void {
    if (modelA === '' || modelB === '') throw lineError(line, 'empty model name');
    const outcome = parseWinner(winner);
    if (outcome === undefined)
      throw lineError(line, `unknown winner ${JSON.stringify(winner)} (expected ${WINNER_VALUES})`);
    this.addIds(this.modelId(modelA), this.modelId(modelB), outcome, segment, line);
  }

  modelId(name: string): number {
    const id = this.builder.modelId(name);
    this.names[id] = name;
    return id;
  }

  /** Votes the CSV byte path counted (no --where, so every one of them matches). */
  addCounted(idA: number, idB: number, outcome: Outcome, votes: number): void {
    this.read += votes;
    this.matched += votes;
    this.builder.addById(idA, idB, outcome, votes);
  }

  addIds(idA: number, idB: number, outcome: Outcome, segment: SegmentFilter | undefined, line: number): void {
    if (idA === idB) throw lineError(line, `model ${JSON.stringify(this.names[idA])} is compared with itself`);
    this.read++;
    if (!this.matches(segment)) return;
    this.matched++;
    this.builder.addById(idA, idB, outcome);
  }

  /** A JSON record: LMArena battle fields (model_a, model_b, winner), LLMFAO's (left, right, winner). */
  addRecord(record: unknown, line: number): void {
    if (typeof record !== 'object' || record === null || Array.isArray(record))
      throw lineError(line, 'expected an object');
    const r = record as Record<string, unknown>;
    const [a, b] = 'model_a' in r || 'model_b' in r ? ['model_a', 'model_b'] : ['left', 'right'];
    for (const key of [a, b, 'winner']) {
      if (!(key in r))
        throw lineError(line, `missing field "${key}" (need model_a,model_b,winner or left,right,winner)`);
      if (typeof r[key] !== 'string') throw lineError(line, `field "${key}" must be a string`);
    }
    const segment: SegmentFilter = {};
    for (const field of SEGMENT_FIELDS) {
      const value = r[field];
      if (typeof value === 'string' || typeof value === 'number') segment[field] = String(value);
    }
    this.add(r[a] as string, r[b] as string, r.winner as string, segment, line);
  }

  finish(file: string, where: SegmentFilter): ReadVotes {
    if (this.read === 0) throw lineError(1, `${file} has no votes`);
    const counts = this.builder.build();
    const filter = Object.entries(where)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    if (this.matched === 0) throw new CliError(`no votes match --where ${filter}`);
    if (counts.models.length < 2)
      throw new CliError(`need votes between at least two models, found ${counts.models.length}`);
    return { counts, read: this.read, matched: this.matched };
  }
}
