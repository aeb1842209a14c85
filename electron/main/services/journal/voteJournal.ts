import type { Reveal, Vote, VoteResult } from '../../../../shared/protocol/votes';
import { bytesAt, RecordLog, type RecoveryReport } from './recordLog';

/**
 * The rater's votes, durable before anyone is told "saved".
 *
 * Life of a vote: cast (journaled, fsync'd) → sealed (given its seq, about to
 * be pushed) → answered (accepted or rejected by the server). Until a vote is
 * sealed it can still be amended or retracted (undo). Seqs are handed out at
 * sealing, not at casting, so an undo can never leave a gap in the
 * per-installation sequence the server insists on. A sealed vote never
 * changes again: the server may already have it.
 */

/** A vote as the rater cast it; the seq comes later, at sealing. */
export type CastVote = Omit<Vote, 'seq'>;

export type VoteState = 'unsealed' | 'sealed' | 'accepted' | 'rejected';

export interface JournalEntry {
  vote: CastVote;
  seq: number | null;
  state: VoteState;
  result: FinalResult | null;
}

export interface FinalResult {
  status: 'accepted' | 'rejected';
  reason?: string;
  message?: string;
  reveal?: Reveal;
}

type JournalRecord =
  | { t: 'checkpoint'; nextSeq: number }
  | { t: 'cast'; vote: CastVote }
  | { t: 'lazyCast'; entry: LazyEntry }
  | { t: 'amend'; vote: CastVote }
  | { t: 'retract'; id: string }
  | { t: 'seal'; ids: string[]; firstSeq: number }
  | { t: 'result'; id: string; result: FinalResult }
  | { t: 'entry'; entry: JournalEntry };

/**
 * A journaled vote whose JSON is parsed only when someone reads it. Reopening
 * a journal of 100k pending votes then costs a checksum and reading the id
 * per vote instead of a full parse and 100k vote objects; sync and the UI read
 * only the few votes they send or show. The vote stays where it was read, as
 * offsets into the segment's buffer: no copy, no per-vote view.
 */
class LazyEntry implements JournalEntry {
  seq: number | null = null;
  state: VoteState = 'unsealed';
  result: FinalResult | null = null;
  private parsed: CastVote | null = null;
  private knownTaskId: string | null = null;

  constructor(
    readonly id: string,
    private source: Buffer | null,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get vote(): CastVote {
    if (this.parsed === null) {
      this.parsed = (JSON.parse((this.source as Buffer).toString('utf8', this.start, this.end)) as { vote: CastVote }).vote;
      this.source = null;
    }
    return this.parsed;
  }

  set vote(vote: CastVote) {
    this.parsed = vote;
    this.knownTaskId = null;
    this.source = null;
  }

  /** The task id, read from the bytes by position when the vote is not parsed (see parseJournalRecord). */
  get taskId(): string {
    if (this.parsed !== null) return this.parsed.taskId;
    this.knownTaskId ??= this.taskIdFromBytes() ?? this.vote.taskId;
    return this.knownTaskId;
  }

  private taskIdFromBytes(): string | null {
    const source = this.source as Buffer;
    const taskStart = this.start + TASK_ID_OFFSET;
    const taskEnd = source.indexOf(QUOTE, taskStart);
    if (taskEnd <= taskStart || taskEnd >= this.end || source.subarray(taskStart, taskEnd).indexOf(BACKSLASH) !== -1) return null;
    return source.toString('utf8', taskStart, taskEnd);
  }
}

const CAST_PREFIX = Buffer.from('{"t":"cast","vote":{"id":"');
const TASK_KEY = Buffer.from('","taskId":"');
const UUID_LENGTH = 36;
const TASK_ID_OFFSET = CAST_PREFIX.length + UUID_LENGTH + TASK_KEY.length;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Record parser for replay, given a verified record as bytes [start, end) of
 * `buffer`. Cast records this journal wrote itself start with a fixed prefix,
 * the id (a UUID) and then the taskId, so the id is read by position and the
 * vote is kept, unparsed, for later; anything else is parsed in full.
 */
export function parseJournalRecord(buffer: Buffer, start: number, end: number): JournalRecord {
  const idStart = start + CAST_PREFIX.length;
  const isCast =
    end - start > TASK_ID_OFFSET && bytesAt(buffer, start, CAST_PREFIX) && bytesAt(buffer, idStart + UUID_LENGTH, TASK_KEY);
  if (isCast) return { t: 'lazyCast', entry: new LazyEntry(buffer.toString('latin1', idStart, idStart + UUID_LENGTH), buffer, start, end) };
  return JSON.parse(buffer.toString('utf8', start, end)) as JournalRecord;
}

export class JournalError extends Error {
  override name = 'JournalError';
}

export interface OpenedJournal {
  journal: VoteJournal;
  report: RecoveryReport;
}

export class VoteJournal {
  private readonly entries = new Map<string, JournalEntry>();
  private nextSeq = 1;
  private resultsSinceCompaction = 0;

