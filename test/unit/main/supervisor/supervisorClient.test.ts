import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AuthRequiredError } from '../../../../electron/main/services/auth/authService';
import { ApiError, type ApiCall, type ApiClient } from '../../../../electron/main/services/backend/apiClient';
import { SupervisorClient, type SupervisorAuth } from '../../../../electron/main/services/supervisor/supervisorClient';
import { createSupervisorService } from '../../../../electron/main/services/supervisor/supervisorService';

interface Sent {
  baseUrl: string;
  request: ApiCall<unknown>;
}

/** An API client that answers from a script, one answer (or error) per call, and records what was sent. */
function scriptedApi(answers: Array<unknown | Error>): ApiClient & { sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    async call<T>(baseUrl: string, request: ApiCall<T>): Promise<T> {
      sent.push({ baseUrl, request: request as ApiCall<unknown> });
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return request.schema.parse(answer);
    },
  };
}

function auth(overrides: Partial<SupervisorAuth> = {}): SupervisorAuth & { invalidated: number } {
  let token = 0;
  const state = {
    invalidated: 0,
    serverUrl: () => 'http://127.0.0.1:9',
    accessToken: async () => `token-${++token}`,
    invalidateAccessToken: () => {
      state.invalidated += 1;
    },
    ...overrides,
  };
  return state;
}

const noSleep = async () => undefined;
const get = { method: 'GET' as const, path: '/v1/supervisor/raters', schema: z.object({ n: z.number() }) };

describe('the supervisor client', () => {
  it('sends the token from main and returns the validated answer', async () => {
    const api = scriptedApi([{ n: 1 }]);
    const answer = await new SupervisorClient({ api, auth: auth(), sleep: noSleep }).request(get);
    expect(answer).toEqual({ ok: true, data: { n: 1 } });
    expect(api.sent[0]).toMatchObject({
      baseUrl: 'http://127.0.0.1:9',
      request: { accessToken: 'token-1', path: '/v1/supervisor/raters' },
    });
  });

  it.each([
    [new ApiError('http', 'no', 403, 'forbidden'), 'forbidden'],
    [new ApiError('http', 'no', 404, 'not_found'), 'not_found'],
    [new ApiError('http', 'no', 500, 'internal'), 'server_error'],
    [new ApiError('network', 'refused'), 'unreachable'],
    [new ApiError('protocol', 'bad body', 200), 'bad_response'],
    [new AuthRequiredError('sign in'), 'signed_out'],
    [new Error('boom'), 'server_error'],
  ])('turns %s into the reason %s', async (error, reason) => {
    const answer = await new SupervisorClient({ api: scriptedApi([error]), auth: auth(), sleep: noSleep }).request(get);
    expect(answer).toMatchObject({ ok: false, failure: { reason } });
  });

  it('refreshes the token once when the server says it expired, then gives up', async () => {
    const expired = () => new ApiError('http', 'expired', 401, 'token_expired');
    const once = auth();
    const api = scriptedApi([expired(), { n: 2 }]);
    expect(await new SupervisorClient({ api, auth: once, sleep: noSleep }).request(get)).toEqual({
      ok: true,
      data: { n: 2 },
    });
    expect(once.invalidated).toBe(1);
    expect(api.sent.map((s) => s.request.accessToken)).toEqual(['token-1', 'token-2']);
    const twice = await new SupervisorClient({
      api: scriptedApi([expired(), expired()]),
      auth: auth(),
      sleep: noSleep,
    }).request(get);
    expect(twice).toMatchObject({ ok: false, failure: { reason: 'signed_out' } });
  });

  it('waits out the rate limit on reads (as long as the server asks), but never repeats a write', async () => {
    const limited = () => new ApiError('http', 'slow down', 429, 'rate_limited', 700);
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const api = scriptedApi([limited(), limited(), { n: 3 }]);
    expect(await new SupervisorClient({ api, auth: auth(), sleep }).request(get)).toEqual({ ok: true, data: { n: 3 } });
    expect(waits).toEqual([700, 700]);
    const post = { ...get, method: 'POST' as const };
    const once = scriptedApi([limited(), { n: 4 }]);
    expect(await new SupervisorClient({ api: once, auth: auth(), sleep }).request(post)).toMatchObject({
      ok: false,
      failure: { reason: 'rate_limited' },
    });
    expect(once.sent).toHaveLength(1);
  });

  it('answers signed_out without a network call when nobody is signed in', async () => {
    const api = scriptedApi([]);
    const answer = await new SupervisorClient({ api, auth: auth({ serverUrl: () => null }), sleep: noSleep }).request(
      get,
    );
    expect(answer).toMatchObject({ ok: false, failure: { reason: 'signed_out' } });
    expect(api.sent).toEqual([]);
  });
});

