import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RatersResponse, RaterVote, RaterVotesResponse } from '../../../shared/protocol/supervisor';
import type { Task } from '../../../shared/protocol/tasks';
import { poolAgreement } from '../../../shared/quality';
import { addContributor } from '../../../server/admin/contributors';
import { parseCsv, readCsv } from '../../../server/demo/files';
import { runAnomalyScan } from '../../../server/safeguards/anomaly-scan';
import { call, lease, login, push, startTestServer, voteFor, type TestServer } from './helpers';

const LLMFAO = join(import.meta.dirname, '../../../../shared/data/llmfao');

describe('supervisor views over the demo team (124 LLMFAO raters + 2 demo raters)', () => {
  let t: TestServer;
  let supervisor: string;
  let rater1Id: string;
  const rationale = '=HYPERLINK("http://evil.example")';
  beforeAll(async () => {
    t = await startTestServer();
    supervisor = (await login(t.url, t.accounts.supervisor)).accessToken;
    const rater = await login(t.url, t.accounts.rater1);
    rater1Id = rater.account.id;
    const tasks = await lease(t.url, rater.accessToken, 3);
    await push(
      t.url,
      rater.accessToken,
      crypto.randomUUID(),
      tasks.map((task, i) => voteFor(task, i + 1, { rationale })),
    );
  });
  afterAll(() => t.close());

  it('lists the team with quality metrics computed from the real crowd votes', async () => {
    const reply = await call(t.url, 'GET', '/v1/supervisor/raters', { token: supervisor });
    const body = RatersResponse.parse(reply.body);
    expect(body.raters).toHaveLength(126);
    const worker = body.raters.find((r) => r.id === 'llmfao-worker-58');
    expect(worker?.quality.votes).toBeGreaterThan(0);
    expect(worker?.quality.agreement).not.toBeNull();
    // The pool's agreement equals shared/quality run directly on crowd-comparisons.csv.
    const crowd = readCsv(join(LLMFAO, 'crowd-comparisons.csv')).map((row) => ({
      raterId: row.worker as string,
      itemId: row.id as string,
      choice:
        row.winner === 'left' ? ('first' as const) : row.winner === 'right' ? ('second' as const) : ('tie' as const),
    }));
    const expected = poolAgreement(crowd);
    expect(body.pool.items).toBeGreaterThanOrEqual(expected.items);
    expect(body.pool.krippendorffAlphaNominal).toBeCloseTo(expected.alphaNominal as number, 2);
  });

  it("pages through one rater's votes with model names and rationale", async () => {
    const first = await call(t.url, 'GET', `/v1/supervisor/raters/${rater1Id}/votes?limit=2`, { token: supervisor });
    const page1 = RaterVotesResponse.parse(first.body);
    expect(page1.votes).toHaveLength(2);
    const second = await call(
      t.url,
      'GET',
      `/v1/supervisor/raters/${rater1Id}/votes?limit=2&cursor=${page1.nextCursor}`,
      {
        token: supervisor,
      },
    );
    const page2 = RaterVotesResponse.parse(second.body);
    expect(page2.votes).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const all = [...page1.votes, ...page2.votes];
    expect(new Set(all.map((v) => v.voteId)).size).toBe(3);
    for (const vote of all) {
      expect(vote.winner).toBe(vote.shownFirst);
      expect(vote.rationale).toBe(rationale);
      expect(vote.segment).toEqual({ country: 'DE', age_band: '25-34', education: 'master' });
    }
  });

  it('lists the items where a rater disagrees with the strict majority of the others', async () => {
    const reply = await call(t.url, 'GET', '/v1/supervisor/raters/llmfao-worker-58/disagreements', {
      token: supervisor,
    });
    const { disagreements } = reply.body as {
      disagreements: Array<{ vote: RaterVote; consensus: string; agreeing: number; others: number }>;
    };
    expect(disagreements.length).toBeGreaterThan(0);
    for (const d of disagreements) {
      expect(d.agreeing * 2).toBeGreaterThan(d.others);
      expect(d.vote.winner ?? d.vote.choice).not.toBe(d.consensus);
    }
  });

  it('records flags with notes, audited, and only for team members', async () => {
    const created = await call(t.url, 'POST', '/v1/supervisor/flags', {
      token: supervisor,
      body: { raterId: 'llmfao-worker-58', note: 'Check tie rate on creativity prompts' },
    });
    expect(created.status).toBe(200);
    const listed = await call(t.url, 'GET', '/v1/supervisor/flags?raterId=llmfao-worker-58', { token: supervisor });
    expect(listed.body.flags.map((f: { note: string }) => f.note)).toContain('Check tie rate on creativity prompts');
    const audit = await t.server.context.db.many(`SELECT actor FROM audit_log WHERE action = 'flag.add'`);
    expect(audit.length).toBeGreaterThan(0);

    const { password } = await addContributor(t.server.context.db, 'test', {
      email: 'other-sup@verdict.example',
      displayName: 'Other',
      role: 'supervisor',
      vetted: true,
    });
    const outsider = (await login(t.url, { email: 'other-sup@verdict.example', password })).accessToken;
    const team = await call(t.url, 'GET', '/v1/supervisor/raters', { token: outsider });
    expect(team.body.raters).toEqual([]);
    const peek = await call(t.url, 'GET', `/v1/supervisor/raters/${rater1Id}/votes`, { token: outsider });
    expect(peek.status).toBe(404);
    const flag = await call(t.url, 'POST', '/v1/supervisor/flags', {
      token: outsider,
      body: { raterId: rater1Id, note: 'x' },
    });
    expect(flag.status).toBe(404);
  });

  it("opens only items the supervisor's team voted on; any other item is 404, like one that does not exist", async () => {
    const db = t.server.context.db;
    const voted = (await db.one('SELECT task_id FROM votes LIMIT 1')) as { task_id: string };
    const unvoted = (await db.one('SELECT id FROM tasks WHERE id NOT IN (SELECT task_id FROM votes) LIMIT 1')) as {
      id: string;
    };
    const own = await call(t.url, 'GET', `/v1/supervisor/items/${voted.task_id}`, { token: supervisor });
    expect(own.status).toBe(200);
    expect((await call(t.url, 'GET', `/v1/supervisor/items/${unvoted.id}`, { token: supervisor })).status).toBe(404);
    const { password } = await addContributor(db, 'test', {
      email: 'item-sup@verdict.example',
      displayName: 'Item',
      role: 'supervisor',
      vetted: true,
    });
    const outsider = (await login(t.url, { email: 'item-sup@verdict.example', password })).accessToken;
    const peek = await call(t.url, 'GET', `/v1/supervisor/items/${voted.task_id}`, { token: outsider });
    expect(peek.status).toBe(404);
    expect(JSON.stringify(peek.body)).not.toMatch(/model/i);
  });

  it('exports the team as CSV (formula-safe) and JSONL', async () => {
    const csv = await call(t.url, 'GET', `/v1/supervisor/export?format=csv&raterId=${rater1Id}`, { token: supervisor });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parseCsv(csv.body as string);
    expect(rows).toHaveLength(3);
    expect(rows[0]?.rationale).toBe(`'${rationale}`);
    const jsonl = await call(t.url, 'GET', '/v1/supervisor/export?format=jsonl', { token: supervisor });
    const lines = (jsonl.body as string).trim().split('\n');
    expect(lines).toHaveLength(8931 + 3);
    const kinds = lines.map((line) => RaterVote.parse(JSON.parse(line)).kind);
    expect(kinds.filter((kind) => kind === 'import')).toHaveLength(8931);
  });

  it('flags raters that fail the sequential anomaly test, once', async () => {
    const first = await runAnomalyScan(t.server.context.db);
    expect(first.tested).toBeGreaterThan(100);
    expect(first.flagged.length).toBeGreaterThan(0);
    const again = await runAnomalyScan(t.server.context.db);
    expect(again.flagged).toEqual([]);
    const reply = await call(t.url, 'GET', '/v1/supervisor/flags', { token: supervisor });
    const auto = reply.body.flags.filter((f: { source: string }) => f.source === 'anomaly_test');
    expect(auto.map((f: { raterId: string }) => f.raterId).sort()).toEqual([...first.flagged].sort());
  });

  it('shows who the reliability model down-weights and why: a rater who always picks the first side is screened out', async () => {
    const rater2 = await login(t.url, t.accounts.rater2);
    const tasks = await lease(t.url, rater2.accessToken, 40);
    expect(tasks.length).toBeGreaterThanOrEqual(30); // z of 30/30 first-side picks is 5.5 > 4
    const pushed = await push(
      t.url,
      rater2.accessToken,
      crypto.randomUUID(),
      tasks.map((task, i) => voteFor(task, i + 1)),
    );
    expect(pushed.status).toBe(200);
    const body = RatersResponse.parse((await call(t.url, 'GET', '/v1/supervisor/raters', { token: supervisor })).body);
    const biased = body.raters.find((r) => r.id === rater2.account.id)!.quality.reliability!;
    expect(biased).toMatchObject({
      failed: ['firstSide'],
      firstSideRate: 1,
      accuracy: null,
      weight: 0,
      downWeighted: true,
    });
    expect(biased.decisive).toBe(tasks.length);
    expect(biased.firstSideZ).toBeCloseTo(Math.sqrt(tasks.length), 9); // (n − n/2)/√(n/4)
    // Every crowd rater with votes is explained, consistently: down-weighted exactly when a screen
    // failed, the weight 2η − 1 fell below half the median rater's, or their votes on one model are
    // discounted as part of a partisan group.
    const explained = body.raters.filter((r) => r.quality.votes > 0).map((r) => r.quality.reliability!);
    expect(explained.length).toBeGreaterThan(100);
    for (const r of explained) {
      expect(r.weight).toBeGreaterThanOrEqual(0);
      expect(r.weight).toBeLessThanOrEqual(1);
      expect(r.downWeighted).toBe(
        r.failed.length > 0 || r.relativeWeight < 0.5 || (r.partisan !== null && r.partisan !== undefined),
      );
      if (r.accuracy !== null) expect(r.weight).toBeCloseTo(Math.max(0, 2 * r.accuracy - 1), 12);
    }
    expect(explained.filter((r) => !r.downWeighted).length).toBeGreaterThan(explained.length / 2);
    // The favouritism test finds the crowd's two outliers (docs/RANKING.md "Favouritism"): workers
    // who picked Weaver 12k or Luminous Extended far more often than those models' strength explains.
    const partisans = explained.filter((r) => r.partisan);
    expect(new Set(partisans.map((r) => r.partisan!.model))).toEqual(new Set(['Weaver 12k', 'Luminous Extended']));
    for (const r of partisans) expect(r.partisan).toMatchObject({ favours: true });
  });
});

