import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * A crash-safe, append-only log of JSON records, the storage under the vote
 * journal. Invariants:
 * - One record per line: {"crc":"<crc32 of rec, 8 hex>","rec":<record JSON>}.
 *   Every line is valid JSON (the files are JSONL) and the checksum covers the
 *   record's exact bytes, so verifying needs no re-serialisation.
 * - append() returns only after write + fsync: a record the caller was told
 *   about survives kill -9 and power loss.
 * - Segments are numbered; a compacted segment starts with a snapshot marker
 *   and supersedes every older segment. It is written to a temp file, fsync'd
 *   and renamed, so a crash mid-compaction leaves the old segments in charge.
 * - On open, a torn last line (no newline or bad checksum at the very end) is
 *   truncated with a warning; a bad line anywhere else is copied to
 *   quarantine.jsonl, skipped and reported — never silently dropped.
 */

const PREFIX = '{"crc":"';
const MIDDLE = '","rec":';
const HEADER_LENGTH = PREFIX.length + 8 + MIDDLE.length;
const SNAPSHOT_MARKER = '$snapshot';
const SEGMENT_PATTERN = /^segment-(\d{8})\.jsonl$/;

export interface RecoveryReport {
  segments: number;
  records: number;
  tornTailDropped: boolean;
  quarantined: number;
  warnings: string[];
}

export interface OpenedLog<R> {
  log: RecordLog;
  records: R[];
  report: RecoveryReport;
}

export function encodeLine(record: unknown): string {
  const json = JSON.stringify(record);
  const checksum = crc32(json).toString(16).padStart(8, '0');
  return `${PREFIX}${checksum}${MIDDLE}${json}}\n`;
}

/** The record of a line, or null when the line is damaged in any way. */
export function decodeLine(line: string): unknown {
  const bytes = Buffer.from(line, 'utf8');
  return decodeBytes(bytes, 0, bytes.length);
}

/** Turns a verified record's UTF-8 JSON, bytes [start, end) of `buffer`, into the caller's value. */
export type RecordParser = (buffer: Buffer, start: number, end: number) => unknown;

const PREFIX_BYTES = Buffer.from(PREFIX);
const MIDDLE_BYTES = Buffer.from(MIDDLE);
const CLOSING_BRACE = 0x7d;
const DAMAGED = null;

const parseJsonBytes: RecordParser = (buffer, start, end) => JSON.parse(buffer.toString('utf8', start, end));

/**
 * Decodes the line in bytes [start, end) without copying it first: replaying
 * a 100k-vote journal is dominated by this function, so the header is checked
 * byte by byte, the checksum runs on the raw bytes, and nothing but the
 * checksum's view is allocated before `parse` (which sees offsets, not a copy).
 */
function decodeBytes(buffer: Buffer, start: number, end: number, parse: RecordParser = parseJsonBytes): unknown {
  const bodyStart = start + HEADER_LENGTH;
  if (end - start <= HEADER_LENGTH + 1 || buffer[end - 1] !== CLOSING_BRACE) return DAMAGED;
  if (!bytesAt(buffer, start, PREFIX_BYTES) || !bytesAt(buffer, start + PREFIX.length + 8, MIDDLE_BYTES)) return DAMAGED;
  const expected = hex32At(buffer, start + PREFIX.length);
  if (expected === DAMAGED || crc32(buffer.subarray(bodyStart, end - 1)) !== expected) return DAMAGED;
  try {
    return parse(buffer, bodyStart, end - 1);
  } catch {
    return DAMAGED;
  }
}

/** Whether `expected` sits in `buffer` at `offset` (a JS loop: cheaper than a native call for 8 bytes). */
export function bytesAt(buffer: Buffer, offset: number, expected: Buffer): boolean {
  if (offset + expected.length > buffer.length) return false;
  for (let index = 0; index < expected.length; index += 1) if (buffer[offset + index] !== expected[index]) return false;
  return true;
}

const HEX_DIGIT_VALUES = new Int8Array(256).fill(-1);
for (const [digits, first] of [['0123456789', 0], ['abcdef', 10], ['ABCDEF', 10]] as const) {
  for (let index = 0; index < digits.length; index += 1) HEX_DIGIT_VALUES[digits.charCodeAt(index)] = first + index;
}

/** The 8 hex digits at `offset` as an unsigned 32-bit number, or null if any is not a hex digit. */
function hex32At(buffer: Buffer, offset: number): number | null {
  let value = 0;
  for (let index = 0; index < 8; index += 1) {
    const digit = HEX_DIGIT_VALUES[buffer[offset + index] as number] as number;
    if (digit < 0) return null;
    value = value * 16 + digit;
  }
  return value;
}

export class RecordLog {
  private fd: number;
  private size: number;

  private constructor(
    private readonly dir: string,
    private segment: number,
    private readonly segmentBytes: number,
  ) {
    const file = this.segmentPath(segment);
    this.fd = fs.openSync(file, 'a', 0o600);
    this.size = fs.fstatSync(this.fd).size;
  }

