import { afterEach, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend } from '../support/backend';
import { castVotes, startTestClient, type TestClient } from '../support/client';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { votesOf } from '../support/serverDb';

const VOTES = 1_000;
const SEEDS = (process.env.SYNC_FAULT_SEEDS ?? '11,23,47').split(',').map(Number);

let backend: DemoBackend | null = null;
let proxy: FaultProxy | null = null;
let client: TestClient | null = null;

afterEach(async () => {
  client?.services.stop();
  await proxy?.close();
  await backend?.server.close();
  backend = proxy = client = null;
});

async function pendingReachesZero(target: TestClient, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (target.services.journal.pendingCount() > 0) {
    if (Date.now() > deadline) throw new Error(`still ${target.services.journal.pendingCount()} pending; sync: ${JSON.stringify(target.services.sync.status())}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('exactly-once delivery through a faulty network', () => {
  it.each(SEEDS)(`delivers ${VOTES} votes exactly once under random faults (seed %i)`, async (seed) => {
    backend = await startDemoBackend({ maxOpenLeasesPerRater: 5_000, raterLimit: { burst: 100_000, perSecond: 100_000 } });
    proxy = await startFaultProxy({ target: backend.server.url, seed, rate: 0, slowDripMs: 150 });
    client = await startTestClient(proxy.url, {
      requestTimeoutMs: 1_500,
      random: () => 0.5,
      syncOptions: { leaseTarget: VOTES, sealGraceMs: 0, batchSize: 20, backoff: { baseMs: 20, capMs: 400 } },
    });
    const { email, password } = backend.password('rater1');
    expect(await client.call('auth.signIn', { serverUrl: proxy.url, email, password })).toMatchObject({ ok: true });
    await expect.poll(async () => (await client!.call('session.getState')).remaining, { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(VOTES);

    proxy.setRate(0.3);
    const ids = await castVotes(client, VOTES);
    await pendingReachesZero(client, 120_000);

    const context = `seed ${seed}, faults ${JSON.stringify(proxy.counts)}`;
    const stored = votesOf(backend.dataDir, email);
    expect(stored.length, context).toBe(VOTES);
    expect(new Set(stored.map((vote) => vote.id)), context).toEqual(new Set(ids));
    expect(stored.map((vote) => vote.seq), context).toEqual(Array.from({ length: VOTES }, (_, index) => index + 1));
    const states = client.services.journal.all().map((entry) => entry.state);
    expect(states.every((state) => state === 'accepted'), context).toBe(true);
    expect(Object.values(proxy.counts).reduce((sum, count) => sum + count, 0) - proxy.counts.none, context).toBeGreaterThan(10);
  }, 240_000);
});