describe('position bias, self-consistency and gold accuracy from leased repeats and gold items', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ goldShare: 0.4, repeatShare: 0.6, repeatMinAgeMs: 0 });
  });
  afterAll(() => t.close());

  it('exposes a rater who always clicks the first side', async () => {
    const rater = await login(t.url, t.accounts.rater2);
    const installation = crypto.randomUUID();
    let seq = 0;
    const voteAll = async (tasks: Task[]) =>
      push(
        t.url,
        rater.accessToken,
        installation,
        tasks.map((task) => voteFor(task, ++seq)),
      );
    await voteAll(await lease(t.url, rater.accessToken, 30));
    await voteAll(await lease(t.url, rater.accessToken, 30));
    const supervisor = (await login(t.url, t.accounts.supervisor)).accessToken;
    const body = RatersResponse.parse((await call(t.url, 'GET', '/v1/supervisor/raters', { token: supervisor })).body);
    const quality = body.raters.find((r) => r.id === rater.account.id)?.quality;
    expect(quality?.positionBias).toBe(1);
    expect(quality?.repeats).toBeGreaterThan(0);
    // Swapped repeat + same side clicked = the opposite answer every time.
    expect(quality?.selfConsistency).toBe(0);
    expect(quality?.goldItems).toBeGreaterThan(0);
  });
});
