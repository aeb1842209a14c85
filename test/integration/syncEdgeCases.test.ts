import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { systemTimers } from '../../electron/main/ports';
import { API_VERSION } from '../../shared/protocol/health';
import { startDemoBackend, type DemoBackend } from '../support/backend';
import { castVotes, startTestClient, type TestClient } from '../support/client';
import { startTestHttpServer, type TestHttpServer } from '../support/httpServer';
import { votesOf } from '../support/serverDb';

const DAY_MS = 86_400_000;
let backend: DemoBackend | null = null;
let fake: TestHttpServer | null = null;
let client: TestClient | null = null;

afterEach(async () => {
  client?.services.stop();
  await backend?.server.close();
  await fake?.close();
  backend = fake = client = null;
});

async function settled(target: TestClient): Promise<void> {
  await expect.poll(() => target.services.journal.pendingCount(), { timeout: 20_000, interval: 100 }).toBe(0);
}

describe('a rater whose clock is a day off', () => {
  it.each([
    ['ahead', DAY_MS],
    ['behind', -DAY_MS],
  ])('signs in, leases, refreshes short-lived tokens and delivers votes with the clock a day %s', async (_name, skew) => {
    backend = await startDemoBackend({ accessTtlMs: 2_000 });
    client = await startTestClient(backend.server.url, {
      timers: { ...systemTimers, now: () => Date.now() + skew },
      syncOptions: { sealGraceMs: 0 },
    });
    const { email, password } = backend.password('rater1');
    expect(await client.call('auth.signIn', { serverUrl: backend.server.url, email, password })).toMatchObject({ ok: true });
    await expect.poll(async () => (await client!.call('session.getState')).remaining, { timeout: 15_000 }).toBeGreaterThan(10);
    const state = await client.call('session.getState');
    // Leases are judged on the server's clock: none of them looks expired.
    expect(state.expired).toBe(0);
    const first = await castVotes(client, 3);
    await settled(client);
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // the access token has expired by now
    const second = await castVotes(client, 3);
    await settled(client);
    expect(votesOf(backend.dataDir, email).map((vote) => vote.id).sort()).toEqual([...first, ...second].sort());
    expect(Math.abs(client.services.journal.get(first[0]!)!.vote.clockOffsetMs + skew)).toBeLessThan(5_000);
  }, 60_000);
});

describe('a session that ends while votes wait', () => {
  it('keeps every pending vote, asks to sign in again, and sends them after', async () => {
    backend = await startDemoBackend({ accessTtlMs: 1_000, refreshTtlMs: 1_500 });
    client = await startTestClient(backend.server.url, { syncOptions: { sealGraceMs: 0 } });
    const { email, password } = backend.password('rater1');
    await client.call('auth.signIn', { serverUrl: backend.server.url, email, password });
    await expect.poll(async () => (await client!.call('session.getState')).remaining, { timeout: 15_000 }).toBeGreaterThan(5);
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // both tokens are dead now
    const ids = await castVotes(client, 4);
    await expect.poll(() => client!.services.sync.status().state, { timeout: 10_000 }).toBe('auth_required');
    expect((await client.call('auth.getState')).status).toBe('reauth_required');
    expect(client.services.journal.pendingCount()).toBe(4);
    expect(await client.call('auth.signIn', { serverUrl: backend.server.url, email, password })).toMatchObject({ ok: true });
    await settled(client);
    expect(votesOf(backend.dataDir, email).map((vote) => vote.id).sort()).toEqual([...ids].sort());
  }, 60_000);
});

type PushMode = 'wrong_schema' | 'huge_body' | 'invalid_json' | 'html_error';

/** A server that is fine until votes are pushed, then answers with `mode`. The real server never does; this one exists to be wrong. */
async function hostileServer(mode: PushMode): Promise<TestHttpServer> {
  const now = () => new Date().toISOString();
  const task = (id: number) => ({
    taskId: `t${id}`,
    ticket: `ticket-${id}`,
    language: 'en',
    category: 'writing',
    conversation: [{ role: 'user', content: 'Prompt' }],
    responses: [
      { handle: 'a', content: 'A' },
      { handle: 'b', content: 'B' },
    ],
    leaseExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    criteria: { criteria: [], reasonTags: [], rationale: 'off' },
  });
  const json = (response: http.ServerResponse, body: unknown) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  return startTestHttpServer((request, response) => {
    const url = request.url ?? '';
    if (url === '/v1/health') return json(response, { status: 'ok', apiVersion: API_VERSION, serverTime: now() });
    if (url === '/v1/auth/login') {
      const account = { id: 'r1', email: 'r@x.example', displayName: 'R', role: 'rater', profile: { country: null, ageBand: null, education: null, languages: [], specialties: [] } };
      return json(response, { accessToken: 'a', accessExpiresAt: new Date(Date.now() + 3_600_000).toISOString(), refreshToken: 'r', refreshExpiresAt: new Date(Date.now() + 3_600_000).toISOString(), account });
    }
    if (url.startsWith('/v1/tasks')) return json(response, { tasks: [1, 2, 3, 4, 5].map(task), serverTime: now() });
    if (mode === 'wrong_schema') return json(response, { lastSeq: 'many', results: [{ id: 1 }], serverTime: now() });
    if (mode === 'huge_body') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(`{"results":"${'x'.repeat(20 * 1024 * 1024)}"}`);
    }
    if (mode === 'invalid_json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end('{"lastSeq": 3, "results": [');
    }
    response.writeHead(502, { 'content-type': 'text/html' });
    response.end('<html><body>Bad gateway</body></html>');
  });
}

describe('a broken or hostile server', () => {
  it.each<[PushMode, RegExp]>([
    ['wrong_schema', /breaks the contract/],
    ['huge_body', /maxContentLength|exceeded/i],
    ['invalid_json', /breaks the contract/],
    ['html_error', /HTTP 502/],
  ])('answering pushes with %s: a clear error, every vote kept, main keeps working', async (mode, message) => {
    fake = await hostileServer(mode);
    client = await startTestClient(fake.url, { syncOptions: { sealGraceMs: 0, backoff: { baseMs: 50, capMs: 200 } } });
    expect(await client.call('auth.signIn', { serverUrl: fake.url, email: 'r@x.example', password: 'p' })).toMatchObject({ ok: true });
    await expect.poll(async () => (await client!.call('session.getState')).remaining, { timeout: 10_000 }).toBe(5);
    await castVotes(client, 3);
    await expect.poll(() => client!.services.sync.status().lastError ?? '', { timeout: 10_000 }).toMatch(message);
    expect(client.services.sync.status().state).not.toBe('idle');
    expect(client.services.journal.pendingCount()).toBe(3);
    expect((await client.call('app.getInfo')).name).toBe('Verdict');
  }, 30_000);
});
