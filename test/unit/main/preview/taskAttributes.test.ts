import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TaskAttributes } from '../../../../electron/main/services/preview/taskAttributes';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-task-segments-'));
const quiet = () => undefined;

describe('task segments remembered for own votes', () => {
  it('remembers the language and category of a task shown, across a restart', () => {
    const dir = tempDir();
    const attributes = new TaskAttributes(dir, new Set(), quiet);
    attributes.remember('t1', { language: 'de', category: 'code' });
    attributes.remember('t1', { language: 'de', category: 'code' });
    expect(fs.readFileSync(path.join(dir, 'task-segments.jsonl'), 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
    expect(new TaskAttributes(dir, new Set(['t1']), quiet).get('t1')).toEqual({ language: 'de', category: 'code' });
  });

  it('skips a torn last line after a crash and says so', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'task-segments.jsonl'), '{"taskId":"a","language":"en","category":"math"}\n{"taskId":"b","lang');
    const messages: string[] = [];
    const attributes = new TaskAttributes(dir, new Set(['a', 'b']), (message) => messages.push(message));
    expect(attributes.get('a')).toEqual({ language: 'en', category: 'math' });
    expect(attributes.get('b')).toBeUndefined();
    expect(messages[0]).toMatch(/1 unreadable line/);
  });

  it('forgets at start the tasks never voted on, except the newest (still queued) ones', () => {
    const dir = tempDir();
    const lines = Array.from({ length: 1_100 }, (_, i) => JSON.stringify({ taskId: `t${i}`, language: 'en', category: 'c' }));
    fs.writeFileSync(path.join(dir, 'task-segments.jsonl'), `${lines.join('\n')}\n`);
    const attributes = new TaskAttributes(dir, new Set(['t0', 't5']), quiet);
    expect(attributes.get('t0')).toBeDefined();
    expect(attributes.get('t1')).toBeUndefined();
    expect(attributes.get('t5')).toBeDefined();
    expect(attributes.get('t1099')).toBeDefined();
    expect(fs.readFileSync(path.join(dir, 'task-segments.jsonl'), 'utf8').split('\n').filter(Boolean)).toHaveLength(1_002);
  });
});
