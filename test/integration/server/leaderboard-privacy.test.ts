import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountsResponse, type SegmentField, type SegmentFilter } from '../../../shared/protocol/leaderboard';
import type { CountedVote } from '../../../server/leaderboard/cube';
import { loadCube } from '../../../server/leaderboard/load';
import type { Outcome } from '../../../server/tasks/repo';
import { attack, collect, nodeKey, type AskCounts } from '../../support/leaderboardAttacker';
import { legacyCounts } from '../../support/legacyLeaderboard';
import { grantEmptiness, judge, truthOf, unsetFields } from '../../support/segmentVotes';
import { call, lease, login, push, startTestServer, voteFor, type TestServer } from './helpers';

/**
 * The privacy attacker (test/support/leaderboardAttacker.ts) on the demo data, over HTTP with a
 * rater's token, after rater1 (the only rater in DE) and rater2 (the only one in EG) have voted.
 * Random networks get the same treatment in test/unit/server/leaderboard-privacy.test.ts.
 */
describe('the privacy attacker on the demo data, as a signed-in rater', () => {
  let t: TestServer;
  let token: string;
  let votes: CountedVote[];

  beforeAll(async () => {
    // The attacker asks a few hundred questions; the per-account rate limit is not what is tested here.
    t = await startTestServer({ raterLimit: { burst: 100_000, perSecond: 100_000 } });
    for (const key of ['rater1', 'rater2'] as const) {
      const session = await login(t.url, t.accounts[key]);
      const tasks = await lease(t.url, session.accessToken, 8);
      await push(
        t.url,
        session.accessToken,
        crypto.randomUUID(),
        tasks.map((task, i) => voteFor(task, i + 1, { choice: i % 2 ? 'first' : 'second' })),
      );
    }
    token = (await login(t.url, t.accounts.rater1)).accessToken;
    votes = (
      (await t.server.context.db.many(
        `SELECT account_id, model_a, model_b, outcome, language, country, age_band, education, category FROM votes WHERE counted = 1`,
      )) as Array<
        Record<SegmentField, string | null> & { account_id: number; model_a: string; model_b: string; outcome: Outcome }
      >
    ).map((row) => ({
      accountId: row.account_id,
      modelA: row.model_a,
      modelB: row.model_b,
      outcome: row.outcome,
      segment: {
        language: row.language as string,
        country: row.country,
        age_band: row.age_band,
        education: row.education,
        category: row.category as string,
      },
    }));
  });
  afterAll(() => t.close());

  const ask: AskCounts = async (filter: SegmentFilter, by?: SegmentField) => {
    const query = new URLSearchParams(Object.entries(filter) as Array<[string, string]>);
    if (by) query.set('by', by);
    const reply = await call(t.url, 'GET', `/v1/leaderboard/counts?${query}`, { token });
    if (reply.status === 400 && reply.body.error.code === 'unreleased_table') return null;
    expect(reply.status).toBe(200);
    return CountsResponse.parse(reply.body);
  };

  it('recovers nothing the server withheld, pair by pair, from everything it releases', async () => {
    const truth = truthOf(votes);
    expect(truth(nodeKey({ country: 'DE' })).raters).toBe(1);
    expect(truth(nodeKey({ country: 'EG' })).raters).toBe(1);
    const release = await collect(ask);
    const unset = unsetFields(votes);
    const verdict = judge(attack(release, unset), truth, 5);
    expect(verdict.wrong).toEqual([]);
    expect(verdict.hidden).toEqual([]);
    expect(release.shown.has(nodeKey({ country: 'DE' }))).toBe(false);
    // The rest of the board is still there to rank: all votes, named countries, two-field cells.
    expect(release.shown.has(nodeKey({}))).toBe(true);
    expect(release.shown.has(nodeKey({ country: 'US', education: 'master' }))).toBe(true);
    // Told also which segments are empty (who has which profile), it can work out some withheld
    // segments of K raters or more (those an "other" bucket shares with empty neighbours), and
    // still nothing about a group of fewer than K.
    grantEmptiness(release, unset, truth);
    const informed = judge(attack(release, unset), truth, 5);
    expect(informed.wrong).toEqual([]);
    expect(informed.breaches).toEqual([]);
    for (const recovery of informed.hidden) expect(truth(recovery.node).raters).toBeGreaterThanOrEqual(5);
  });

  it('against the old behaviour on the same data, works out every vote of the only rater in DE', async () => {
    const cube = await loadCube(t.server.context.db);
    const release = await collect(async (filter, by) => legacyCounts(cube, 5, filter, by));
    const truth = truthOf(votes);
    const verdict = judge(attack(release, unsetFields(votes)), truth, 5);
    expect(verdict.wrong).toEqual([]);
    const de = nodeKey({ country: 'DE' });
    const worked = verdict.breaches.filter((recovery) => recovery.node === de && !recovery.stated);
    const real = [...truth(de).numbers].filter(([column, n]) => column !== 'votes' && n > 0);
    expect(real.length).toBeGreaterThan(0);
    expect(new Map(worked.filter((r) => r.column !== 'votes').map((r) => [r.column, r.value]))).toEqual(new Map(real));
  });
});
