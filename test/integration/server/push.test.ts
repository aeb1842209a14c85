import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponse } from '../../../shared/protocol/votes';
import type { Task } from '../../../shared/protocol/tasks';
import { setSuspended } from '../../../server/admin/contributors';
import { call, lease, login, push, startTestServer, uuidv7, voteFor, type TestServer } from './helpers';

async function storedCount(t: TestServer, voteId: string): Promise<number> {
  return Number((await t.server.context.db.one('SELECT COUNT(*) AS n FROM votes WHERE id = ?', [voteId]))?.n);
}

describe('push: exactly-once votes with Replicache rules', () => {
  let t: TestServer;
  let token: string;
  let other: string;
  let tasks: Task[];
  beforeAll(async () => {
    t = await startTestServer();
    token = (await login(t.url, t.accounts.rater1)).accessToken;
    other = (await login(t.url, t.accounts.rater2)).accessToken;
    tasks = [...(await lease(t.url, token, 50)), ...(await lease(t.url, token, 50))];
  });
  afterAll(() => t.close());
  let next = 0;
  const task = () => tasks[next++] as Task;

  it('accepts a batch, reveals the models, and stores each vote once with the rater segment at vote time', async () => {
    const installation = crypto.randomUUID();
    const votes = [voteFor(task(), 1), voteFor(task(), 2, { choice: 'tie' }), voteFor(task(), 3, { choice: 'second' })];
    const reply = await push(t.url, token, installation, votes);
    expect(reply.status).toBe(200);
    const body = PushResponse.parse(reply.body);
    expect(body.lastSeq).toBe(3);
    expect(body.results.map((r) => [r.seq, r.status])).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
      [3, 'accepted'],
    ]);
    for (const result of body.results) expect(result.reveal?.first).not.toBe(result.reveal?.second);
    for (const vote of votes) expect(await storedCount(t, vote.id)).toBe(1);
    const row = (await t.server.context.db.one('SELECT country, age_band, education FROM votes WHERE id = ?', [votes[0]?.id as string]));
    expect(row).toEqual({ country: 'DE', age_band: '25-34', education: 'master' });
  });

  it('answers a replayed batch with duplicates carrying the first answer, and counts nothing twice', async () => {
    const installation = crypto.randomUUID();
    const votes = [voteFor(task(), 1), voteFor(task(), 2, { ticket: 'forged.ticket.value' })];
    const first = (await push(t.url, token, installation, votes)).body;
    const version = t.server.context.leaderboard.version;
    const replay = (await push(t.url, token, installation, votes)).body;
    expect(replay.lastSeq).toBe(2);
    expect(replay.results).toEqual([
      { id: votes[0]?.id, seq: 1, status: 'duplicate', original: 'accepted', reveal: first.results[0].reveal },
      {
        id: votes[1]?.id,
        seq: 2,
        status: 'duplicate',
        original: 'rejected',
        reason: 'invalid_ticket',
        message: first.results[1].message,
      },
    ]);
    expect(await storedCount(t, votes[0]?.id as string)).toBe(1);
    expect(t.server.context.leaderboard.version).toBe(version);
  });

  it('stops at a seq gap and tells the client where to resume', async () => {
    const installation = crypto.randomUUID();
    const [a, b, c, d] = [task(), task(), task(), task()];
    const gap = (await push(t.url, token, installation, [voteFor(a, 1), voteFor(b, 2), voteFor(c, 4)])).body;
    expect(gap.lastSeq).toBe(2);
    expect(gap.results.map((r: { seq: number }) => r.seq)).toEqual([1, 2]);
    const future = (await push(t.url, token, installation, [voteFor(d, 5)])).body;
    expect(future).toMatchObject({ lastSeq: 2, results: [] });
    const resumed = (await push(t.url, token, installation, [voteFor(c, 3), voteFor(d, 4)])).body;
    expect(resumed.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);
    const cursor = await call(t.url, 'GET', `/v1/votes/cursor?installationId=${installation}`, { token });
    expect(cursor.body.lastSeq).toBe(4);
  });

  it('rejects forged, foreign and mismatched tickets with reasons, and still advances the cursor', async () => {
    const installation = crypto.randomUUID();
    const mine = task();
    const another = task();
    const forgedTicket = `${mine.ticket.slice(0, -3)}xyz`;
    const mismatched = { taskId: another.taskId, ticket: mine.ticket };
    const reply = await push(t.url, token, installation, [
      voteFor({ taskId: mine.taskId, ticket: forgedTicket }, 1),
      voteFor(mismatched, 2),
    ]);
    expect(reply.body.results.map((r: { reason: string }) => r.reason)).toEqual([
      'invalid_ticket',
      'ticket_task_mismatch',
    ]);
    expect(reply.body.lastSeq).toBe(2);
    const stolen = await push(t.url, other, crypto.randomUUID(), [voteFor(mine, 1)]);
    expect(stolen.body.results[0]).toMatchObject({ status: 'rejected', reason: 'foreign_ticket' });
    expect((await t.server.context.db.one('SELECT COUNT(*) AS n FROM votes WHERE lease_id = ?', [mine.taskId]))?.n).toBe(
      0,
    );
    // The rightful owner can still vote on it.
    const own = await push(t.url, token, installation, [voteFor(mine, 3)]);
    expect(own.body.results[0].status).toBe('accepted');
  });

  it('rejects a second vote by the same rater on the same task, keeping the first', async () => {
    const installation = crypto.randomUUID();
    const target = task();
    const first = voteFor(target, 1, { choice: 'first' });
    const second = voteFor(target, 2, { choice: 'second' });
    const reply = await push(t.url, token, installation, [first, second]);
    expect(reply.body.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'rejected']);
    expect(reply.body.results[1].reason).toBe('task_already_voted');
    expect((await t.server.context.db.many('SELECT choice FROM votes WHERE lease_id = ?', [target.taskId]))).toEqual([
      { choice: 'first' },
    ]);
  });

  it('treats a vote id re-sent under another seq or installation as a duplicate', async () => {
    const installation = crypto.randomUUID();
    const vote = voteFor(task(), 1);
    await push(t.url, token, installation, [vote]);
    const sameInstallation = await push(t.url, token, installation, [{ ...vote, seq: 2 }]);
    expect(sameInstallation.body.results[0]).toMatchObject({ status: 'duplicate', original: 'accepted' });
    const elsewhere = await push(t.url, token, crypto.randomUUID(), [{ ...vote, seq: 1 }]);
    expect(elsewhere.body.results[0]).toMatchObject({ status: 'duplicate', original: 'accepted' });
    expect(await storedCount(t, vote.id)).toBe(1);
  });

  it('refuses a different vote under an already used seq instead of calling it a duplicate', async () => {
    const installation = crypto.randomUUID();
    await push(t.url, token, installation, [voteFor(task(), 1)]);
    const impostor = voteFor(task(), 1);
    const reply = await push(t.url, token, installation, [impostor]);
    expect(reply.body.results[0]).toMatchObject({ id: impostor.id, status: 'rejected', reason: 'seq_conflict' });
    expect(await storedCount(t, impostor.id)).toBe(0);
  });

  it("refuses another account's installation id as a whole request", async () => {
    const installation = crypto.randomUUID();
    await push(t.url, token, installation, [voteFor(task(), 1)]);
    const reply = await push(t.url, other, installation, [voteFor(task(), 2)]);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('installation_foreign');
  });

  it("rejects tags and criteria the task's config does not offer", async () => {
    const reply = await push(t.url, token, crypto.randomUUID(), [
      voteFor(task(), 1, { reasonTags: ['made_up_tag'] }),
      voteFor(task(), 2, {
        reasonTags: ['factual_error'],
        criteria: { helpfulness: 4, clarity: 'first' },
        rationale: 'clearer',
      }),
    ]);
    expect(reply.body.results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'accepted']);
    expect(reply.body.results[0].reason).toBe('invalid_vote');
  });

  it("accepts can't-read without counting it, and frees the item for another rater", async () => {
    const target = task();
    const version = t.server.context.leaderboard.version;
    const reply = await push(t.url, token, crypto.randomUUID(), [voteFor(target, 1, { choice: 'cant_read' })]);
    expect(reply.body.results[0].status).toBe('accepted');
    expect(t.server.context.leaderboard.version).toBe(version);
    const row = (await t.server.context.db.one('SELECT counted FROM votes WHERE lease_id = ?', [target.taskId]));
    expect(row?.counted).toBe(0);
  });

  it('rejects every vote of a suspended rater, with a reason, while the cursor advances', async () => {
    const installation = crypto.randomUUID();
    const session = await login(t.url, t.accounts.rater2);
    const own = await lease(t.url, session.accessToken, 2);
    await setSuspended(t.server.context.db, 'test', t.accounts.rater2.email, true);
    const reply = await push(
      t.url,
      session.accessToken,
      installation,
      own.map((x, i) => voteFor(x, i + 1, { id: uuidv7() })),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((r: { reason: string }) => r.reason)).toEqual(['rater_suspended', 'rater_suspended']);
    expect(reply.body.lastSeq).toBe(2);
    await setSuspended(t.server.context.db, 'test', t.accounts.rater2.email, false);
  });
});