  /** Set right after replay, before the journal is handed out. */
  private log!: RecordLog;

  private constructor(private readonly compactAfterResults: number) {}

  static open(dir: string, options: { compactAfterResults?: number; segmentBytes?: number } = {}): OpenedJournal {
    const journal = new VoteJournal(options.compactAfterResults ?? 2_000);
    const skipped: string[] = [];
    // Records are applied as they stream off disk, so replay never holds them all at once.
    const { log, report } = RecordLog.open<JournalRecord>(dir, {
      ...options,
      parse: parseJournalRecord,
      onRecord: (record) => journal.replay(record, skipped),
    });
    report.warnings.push(...skipped);
    journal.log = log;
    // Damaged lines were copied to quarantine; rewriting the log keeps them from being reported on every start.
    if (report.quarantined > 0) journal.compact();
    return { journal, report };
  }

  cast(vote: CastVote): JournalEntry {
    if (this.entries.has(vote.id)) throw new JournalError(`vote ${vote.id} is already in the journal`);
    this.log.append([{ t: 'cast', vote }]);
    return this.apply({ t: 'cast', vote }) as JournalEntry;
  }

  amend(vote: CastVote): JournalEntry {
    this.requireUnsealed(vote.id);
    this.log.append([{ t: 'amend', vote }]);
    return this.apply({ t: 'amend', vote }) as JournalEntry;
  }

  retract(id: string): void {
    this.requireUnsealed(id);
    this.log.append([{ t: 'retract', id }]);
    this.apply({ t: 'retract', id });
  }

  /**
   * Gives the oldest unsealed votes (cast no later than `castBefore`, so a
   * rater keeps a moment to undo) their seqs and returns them, durable.
   */
  seal(limit: number, castBefore: number = Number.POSITIVE_INFINITY): Vote[] {
    const ids: string[] = [];
    for (const entry of this.entries.values()) {
      if (ids.length >= limit) break;
      if (entry.state === 'unsealed' && Date.parse(entry.vote.votedAt) <= castBefore) ids.push(entry.vote.id);
    }
    if (ids.length === 0) return [];
    const record: JournalRecord = { t: 'seal', ids, firstSeq: this.nextSeq };
    this.log.append([record]);
    this.apply(record);
    return ids.map((id) => this.withSeq(this.entries.get(id) as JournalEntry));
  }

  /** Sealed votes without an answer yet, in seq order: what a push must send first. */
  sealedUnanswered(limit = Number.POSITIVE_INFINITY): Vote[] {
    const sealed = [...this.entries.values()].filter((entry) => entry.state === 'sealed');
    return sealed
      .sort((a, b) => (a.seq as number) - (b.seq as number))
      .slice(0, limit)
      .map((entry) => this.withSeq(entry));
  }

  /** Records the server's answers; a duplicate counts as what the first delivery got. */
  recordResults(results: readonly VoteResult[]): JournalEntry[] {
    const records: JournalRecord[] = [];
    for (const result of results) {
      const entry = this.entries.get(result.id);
      if (!entry || entry.state !== 'sealed') continue;
      records.push({ t: 'result', id: result.id, result: finalResultOf(result) });
    }
    if (records.length === 0) return [];
    this.log.append(records);
    const updated = records.map((record) => this.apply(record) as JournalEntry);
    this.resultsSinceCompaction += records.length;
    if (this.resultsSinceCompaction >= this.compactAfterResults) this.compact();
    return updated;
  }

  get(id: string): JournalEntry | undefined {
    return this.entries.get(id);
  }

