import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../shared/protocol/errors';
import { call, login, startTestServer, type TestServer } from './helpers';

const POSTS = [
  '/v1/auth/login',
  '/v1/auth/refresh',
  '/v1/auth/logout',
  '/v1/tasks/lease',
  '/v1/votes/push',
  '/v1/supervisor/flags',
];
const GETS = [
  '/v1/leaderboard',
  '/v1/leaderboard/counts',
  '/v1/votes/cursor',
  '/v1/supervisor/raters/llmfao-worker-58/votes',
  '/v1/supervisor/export',
  '/v1/supervisor/flags',
];
const KEYS = [
  'installationId',
  'votes',
  'count',
  'seq',
  'email',
  'password',
  'language',
  'by',
  'cursor',
  'limit',
  'format',
  'raterId',
  'note',
];

/** JSON that is often almost right: the protocol's own keys with values of every type. */
const body = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue(), { maxKeys: 4 }),
  fc.record({
    installationId: fc.uuid(),
    votes: fc.array(fc.dictionary(fc.constantFrom('id', 'seq', 'taskId', 'ticket', 'choice'), fc.jsonValue()), {
      maxLength: 3,
    }),
  }),
);
const query = fc.dictionary(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 }), { maxKeys: 3 });

describe('fuzzed requests', () => {
  let t: TestServer;
  let tokens: string[];
  beforeAll(async () => {
    // Generous per-account limit: the point is what the handlers do with the input, not 429s.
    t = await startTestServer({ raterLimit: { burst: 10_000, perSecond: 10_000 } });
    tokens = [
      (await login(t.url, t.accounts.rater1)).accessToken,
      (await login(t.url, t.accounts.supervisor)).accessToken,
    ];
  });
  afterAll(() => t.close());

  it('never get a 5xx, always get the error shape, and never store a vote', async () => {
    const votesBefore = (await t.server.context.db.one('SELECT COUNT(*) AS n FROM votes'))?.n;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.constantFrom(...POSTS),
        fc.constantFrom(...GETS),
        body,
        query,
        fc.constantFrom(0, 1),
        async (isPost, postPath, getPath, json, params, who) => {
          const token = tokens[who] as string;
          const reply = isPost
            ? await call(t.url, 'POST', postPath, { token, body: json })
            : await call(t.url, 'GET', `${getPath}?${new URLSearchParams(params)}`, { token });
          expect(reply.status).toBeLessThan(500);
          if (reply.status >= 400) expect(ErrorBody.safeParse(reply.body).success).toBe(true);
        },
      ),
      { numRuns: 150, seed: 20261127 },
    );
    expect((await t.server.context.db.one('SELECT COUNT(*) AS n FROM votes'))?.n).toBe(votesBefore);
  });
});