describe('push: lease expiry and grace', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ leaseTtlMs: 100, leaseGraceMs: 1500 });
  });
  afterAll(() => t.close());
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('accepts a vote shortly after its lease expired (offline grace), and rejects one beyond the grace', async () => {
    const token = (await login(t.url, t.accounts.rater1)).accessToken;
    const [inGrace, late] = (await lease(t.url, token, 2)) as [Task, Task];
    const installation = crypto.randomUUID();
    await sleep(300);
    const first = await push(t.url, token, installation, [voteFor(inGrace, 1)]);
    expect(first.body.results[0].status).toBe('accepted');
    await sleep(1500);
    const second = await push(t.url, token, installation, [voteFor(late, 2)]);
    expect(second.body.results[0]).toMatchObject({ status: 'rejected', reason: 'ticket_expired' });
  });
});

describe('push: minimum time on task', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ minActiveMs: 60_000 });
  });
  afterAll(() => t.close());

  it('rejects a vote faster than the minimum active time as too fast', async () => {
    const token = (await login(t.url, t.accounts.rater1)).accessToken;
    const [quick] = await lease(t.url, token, 1);
    const reply = await push(t.url, token, crypto.randomUUID(), [voteFor(quick as Task, 1, { activeMs: 800 })]);
    expect(reply.body.results[0]).toMatchObject({ status: 'rejected', reason: 'too_fast' });
  });

  it('publishes the rule in /v1/health, so a client can hold votes until it is met', async () => {
    const reply = await call(t.url, 'GET', '/v1/health');
    expect(reply.body).toMatchObject({ voteRules: { minActiveMs: 60_000 } });
  });

  it('counts rejected too-fast attempts in the supervisor console, which would otherwise read 0%', async () => {
    const rater = await login(t.url, t.accounts.rater2);
    const [quick] = await lease(t.url, rater.accessToken, 1);
    await push(t.url, rater.accessToken, crypto.randomUUID(), [voteFor(quick as Task, 1, { activeMs: 500 })]);
    const supervisor = (await login(t.url, t.accounts.supervisor)).accessToken;
    const team = await call(t.url, 'GET', '/v1/supervisor/raters', { token: supervisor });
    const row = (team.body as { raters: Array<{ id: string; quality: { tooFastRejected: number; tooFastShare: number | null } }> }).raters.find(
      (candidate) => candidate.id === rater.account.id,
    );
    expect(row?.quality.tooFastRejected).toBe(1);
    expect(row?.quality.tooFastShare).toBe(1);
  });
});
