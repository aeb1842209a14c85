import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/ipc/contract';
import type { PublicTask } from '../../../../shared/ipc/contract';
import type { Vote, VoteResult } from '../../../../shared/protocol/votes';
import { ApiError, type ApiCall, type ApiClient } from '../../../../electron/main/services/backend/apiClient';
import { SyncEngine, type SyncDeps } from '../../../../electron/main/services/sync/syncEngine';

/**
 * The sync engine's retry policy, on fakes: a scripted server, a journal of
 * N pending votes, and timers that only fire when the test says so. The
 * random source returns 1, so every wait is the top of its jitter range and
 * the backoff ceiling can be read straight off nextRetryAt.
 */
type Answer = 'ok' | 'network' | 'garbled' | 'http500' | 'http400';

function harness(options: { pending: number; answers: Answer[]; reachable?: boolean; tasks?: number; role?: string }) {
  const timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let now = 1_000_000;
  let nextId = 1;
  let pending = Array.from({ length: options.pending }, (_, i) => ({ id: `v${i + 1}`, seq: i + 1 }) as unknown as Vote);
  let sealed: Vote[] = [];
  const calls: string[] = [];
  const statuses: SyncStatus[] = [];
  const answers = [...options.answers];
  let reachable = options.reachable ?? true;
  let cached = options.tasks ?? 10;

  const api: ApiClient = {
    async call<T>(_base: string, request: ApiCall<T>): Promise<T> {
      calls.push(request.path);
      const answer = answers.shift() ?? 'ok';
      if (answer === 'network') throw new ApiError('network', 'socket hang up');
      if (answer === 'garbled') throw new ApiError('protocol', "the server's answer breaks the contract", 200);
      if (answer === 'http500') throw new ApiError('http', 'HTTP 500', 500);
      if (answer === 'http400') throw new ApiError('http', 'bad', 400, 'validation_failed');
      if (request.path.includes('push')) {
        const body = request.body as { votes: Vote[] };
        const results = body.votes.map((vote) => ({ id: vote.id, seq: vote.seq, status: 'accepted' }) as unknown as VoteResult);
        return { lastSeq: body.votes.at(-1)?.seq ?? 0, results } as T;
      }
      return { tasks: [] } as T;
    },
  };
  const deps: SyncDeps = {
    journal: {
      pendingCount: () => pending.length,
      all: () => [],
      seal: (limit: number) => (sealed = pending.slice(0, limit)),
      sealedUnanswered: () => sealed,
      recordResults: (results: VoteResult[]) => {
        const answered = new Set(results.map((result) => result.id));
        pending = pending.filter((vote) => !answered.has(vote.id));
        sealed = [];
        return results;
      },
      votedTaskIds: () => new Set<string>(),
    } as unknown as SyncDeps['journal'],
    cache: {
      dropExpired: () => 0,
      count: () => cached,
      add: (tasks: PublicTask[]) => ((cached += tasks.length), tasks.length),
    } as unknown as SyncDeps['cache'],
    auth: {
      state: () => ({ status: 'signed_in', account: { role: options.role ?? 'rater' } }),
      accessToken: async () => 'token',
      invalidateAccessToken: () => undefined,
      serverUrl: () => 'http://127.0.0.1:1',
    } as unknown as SyncDeps['auth'],
    api,
    clock: { serverNow: () => now } as unknown as SyncDeps['clock'],
    timers: {
      now: () => now,
      setTimeout: (fn: () => void, ms: number) => {
        const id = nextId++;
        timers.push({ at: now + ms, fn, id });
        return id;
      },
      clearTimeout: (id: unknown) => {
        const index = timers.findIndex((timer) => timer.id === id);
        if (index >= 0) timers.splice(index, 1);
      },
    },
    random: () => 0.999999,
    backendReachable: () => reachable,
    onStatus: (status) => statuses.push(status),
    onDataChanged: () => undefined,
  };
  const engine = new SyncEngine(deps, { installationId: 'i', batchSize: 10, sealGraceMs: 0, leaseTarget: 10 });
  return {
    engine,
    calls,
    statuses,
    last: () => statuses.at(-1) as SyncStatus,
    waitMs: () => Date.parse((statuses.at(-1) as SyncStatus).nextRetryAt ?? '') - now,
    pending: () => pending.length,
    setReachable: (value: boolean) => (reachable = value),
    emptyQueue: () => (cached = 0),
    scheduled: () => timers.map((timer) => timer.at - now),
    /** Fires the earliest timer, moving the clock to it, and waits for the run it starts. */
    async fireNext() {
      timers.sort((a, b) => a.at - b.at);
      const timer = timers.shift();
      if (!timer) throw new Error('nothing scheduled');
      now = timer.at;
      timer.fn();
      await engine.settle();
    },
  };
}

