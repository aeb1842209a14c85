import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAxiosHttp } from '../../electron/main/adapters/axiosHttp';
import { createFileTokenVault } from '../../electron/main/adapters/fileTokenVault';
import { createJsonFileStore } from '../../electron/main/adapters/jsonFileStore';
import { createMainServices, type MainServices } from '../../electron/main/composeServices';
import { systemTimers } from '../../electron/main/ports';
import type { InvokeChannel, InvokeResult, SessionState } from '../../shared/ipc/contract';
import { startDemoBackend, type DemoBackend } from '../support/backend';

let backend: DemoBackend;
let services: MainServices;
let dataDir: string;

async function call<C extends InvokeChannel>(channel: C, args: unknown = {}): Promise<InvokeResult<C>> {
  const result = await services.dispatch(channel, args);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as InvokeResult<C>;
}

async function startClient(): Promise<MainServices> {
  return createMainServices({
    appInfo: { name: 'Verdict', version: '0.1.0', host: 'web', platform: 'linux', systemLanguages: [], developerLocales: false },
    backendUrl: backend.server.url,
    dataDir,
    http: createAxiosHttp(),
    preferencesStore: createJsonFileStore(path.join(dataDir, 'preferences.json')),
    tokenVault: createFileTokenVault(path.join(dataDir, 'session.json')),
    links: { confirmAndOpen: async () => false },
    timers: systemTimers,
  });
}

async function waitForTasks(): Promise<SessionState> {
  await expect.poll(async () => (await call('session.getState')).remaining, { timeout: 15_000 }).toBeGreaterThan(0);
  return call('session.getState');
}

beforeAll(async () => {
  backend = await startDemoBackend();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-client-'));
  services = await startClient();
}, 120_000);

afterAll(async () => {
  services.stop();
  await backend.server.close();
});

describe('a rating session against the real reference server', () => {
  it('explains a wrong password and an unreachable server', async () => {
    const { email } = backend.password('rater1');
    expect(await call('auth.signIn', { serverUrl: backend.server.url, email, password: 'wrong' })).toMatchObject({
      ok: false,
      failure: { reason: 'wrong_credentials' },
    });
    expect(await call('auth.signIn', { serverUrl: 'http://127.0.0.1:9', email, password: 'x' })).toMatchObject({
      ok: false,
      failure: { reason: 'unreachable' },
    });
    expect(await call('auth.signIn', { serverUrl: 'javascript:alert(1)', email, password: 'x' })).toMatchObject({
      ok: false,
      failure: { reason: 'invalid_server_url' },
    });
  });

  it('refuses to send a password over plain http to any machine but this one', async () => {
    const { email, password } = backend.password('rater1');
    for (const serverUrl of ['http://verdict.example', 'http://10.0.0.5:8787', 'http://127.0.0.1.evil.example']) {
      expect(await call('auth.signIn', { serverUrl, email, password })).toMatchObject({ ok: false, failure: { reason: 'insecure_server_url' } });
    }
  });

  it('signs in, keeps the tokens out of every answer, and leases tasks ahead', async () => {
    const { email, password } = backend.password('rater1');
    const result = await call('auth.signIn', { serverUrl: backend.server.url, email, password });
    expect(result).toMatchObject({ ok: true, state: { status: 'signed_in', account: { role: 'rater' } } });
    expect(JSON.stringify(result)).not.toMatch(/accessToken|refreshToken/);
    const state = await waitForTasks();
    expect(state.task).not.toBeNull();
    expect(JSON.stringify(state)).not.toContain('ticket');
    expect(state.task?.responses).toHaveLength(2);
  });

  it('journals a vote, delivers it, and shows the server’s reveal', async () => {
    const state = await waitForTasks();
    const task = state.task!;
    const { voteId } = await call('session.vote', {
      taskId: task.taskId,
      choice: 'first',
      activeMs: 15_000,
      shownAt: new Date(Date.now() - 15_000).toISOString(),
    });
    expect(services.journal.get(voteId)?.state).toBe('unsealed');
    await expect
      .poll(async () => (await call('session.getState')).recent.find((vote) => vote.voteId === voteId)?.state, { timeout: 15_000 })
      .toBe('accepted');
    const recent = (await call('session.getState')).recent.find((vote) => vote.voteId === voteId);
    expect(recent?.reveal?.first).toEqual(expect.any(String));
    expect((await call('sync.getStatus')).pending).toBe(0);
    // The vote said what was on screen first (responses[0]), and the server kept the model it was.
    const row = (await backend.server.context.db.one('SELECT shown_first, swapped FROM votes WHERE id = ?', [voteId])) as { shown_first: string; swapped: number };
    expect(row.shown_first).toBe(row.swapped ? 'b' : 'a');
  });

  it('lets a rater undo a vote before it is sent, putting the same task back in front', async () => {
    const before = await waitForTasks();
    const { voteId } = await call('session.vote', {
      taskId: before.task!.taskId,
      choice: 'tie',
      activeMs: 9_000,
      shownAt: new Date().toISOString(),
    });
    const after = await call('session.undo', { voteId });
    expect(after.task?.taskId).toBe(before.task?.taskId);
    expect(services.journal.get(voteId)).toBeUndefined();
  });

  it('refuses to vote twice on the same task', async () => {
    const state = await waitForTasks();
    const vote = { taskId: state.task!.taskId, choice: 'second', activeMs: 9_000, shownAt: new Date().toISOString() };
    await call('session.vote', vote);
    const again = await services.dispatch('session.vote', vote);
    expect(again).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('keeps pending votes and the queue across a restart of the client', async () => {
    await services.sync.settle();
    const remaining = (await call('session.getState')).remaining;
    services.stop();
    services = await startClient();
    expect((await call('auth.getState')).status).toBe('signed_in');
    expect((await call('session.getState')).remaining).toBeGreaterThanOrEqual(remaining - 1);
  });

  it('gives a second account its own journal and queue; the first one’s waiting vote goes out when it returns', async () => {
    const rater1 = backend.password('rater1');
    const rater2 = backend.password('rater2');
    const before = await waitForTasks();
    // A vote inside the undo grace is still waiting when the other account signs in.
    await call('session.vote', { taskId: before.task!.taskId, choice: 'tie', activeMs: 5_000, shownAt: new Date().toISOString() });
    expect((await call('sync.getStatus')).pending).toBeGreaterThan(0);
    expect(await call('auth.signIn', { serverUrl: backend.server.url, ...rater2 })).toMatchObject({ ok: true });
    const other = await waitForTasks();
    expect((await call('sync.getStatus')).pending).toBe(0);
    expect(other.recent).toEqual([]);
    const rater2Vote = await call('session.vote', { taskId: other.task!.taskId, choice: 'first', activeMs: 5_000, shownAt: new Date().toISOString() });
    await expect.poll(async () => (await call('sync.now')).pending, { timeout: 15_000 }).toBe(0);
    expect(rater2Vote.voteId).toBeTruthy();

    expect(await call('auth.signIn', { serverUrl: backend.server.url, ...rater1 })).toMatchObject({ ok: true });
    expect((await call('session.getState')).recent.length).toBeGreaterThan(0);
    await expect.poll(async () => (await call('sync.now')).pending, { timeout: 15_000 }).toBe(0);
  });

  it('signs out and wipes the stored tokens', async () => {
    const state = await call('auth.signOut');
    expect(state.status).toBe('signed_out');
    expect(fs.existsSync(path.join(dataDir, 'session.json'))).toBe(false);
  });
});
