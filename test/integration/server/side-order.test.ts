import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RatersResponse } from '../../../shared/protocol/supervisor';
import type { Task } from '../../../shared/protocol/tasks';
import { call, lease, login, push, startTestServer, voteFor, type TestServer } from './helpers';

/** Each vote records which model the rater saw first; position bias is measured on it. */
describe('the side order a vote was shown in', () => {
  let t: TestServer;
  let token: string;
  let raterId: string;
  let tasks: Task[];
  const reversed = (task: Task) => [task.responses[1].handle, task.responses[0].handle] as [string, string];
  const asSent = (task: Task) => [task.responses[0].handle, task.responses[1].handle] as [string, string];
  const stored = async (voteId: string) =>
    (await t.server.context.db.one('SELECT shown_first, swapped, model_a, model_b FROM votes WHERE id = ?', [
      voteId,
    ])) as {
      shown_first: 'a' | 'b' | null;
      swapped: number;
    };

  beforeAll(async () => {
    t = await startTestServer();
    const session = await login(t.url, t.accounts.rater1);
    token = session.accessToken;
    raterId = session.account.id;
    tasks = await lease(t.url, token, 8);
  });
  afterAll(() => t.close());

  it('stores the model shown first from the handles in display order; without them, nothing is assumed', async () => {
    const installation = crypto.randomUUID();
    const votes = [
      voteFor(tasks[0]!, 1, { shownOrder: asSent(tasks[0]!) }),
      voteFor(tasks[1]!, 2, { shownOrder: reversed(tasks[1]!) }),
      voteFor(tasks[2]!, 3),
    ];
    const reply = await push(t.url, token, installation, votes);
    expect(reply.body.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const [first, second, legacy] = await Promise.all(votes.map((vote) => stored(vote.id)));
    // responses[0] is model_b exactly when the lease swapped the sides.
    expect(first!.shown_first).toBe(first!.swapped ? 'b' : 'a');
    expect(second!.shown_first).toBe(second!.swapped ? 'a' : 'b');
    expect(legacy!.shown_first).toBeNull();
  });

  it("refuses a display order that is not the lease's two handles", async () => {
    const task = tasks[3]!;
    const other = tasks[4]!;
    const reply = await push(t.url, token, crypto.randomUUID(), [
      voteFor(task, 1, { shownOrder: [task.responses[0].handle, other.responses[1].handle] }),
    ]);
    expect(reply.body.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid_vote' });
  });

  it('measures position bias on the side the rater saw first, not on the choice label', async () => {
    // Three more votes, each for the response shown first on a screen that showed responses[1] first.
    const installation = crypto.randomUUID();
    const votes = tasks
      .slice(5, 8)
      .map((task, i) => voteFor(task, i + 1, { shownOrder: reversed(task), choice: 'second' }));
    await push(t.url, token, installation, votes);
    const supervisor = (await login(t.url, t.accounts.supervisor)).accessToken;
    const team = RatersResponse.parse((await call(t.url, 'GET', '/v1/supervisor/raters', { token: supervisor })).body);
    const quality = team.raters.find((r) => r.id === raterId)!.quality;
    // Decisive votes so far: 'first' as sent (seen first), 'first' on a reversed screen (seen second),
    // 'first' with no order (taken as seen first), and three 'second' on reversed screens (seen first).
    expect(quality.positionBias).toBeCloseTo(5 / 6, 12);
  });
});