describe('sync after an outage', () => {
  it('resets the backoff after any successful request, so one failure after a delivered batch waits ~1 s, not minutes', async () => {
    const h = harness({ pending: 30, answers: ['network', 'network', 'network', 'ok', 'network'] });
    h.engine.kick();
    await h.engine.settle();
    await h.fireNext();
    await h.fireNext();
    expect(h.waitMs()).toBeGreaterThan(3_000); // third failure in a row: up to 4 s
    await h.fireNext(); // batch 1 delivered, batch 2 fails
    expect(h.pending()).toBe(20);
    expect(h.waitMs()).toBeLessThanOrEqual(1_000);
  });

  it('never waits longer than 30 s, however long the streak', async () => {
    const h = harness({ pending: 5, answers: Array<Answer>(40).fill('http500') });
    h.engine.kick();
    await h.engine.settle();
    for (let i = 0; i < 30; i++) await h.fireNext();
    expect(h.waitMs()).toBeLessThanOrEqual(30_000);
    expect(h.waitMs()).toBeGreaterThan(20_000);
  });

  it('keeps pushing batch after batch while they succeed', async () => {
    const h = harness({ pending: 95, answers: [] });
    h.engine.kick();
    await h.engine.settle();
    expect(h.pending()).toBe(0);
    expect(h.calls.filter((path) => path.includes('push'))).toHaveLength(10);
  });

  it('a vote cast during a backoff wait starts no run and leaves the retry time as it was', async () => {
    const h = harness({ pending: 3, answers: ['network', 'network'] });
    h.engine.kick();
    await h.engine.settle();
    await h.fireNext();
    const retryAt = h.last().nextRetryAt;
    const callsBefore = h.calls.length;
    for (let i = 0; i < 5; i++) h.engine.nudge();
    await h.engine.settle();
    expect(h.calls.length).toBe(callsBefore);
    expect(h.last().nextRetryAt).toBe(retryAt);
    expect(h.scheduled()).toHaveLength(1);
  });

  it('a vote cast while all is well syncs at once', async () => {
    const h = harness({ pending: 1, answers: [] });
    h.engine.nudge();
    await h.engine.settle();
    expect(h.pending()).toBe(0);
  });
});

describe('what the rater is told', () => {
  it('one dropped connection to a live server is a retry, not "offline"', async () => {
    const h = harness({ pending: 1, answers: ['network'] });
    h.engine.kick();
    await h.engine.settle();
    expect(h.last().state).toBe('backing_off');
  });

  it('"offline" when the health monitor also cannot reach the backend', async () => {
    const h = harness({ pending: 1, answers: ['network'], reachable: false });
    h.engine.kick();
    await h.engine.settle();
    expect(h.last().state).toBe('offline');
  });

  it('a truncated or garbled answer is a passing fault, retried like a 5xx', async () => {
    const h = harness({ pending: 1, answers: ['garbled'] });
    h.engine.kick();
    await h.engine.settle();
    expect(h.last().state).toBe('backing_off');
    await h.fireNext();
    expect(h.pending()).toBe(0);
    expect(h.last().state).toBe('idle');
  });

  it('a request the server refuses as invalid is an error, still retried, never dropped', async () => {
    const h = harness({ pending: 1, answers: ['http400'] });
    h.engine.kick();
    await h.engine.settle();
    expect(h.last().state).toBe('error');
    expect(h.scheduled()).toHaveLength(1);
    expect(h.pending()).toBe(1);
  });
});

describe('an account that cannot lease', () => {
  it('a supervisor never asks for tasks, so never sees a lease error', async () => {
    const h = harness({ pending: 0, answers: ['http400'], tasks: 0, role: 'supervisor' });
    h.engine.kick();
    await h.engine.settle();
    expect(h.calls).toEqual([]);
    expect(h.last().state).toBe('idle');
    expect(h.scheduled()).toEqual([]);
  });
});

describe('an empty task queue', () => {
  it('asks the server again in a minute, not after a backoff sized for an outage', async () => {
    const h = harness({ pending: 0, answers: [], tasks: 0 });
    h.engine.kick();
    await h.engine.settle();
    expect(h.last().state).toBe('idle');
    expect(h.scheduled()).toEqual([60_000]);
  });
});