  /** The newest `count` votes, newest first. */
  latest(count: number): JournalEntry[] {
    const latest: JournalEntry[] = [];
    for (const entry of this.entries.values()) {
      latest.push(entry);
      if (latest.length > count) latest.shift();
    }
    return latest.reverse();
  }

  /** The tasks that have a vote in the journal (without parsing lazily kept votes). */
  votedTaskIds(): Set<string> {
    const taskIds = new Set<string>();
    for (const entry of this.entries.values()) taskIds.add(entry instanceof LazyEntry ? entry.taskId : entry.vote.taskId);
    return taskIds;
  }

  /** Every vote, in the order it was cast. */
  all(): JournalEntry[] {
    return [...this.entries.values()];
  }

  pendingCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.state === 'unsealed' || entry.state === 'sealed') count += 1;
    return count;
  }

  /** Rewrites the log as the current state only, dropping superseded records. */
  compact(): void {
    const snapshot: JournalRecord[] = [{ t: 'checkpoint', nextSeq: this.nextSeq }];
    for (const entry of this.entries.values()) snapshot.push({ t: 'entry', entry: compactEntry(entry) });
    this.log.compact(snapshot);
    this.resultsSinceCompaction = 0;
  }

  close(): void {
    this.log.close();
  }

  private requireUnsealed(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) throw new JournalError(`vote ${id} is not in the journal`);
    if (entry.state !== 'unsealed') throw new JournalError(`vote ${id} was already sent and can no longer change`);
  }

  private withSeq(entry: JournalEntry): Vote {
    return { ...entry.vote, seq: entry.seq as number };
  }

  private replay(record: JournalRecord, warnings: string[]): void {
    try {
      this.apply(record);
    } catch (error) {
      warnings.push(`journal record skipped: ${(error as Error).message}`);
    }
  }

  /** The one place state changes: used live and during replay, so both agree. */
  private apply(record: JournalRecord): JournalEntry | undefined {
    switch (record.t) {
      case 'checkpoint':
        this.nextSeq = Math.max(this.nextSeq, record.nextSeq);
        return undefined;
      case 'cast': {
        const entry: JournalEntry = { vote: record.vote, seq: null, state: 'unsealed', result: null };
        this.entries.set(record.vote.id, entry);
        return entry;
      }
      case 'lazyCast':
        this.entries.set(record.entry.id, record.entry);
        return record.entry;
      case 'amend': {
        const entry = this.entries.get(record.vote.id);
        if (!entry || entry.state !== 'unsealed') throw new JournalError(`amend of ${record.vote.id} without an unsealed vote`);
        entry.vote = record.vote;
        return entry;
      }
      case 'retract':
        this.entries.delete(record.id);
        return undefined;
      case 'seal':
        record.ids.forEach((id, index) => {
          const entry = this.entries.get(id);
          if (!entry) throw new JournalError(`seal of unknown vote ${id}`);
          entry.seq = record.firstSeq + index;
          entry.state = 'sealed';
        });
        this.nextSeq = Math.max(this.nextSeq, record.firstSeq + record.ids.length);
        return undefined;
      case 'result': {
        const entry = this.entries.get(record.id);
        if (!entry) throw new JournalError(`result for unknown vote ${record.id}`);
        entry.state = record.result.status;
        entry.result = record.result;
        return entry;
      }
      case 'entry':
        this.entries.set(record.entry.vote.id, record.entry);
        if (record.entry.seq !== null) this.nextSeq = Math.max(this.nextSeq, record.entry.seq + 1);
        return record.entry;
    }
  }
}

function finalResultOf(result: VoteResult): FinalResult {
  const status = result.status === 'duplicate' ? (result.original ?? 'accepted') : result.status;
  return {
    status,
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.message ? { message: result.message } : {}),
    ...(result.reveal ? { reveal: result.reveal } : {}),
  };
}

/** Answered votes no longer need their ticket (long, and useless once the server decided). */
function compactEntry(entry: JournalEntry): JournalEntry {
  // Built field by field: a LazyEntry's vote is a getter, which spreading would lose.
  const { vote, seq, state, result } = entry;
  const answered = state === 'accepted' || state === 'rejected';
  return { vote: answered ? { ...vote, ticket: '-' } : vote, seq, state, result };
}
