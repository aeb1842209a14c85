import { describe, expect, it } from 'vitest';
import type { PublicTask, SessionState } from '../../../../shared/ipc/contract';
import { shareUnchanged } from '../../../../renderer/src/stores/session';

function task(taskId: string, leaseExpiresAt = '2026-12-01T12:00:00.000Z'): PublicTask {
  return {
    taskId,
    language: 'en',
    category: 'writing',
    conversation: [{ role: 'user', content: `Prompt of ${taskId}` }],
    responses: [
      { handle: `${taskId}-a`, content: `First answer of ${taskId}` },
      { handle: `${taskId}-b`, content: `Second answer of ${taskId}` },
    ],
    leaseExpiresAt,
    criteria: { criteria: ['correctness'], reasonTags: ['refusal'], rationale: 'optional' },
  };
}

function state(current: PublicTask | null, upcoming: PublicTask | null, remaining = 5): SessionState {
  return { task: current, upcoming, remaining, earliestExpiry: null, expired: 0, recent: [] };
}

describe('session state from main, shared with what is on screen', () => {
  it('keeps the previous state object when an update changes nothing', () => {
    const previous = state(task('t1'), task('t2'));
    expect(shareUnchanged(previous, state(task('t1'), task('t2')))).toBe(previous);
  });

  it('keeps task objects that did not change, including the upcoming task that became current', () => {
    const previous = state(task('t1'), task('t2'));
    const next = shareUnchanged(previous, state(task('t2'), task('t3'), 4));
    expect(next.task).toBe(previous.upcoming);
    expect(next.upcoming?.taskId).toBe('t3');
    expect(next.remaining).toBe(4);
  });

  it('takes the new task when its lease was renewed, and any new recent votes', () => {
    const previous = state(task('t1'), null);
    const renewed = task('t1', '2026-12-01T13:00:00.000Z');
    const recent = [{ voteId: 'v1', taskId: 't0', choice: 'first' as const, votedAt: '2026-12-01T11:00:00.000Z', state: 'unsealed' as const, editable: true, rejectReason: null, reveal: null }];
    const next = shareUnchanged(previous, { ...state(renewed, null), recent });
    expect(next.task).toBe(renewed);
    expect(next.recent).toBe(recent);
  });
});
