import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/protocol/tasks';
import { TaskCache } from '../../../electron/main/services/tasks/taskCache';

function task(taskId: string, expiresInMs = 3_600_000): Task {
  return {
    taskId,
    ticket: `ticket-${taskId}`,
    language: 'en',
    category: 'writing',
    conversation: [{ role: 'user', content: 'Prompt' }],
    responses: [
      { handle: 'a', content: 'A' },
      { handle: 'b', content: 'B' },
    ],
    leaseExpiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    criteria: { criteria: [], reasonTags: [], rationale: 'off' },
  };
}

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-tasks-')), 'tasks.json');
}

describe('the task cache', () => {
  it('queues leased tasks in order, ignoring ones it already has', () => {
    const cache = new TaskCache(tempFile());
    expect(cache.add([task('a'), task('b')])).toBe(2);
    expect(cache.add([task('b'), task('c')])).toBe(1);
    expect(cache.current()?.taskId).toBe('a');
    expect(cache.count()).toBe(3);
  });

  it('survives a restart', () => {
    const file = tempFile();
    new TaskCache(file).add([task('a'), task('b')]);
    expect(new TaskCache(file).count()).toBe(2);
  });

  it('puts the very task of an undone vote back in front, same ticket', () => {
    const cache = new TaskCache(tempFile());
    cache.add([task('a'), task('b')]);
    cache.markVoted('a', 'vote-1');
    expect(cache.current()?.taskId).toBe('b');
    expect(cache.restore('vote-1')?.ticket).toBe('ticket-a');
    expect(cache.current()?.taskId).toBe('a');
  });

  it('writes the queue after a vote once flushed (lazily otherwise)', () => {
    const file = tempFile();
    const cache = new TaskCache(file);
    cache.add([task('a'), task('b')]);
    cache.markVoted('a', 'vote-1');
    cache.flush();
    expect(new TaskCache(file).current()?.taskId).toBe('b');
  });

  it('reports how many remain and the earliest lease expiry, counting expired leases', () => {
    const cache = new TaskCache(tempFile());
    cache.add([task('a', 60_000), task('b', -1_000), task('c', 120_000)]);
    const summary = cache.summary(Date.now());
    expect(summary).toMatchObject({ remaining: 3, expired: 1 });
    expect(Date.parse(summary.earliestExpiry!)).toBeLessThan(Date.now());
  });

  it('drops expired leases only when asked (online, when the server can re-offer them)', () => {
    const cache = new TaskCache(tempFile());
    cache.add([task('a', -1_000), task('b')]);
    expect(cache.dropExpired(Date.now())).toBe(1);
    expect(cache.current()?.taskId).toBe('b');
  });

  it('drops unreadable tasks from a damaged file and keeps the rest', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ version: 1, tasks: [task('a'), { taskId: 'broken' }], undoable: [] }));
    const warnings: string[] = [];
    const cache = new TaskCache(file, (message) => warnings.push(message));
    expect(cache.count()).toBe(1);
    expect(warnings[0]).toMatch(/unreadable task/);
  });
});
