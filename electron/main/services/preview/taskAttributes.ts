import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomicFile';

export interface TaskSegment {
  language: string;
  category: string;
}

/** Tasks not voted on are forgotten at the next start, except this many most recent ones (still queued). */
const KEEP_UNVOTED = 1_000;

/**
 * Remembers the language and category of every task shown on this installation, so the
 * rater's own votes can be placed in a slice later: the journal keeps only the task id, and
 * the task cache drops a task once it is voted on. An append-only JSON-lines file, no fsync:
 * losing the last lines in a crash only leaves a few votes unattributed. It is rewritten at
 * start with only the tasks that were voted on (plus the newest ones, likely still queued).
 */
export class TaskAttributes {
  private readonly known = new Map<string, TaskSegment>();
  private readonly file: string;

  constructor(dir: string, votedTaskIds: ReadonlySet<string>, log: (message: string) => void) {
    this.file = path.join(dir, 'task-segments.jsonl');
    this.load(log);
    this.compact(votedTaskIds);
  }

  get(taskId: string): TaskSegment | undefined {
    return this.known.get(taskId);
  }

  remember(taskId: string, segment: TaskSegment): void {
    const current = this.known.get(taskId);
    if (current && current.language === segment.language && current.category === segment.category) return;
    this.known.set(taskId, { language: segment.language, category: segment.category });
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    fs.appendFileSync(this.file, `${JSON.stringify({ taskId, ...segment })}\n`, { mode: 0o600 });
  }

  private load(log: (message: string) => void): void {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return;
    }
    let damaged = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      const entry = parseLine(line);
      if (entry) this.known.set(entry.taskId, { language: entry.language, category: entry.category });
      else damaged += 1;
    }
    if (damaged > 0) log(`preview: ${damaged} unreadable line(s) in ${this.file} skipped`);
  }

  private compact(voted: ReadonlySet<string>): void {
    const entries = [...this.known];
    const recent = new Set(entries.slice(-KEEP_UNVOTED).map(([taskId]) => taskId));
    const kept = entries.filter(([taskId]) => voted.has(taskId) || recent.has(taskId));
    if (kept.length === entries.length) return;
    this.known.clear();
    for (const [taskId, segment] of kept) this.known.set(taskId, segment);
    const text = kept.map(([taskId, segment]) => JSON.stringify({ taskId, ...segment })).join('\n');
    writeFileAtomic(this.file, kept.length ? `${text}\n` : '');
  }
}

function parseLine(line: string): ({ taskId: string } & TaskSegment) | null {
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    const { taskId, language, category } = value;
    if (typeof taskId === 'string' && typeof language === 'string' && typeof category === 'string') return { taskId, language, category };
  } catch {
    // fall through: a torn last line after a crash
  }
  return null;
}