describe('the supervisor service', () => {
  const today = () => new Date('2026-03-04T12:00:00Z');

  it("pages a rater's votes with the cursor in the query string", async () => {
    const api = scriptedApi([{ votes: [], nextCursor: null }]);
    await createSupervisorService(new SupervisorClient({ api, auth: auth(), sleep: noSleep }), today).raterVotes(
      'llmfao worker/1',
      { cursor: 'abc', limit: 500 },
    );
    expect(api.sent[0]!.request.path).toBe('/v1/supervisor/raters/llmfao%20worker%2F1/votes?cursor=abc&limit=500');
  });

  it('posts flags, unflags and marks to their own endpoints', async () => {
    const flag = (kind: 'flag' | 'unflag', note: string) => ({
      id: 7,
      kind,
      raterId: 'r/1',
      voteId: null,
      note,
      source: 'supervisor',
      createdBy: 's',
      createdByName: 'Sam Supervisor',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const mark = { ...flag('flag', 'two readings'), mark: 'ambiguous', voteId: 'v1', itemId: 'i1' };
    const api = scriptedApi([flag('unflag', 'ok now'), mark, { votes: [], nextCursor: null }]);
    const service = createSupervisorService(new SupervisorClient({ api, auth: auth(), sleep: noSleep }), today);
    expect(await service.unflag('r/1', 'ok now')).toMatchObject({ ok: true, data: { kind: 'unflag', note: 'ok now' } });
    expect(await service.markVote('v1', 'ambiguous', 'two readings')).toMatchObject({
      ok: true,
      data: { mark: 'ambiguous', voteId: 'v1', itemId: 'i1' },
    });
    await service.teamVotes({ cursor: 'abc', limit: 1000 });
    expect(api.sent.map((s) => [s.request.method, s.request.path, s.request.body])).toEqual([
      ['POST', '/v1/supervisor/raters/r%2F1/unflag', { note: 'ok now' }],
      ['POST', '/v1/supervisor/marks', { voteId: 'v1', mark: 'ambiguous', note: 'two readings' }],
      ['GET', '/v1/supervisor/votes?cursor=abc&limit=1000', undefined],
    ]);
  });

  it('hands exports back as the text the server wrote, whatever the HTTP adapter parsed', async () => {
    const vote = { voteId: 'v1', raterId: 'r' };
    const api = scriptedApi(['vote_id\r\nv1\r\n', vote, null]);
    const service = createSupervisorService(new SupervisorClient({ api, auth: auth(), sleep: noSleep }), today);
    expect(await service.export('csv', 'r/1')).toEqual({
      ok: true,
      data: { fileName: 'verdict-votes-r_1-2026-03-04.csv', mediaType: 'text/csv', content: 'vote_id\r\nv1\r\n' },
    });
    expect(await service.export('jsonl', 'r')).toMatchObject({
      ok: true,
      data: { content: `${JSON.stringify(vote)}\n` },
    });
    expect(await service.export('jsonl')).toMatchObject({
      ok: true,
      data: { fileName: 'verdict-votes-team-2026-03-04.jsonl', content: '' },
    });
    expect(api.sent[0]!.request.path).toBe('/v1/supervisor/export?format=csv&raterId=r%2F1');
  });
});