  /**
   * Opens the log and replays it. `parse` turns a verified record's UTF-8
   * JSON bytes into the caller's value (default JSON.parse); the vote journal
   * uses it to defer parsing votes nobody looks at during start-up.
   */
  static open<R>(
    dir: string,
    options: { segmentBytes?: number; parse?: RecordParser; onRecord?: (record: R) => void } = {},
  ): OpenedLog<R> {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    removeLeftoverTempFiles(dir);
    const report: RecoveryReport = { segments: 0, records: 0, tornTailDropped: false, quarantined: 0, warnings: [] };
    const segments = liveSegments(dir);
    const records: R[] = [];
    segments.forEach((segment, index) => {
      const isLast = index === segments.length - 1;
      // With onRecord the caller consumes records as they stream by, and none are kept here.
      const consume = options.onRecord ?? ((record: R) => records.push(record));
      replaySegment(dir, segment, isLast, report, options.parse ?? parseJsonBytes, (record) => {
        report.records += 1;
        consume(record as R);
      });
    });
    report.segments = segments.length;
    const current = segments.at(-1) ?? 1;
    const log = new RecordLog(dir, current, options.segmentBytes ?? 8 * 1024 * 1024);
    return { log, records, report };
  }

  /** Appends records with one write and one fsync; returns once they are durable. */
  append(records: readonly unknown[]): void {
    if (records.length === 0) return;
    if (this.size >= this.segmentBytes) this.rotate();
    const text = records.map(encodeLine).join('');
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(this.fd, bytes, written, bytes.length - written);
    fs.fsyncSync(this.fd);
    this.size += bytes.length;
  }

  /**
   * Replaces the whole log by `snapshot` (the live state, as records). The
   * new segment becomes visible atomically; older segments are deleted after.
   */
  compact(snapshot: readonly unknown[]): void {
    const next = this.segment + 1;
    const temp = `${this.segmentPath(next)}.tmp`;
    const fd = fs.openSync(temp, 'w', 0o600);
    try {
      fs.writeSync(fd, [SNAPSHOT_MARKER, ...snapshot].map(encodeLine).join(''));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, this.segmentPath(next));
    fsyncDirectory(this.dir);
    fs.closeSync(this.fd);
    for (const old of segmentNumbers(this.dir).filter((number) => number < next)) fs.rmSync(this.segmentPath(old));
    this.segment = next;
    this.fd = fs.openSync(this.segmentPath(next), 'a', 0o600);
    this.size = fs.fstatSync(this.fd).size;
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private rotate(): void {
    fs.closeSync(this.fd);
    this.segment += 1;
    this.fd = fs.openSync(this.segmentPath(this.segment), 'a', 0o600);
    fsyncDirectory(this.dir);
    this.size = 0;
  }

  private segmentPath(number: number): string {
    return path.join(this.dir, `segment-${String(number).padStart(8, '0')}.jsonl`);
  }
}

function segmentNumbers(dir: string): number[] {
  return fs
    .readdirSync(dir)
    .map((name) => SEGMENT_PATTERN.exec(name)?.[1])
    .filter((digits): digits is string => digits !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Segments from the newest snapshot on; older ones were superseded by a compaction that crashed before deleting them. */
function liveSegments(dir: string): number[] {
  const numbers = segmentNumbers(dir);
  let start = 0;
  numbers.forEach((number, index) => {
    if (startsWithSnapshot(path.join(dir, `segment-${String(number).padStart(8, '0')}.jsonl`))) start = index;
  });
  for (const stale of numbers.slice(0, start)) fs.rmSync(path.join(dir, `segment-${String(stale).padStart(8, '0')}.jsonl`));
  return numbers.slice(start);
}

function startsWithSnapshot(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(256);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const firstLine = buffer.subarray(0, read).toString('utf8').split('\n')[0] ?? '';
    return decodeLine(firstLine) === SNAPSHOT_MARKER;
  } finally {
    fs.closeSync(fd);
  }
}

function replaySegment(
  dir: string,
  segment: number,
  isLast: boolean,
  report: RecoveryReport,
  parse: RecordParser,
  onRecord: (record: unknown) => void,
): void {
  const name = `segment-${String(segment).padStart(8, '0')}.jsonl`;
  const file = path.join(dir, name);
  const buffer = fs.readFileSync(file);
  let start = 0;
  let lineNumber = 0;
  while (start < buffer.length) {
    const newline = buffer.indexOf(0x0a, start);
    const end = newline === -1 ? buffer.length : newline;
    lineNumber += 1;
    const record = decodeBytes(buffer, start, end, parse);
    const isFinalLine = newline === -1 || newline === buffer.length - 1;
    // Only the very end of the log can be torn: that write was never
    // acknowledged, so dropping it loses nothing anyone was told about.
    if (isLast && isFinalLine && (newline === -1 || record === DAMAGED)) {
      truncateAt(file, start);
      report.tornTailDropped = true;
      report.warnings.push(`${name}: dropped a torn last record (${end - start} bytes) left by an interrupted write`);
      return;
    }
    if (record === DAMAGED) {
      quarantine(dir, name, lineNumber, buffer.toString('utf8', start, end));
      report.quarantined += 1;
      report.warnings.push(`${name}:${lineNumber}: damaged record moved to quarantine.jsonl`);
    } else if (record !== SNAPSHOT_MARKER) {
      onRecord(record);
    }
    start = end + 1;
  }
}

function truncateAt(file: string, offset: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.ftruncateSync(fd, offset);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function quarantine(dir: string, segment: string, line: number, raw: string): void {
  const entry = JSON.stringify({ segment, line, raw, quarantinedAt: new Date().toISOString() });
  const fd = fs.openSync(path.join(dir, 'quarantine.jsonl'), 'a', 0o600);
  try {
    fs.writeSync(fd, `${entry}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeLeftoverTempFiles(dir: string): void {
  for (const name of fs.readdirSync(dir)) if (name.endsWith('.tmp')) fs.rmSync(path.join(dir, name));
}

function fsyncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
