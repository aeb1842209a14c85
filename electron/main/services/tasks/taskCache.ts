import { z } from 'zod';
import { Task } from '../../../../shared/protocol/tasks';
import { readJsonFile, writeFileAtomic } from '../storage/atomicFile';

/**
 * Leased tasks kept on disk, so a rater can work through them offline and
 * after a restart. Tasks are shown in lease order. A voted task leaves the
 * queue but its copy stays in `undoable` (the last few), so undoing a vote can
 * put the very same task (same ticket, same side order) back in front.
 */
const UNDO_DEPTH = 10;

const CacheFile = z.object({
  version: z.literal(1),
  tasks: z.array(z.unknown()),
  undoable: z.array(z.object({ voteId: z.string(), task: z.unknown() })).default([]),
});

export interface TaskCacheSummary {
  remaining: number;
  /** The earliest lease expiry among queued tasks (ISO), or null when the queue is empty. */
  earliestExpiry: string | null;
  expired: number;
}

/** Votes move tasks out of the queue many times a minute; the file follows within this delay. */
const LAZY_SAVE_MS = 1_000;

export class TaskCache {
  private tasks: Task[] = [];
  private undoable: Array<{ voteId: string; task: Task }> = [];
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly filePath: string,
    private readonly warn: (message: string) => void = console.warn,
  ) {
    this.load();
  }

  current(): Task | null {
    return this.tasks[0] ?? null;
  }

  upcoming(): Task | null {
    return this.tasks[1] ?? null;
  }

  has(taskId: string): boolean {
    return this.tasks.some((task) => task.taskId === taskId);
  }

  find(taskId: string): Task | undefined {
    return this.tasks.find((task) => task.taskId === taskId);
  }

  count(): number {
    return this.tasks.length;
  }

  summary(now: number): TaskCacheSummary {
    let earliest: number | null = null;
    let expired = 0;
    for (const task of this.tasks) {
      const expiry = Date.parse(task.leaseExpiresAt);
      if (expiry <= now) expired += 1;
      earliest = earliest === null ? expiry : Math.min(earliest, expiry);
    }
    return { remaining: this.tasks.length, earliestExpiry: earliest === null ? null : new Date(earliest).toISOString(), expired };
  }

  /** Adds newly leased tasks at the end, ignoring ones already queued. */
  add(tasks: readonly Task[]): number {
    const known = new Set(this.tasks.map((task) => task.taskId));
    const fresh = tasks.filter((task) => !known.has(task.taskId));
    if (fresh.length === 0) return 0;
    this.tasks.push(...fresh);
    this.save();
    return fresh.length;
  }

  /**
   * Takes a task out of the queue because it was voted on; keeps it for undo.
   * Saved lazily, off the keystroke's path: the journal is the record of what
   * was voted, and on start the queue drops every task the journal has a vote
   * for, so a crash before this save shows no voted task again.
   */
  markVoted(taskId: string, voteId: string): void {
    const task = this.find(taskId);
    if (!task) return;
    this.tasks = this.tasks.filter((candidate) => candidate.taskId !== taskId);
    this.undoable = [{ voteId, task }, ...this.undoable].slice(0, UNDO_DEPTH);
    this.saveSoon();
  }

  /** Puts the task of an undone vote back in front of the queue. */
  restore(voteId: string): Task | null {
    const entry = this.undoable.find((candidate) => candidate.voteId === voteId);
    if (!entry) return null;
    this.undoable = this.undoable.filter((candidate) => candidate !== entry);
    if (!this.has(entry.task.taskId)) this.tasks.unshift(entry.task);
    this.save();
    return entry.task;
  }

  remove(taskIds: ReadonlySet<string>): void {
    const before = this.tasks.length;
    this.tasks = this.tasks.filter((task) => !taskIds.has(task.taskId));
    if (this.tasks.length !== before) this.save();
  }

  /** Drops leases that expired; only done while online, when the server can hand out fresh ones. */
  dropExpired(now: number): number {
    const before = this.tasks.length;
    this.tasks = this.tasks.filter((task) => Date.parse(task.leaseExpiresAt) > now);
    const dropped = before - this.tasks.length;
    if (dropped) this.save();
    return dropped;
  }

  /** Writes any pending change now (on quit). */
  flush(): void {
    if (this.saveTimer === null) return;
    this.save();
  }

  clear(): void {
    this.tasks = [];
    this.undoable = [];
    this.save();
  }

  private load(): void {
    const parsed = CacheFile.safeParse(readJsonFile(this.filePath, this.warn));
    if (!parsed.success) return;
    this.tasks = parsed.data.tasks.flatMap((raw) => this.validTask(raw));
    this.undoable = parsed.data.undoable.flatMap(({ voteId, task }) => this.validTask(task).map((valid) => ({ voteId, task: valid })));
  }

  private validTask(raw: unknown): Task[] {
    const parsed = Task.safeParse(raw);
    if (parsed.success) return [parsed.data];
    this.warn(`task cache: dropped an unreadable task: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return [];
  }

  private saveSoon(): void {
    this.saveTimer ??= setTimeout(() => this.save(), LAZY_SAVE_MS);
    this.saveTimer.unref?.();
  }

  private save(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    writeFileAtomic(this.filePath, JSON.stringify({ version: 1, tasks: this.tasks, undoable: this.undoable }));
  }
}
