import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../shared/protocol/errors';
import type { Task } from '../../../shared/protocol/tasks';
import { call, lease, login, startTestServer, voteFor, type Reply, type TestServer } from './helpers';

describe('bad input gets a clear 4xx and stores nothing', () => {
  let t: TestServer;
  let token: string;
  let task: Task;
  const installationId = crypto.randomUUID();
  let votesBefore: number;

  const votesStored = async () => Number((await t.server.context.db.one('SELECT COUNT(*) AS n FROM votes'))?.n);
  const pushRaw = (raw: string, headers: Record<string, string> = {}) =>
    call(t.url, 'POST', '/v1/votes/push', { token, raw, headers });
  const pushBody = (body: unknown) => call(t.url, 'POST', '/v1/votes/push', { token, body });

  function expectError(reply: Reply, status: number, code: string, message?: RegExp): void {
    expect(reply.status).toBe(status);
    const body = ErrorBody.parse(reply.body);
    expect(body.error.code).toBe(code);
    if (message) expect(body.error.message).toMatch(message);
  }

  beforeAll(async () => {
    t = await startTestServer();
    token = (await login(t.url, t.accounts.rater1)).accessToken;
    task = (await lease(t.url, token, 1))[0] as Task;
    votesBefore = await votesStored();
  });
  afterAll(async () => {
    // None of the requests below may have stored a vote or opened a cursor.
    expect(await votesStored()).toBe(votesBefore);
    expect(
      (await t.server.context.db.one('SELECT COUNT(*) AS n FROM installations WHERE id = ?', [installationId]))?.n,
    ).toBe(0);
    await t.close();
  });

  it('malformed JSON → 400 invalid_json', async () => {
    expectError(await pushRaw('{"installationId": "x", "votes": [}'), 400, 'invalid_json', /not valid JSON/);
  });

  it('an empty JSON body → 400 invalid_json', async () => {
    expectError(await pushRaw(''), 400, 'invalid_json');
  });

  it('a body that is not JSON at all → 415', async () => {
    expectError(
      await pushRaw('votes=1', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupported_media_type',
    );
  });

  it('a JSON body sent as text/plain (fetch with a string body) → 415, not validation_failed', async () => {
    expectError(
      await pushRaw(JSON.stringify({ installationId, votes: [] }), { 'content-type': 'text/plain;charset=UTF-8' }),
      415,
      'unsupported_media_type',
      /application\/json/,
    );
  });

  it('prototype-poisoning keys → 400', async () => {
    expectError(
      await pushRaw(`{"installationId":"${installationId}","votes":[],"__proto__":{"admin":true}}`),
      400,
      'invalid_json',
    );
  });

  it('wrong types → 400 validation_failed naming the field', async () => {
    expectError(
      await call(t.url, 'POST', '/v1/tasks/lease', { token, body: { count: '5' } }),
      400,
      'validation_failed',
      /count/,
    );
    const vote = { ...voteFor(task, 1), seq: 'one' };
    expectError(await pushBody({ installationId, votes: [vote] }), 400, 'validation_failed', /seq/);
  });

  it('unknown fields → 400, at any depth', async () => {
    expectError(
      await call(t.url, 'POST', '/v1/tasks/lease', { token, body: { count: 1, priority: 'high' } }),
      400,
      'validation_failed',
      /priority/,
    );
    const vote = { ...voteFor(task, 1), modelName: 'GPT 4' };
    expectError(await pushBody({ installationId, votes: [vote] }), 400, 'validation_failed', /modelName/);
    expectError(await call(t.url, 'GET', '/v1/leaderboard?colour=red', { token }), 400, 'validation_failed', /colour/);
  });

  it('out-of-range values → 400', async () => {
    expectError(await call(t.url, 'POST', '/v1/tasks/lease', { token, body: { count: 51 } }), 400, 'validation_failed');
    const long = voteFor(task, 1, { rationale: 'x'.repeat(5001) });
    expectError(await pushBody({ installationId, votes: [long] }), 400, 'validation_failed', /rationale/);
    const v4 = voteFor(task, 1, { id: crypto.randomUUID() });
    expectError(await pushBody({ installationId, votes: [v4] }), 400, 'validation_failed', /UUID/);
    expectError(await pushBody({ installationId, votes: [] }), 400, 'validation_failed');
  });

  it('votes out of seq order → 400, nothing applied', async () => {
    const votes = [voteFor(task, 2), voteFor(task, 1)];
    expectError(await pushBody({ installationId, votes }), 400, 'validation_failed', /ascending seq/);
  });

  it('a body over the limit → 413', async () => {
    const huge = JSON.stringify({ installationId, votes: [voteFor(task, 1, { rationale: 'y'.repeat(1_100_000) })] });
    expectError(await pushRaw(huge), 413, 'payload_too_large', /limit/);
  });

  it('a paging cursor the server did not issue → 400', async () => {
    const supervisor = (await login(t.url, t.accounts.supervisor)).accessToken;
    const path = '/v1/supervisor/raters/llmfao-worker-58/votes?cursor=not-a-cursor';
    expectError(await call(t.url, 'GET', path, { token: supervisor }), 400, 'validation_failed', /cursor/);
  });

  it('no token → 401, wrong role → 403, unknown route → 404', async () => {
    expectError(
      await call(t.url, 'POST', '/v1/votes/push', { body: { installationId, votes: [voteFor(task, 1)] } }),
      401,
      'unauthorized',
    );
    const supervisor = (await login(t.url, t.accounts.supervisor)).accessToken;
    expectError(
      await call(t.url, 'POST', '/v1/tasks/lease', { token: supervisor, body: { count: 1 } }),
      403,
      'forbidden',
    );
    expectError(await call(t.url, 'GET', '/v1/supervisor/raters', { token }), 403, 'forbidden');
    expectError(await call(t.url, 'GET', '/v1/nothing-here', { token }), 404, 'not_found');
  });
});
