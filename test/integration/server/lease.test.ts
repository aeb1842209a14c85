import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseResponse, Task } from '../../../shared/protocol/tasks';
import { call, lease, login, push, newRater, startTestServer, uuidv7, voteFor, type TestServer } from './helpers';

async function modelNames(t: TestServer): Promise<string[]> {
  const rows = await t.server.context.db.many(
    'SELECT DISTINCT model_a AS m FROM tasks UNION SELECT DISTINCT model_b FROM tasks',
  );
  return rows.map((row) => String(row.m));
}

describe('leasing: routing, sampling and anonymity', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('returns tasks that match the contract, in languages the rater reads at B2 or better', async () => {
    const token = (await login(t.url, t.accounts.rater2)).accessToken; // ar native, en C1, ko B2, bn B2
    const reply = await call(t.url, 'POST', '/v1/tasks/lease', { token, body: { count: 50 } });
    const { tasks } = LeaseResponse.parse(reply.body);
    expect(tasks).toHaveLength(50);
    for (const task of tasks) expect(['en', 'ko', 'bn']).toContain(task.language);
    const weak = await newRater(t, 'weak@verdict.example', 'bn:B1');
    expect(await lease(t.url, weak, 10)).toEqual([]);
  });

  it('never names a model before the vote', async () => {
    const token = await newRater(t, 'anon@verdict.example', 'en:C2,ja:native,ko:native,bn:native');
    const tasks = await lease(t.url, token, 50);
    // Response and prompt texts are the models' own words; everything else must be model-free.
    const envelope = JSON.stringify(
      tasks.map((task) => ({
        ...task,
        conversation: [],
        responses: task.responses.map((r) => ({ handle: r.handle })),
      })),
    );
    for (const model of await modelNames(t)) expect(envelope).not.toContain(model);
    for (const task of tasks) expect(Object.keys(task).sort()).toEqual(Object.keys(Task.shape).sort());
  });

  it('offers the least-sampled model pairs first, one task per pair', async () => {
    // English pairs all carry LLMFAO crowd votes; the Japanese pairs have none yet.
    const token = await newRater(t, 'ja@verdict.example', 'en:C1,ja:C1');
    const tasks = await lease(t.url, token, 30);
    expect(tasks.map((task) => task.language)).toEqual(Array(30).fill('ja'));
    const db = t.server.context.db;
    const pairs = await Promise.all(
      tasks.map(async (task) => {
        const row = await db.one('SELECT t.pair_key FROM leases l JOIN tasks t ON t.id = l.task_id WHERE l.id = ?', [
          task.taskId,
        ]);
        return String(row?.pair_key);
      }),
    );
    expect(new Set(pairs).size).toBe(30);
  });

  it('randomises the side order per lease', async () => {
    const token = await newRater(t, 'sides@verdict.example', 'ko:C1');
    const tasks = await lease(t.url, token, 40);
    const reply = await push(
      t.url,
      token,
      crypto.randomUUID(),
      tasks.map((task, i) => voteFor(task, i + 1)),
    );
    const db = t.server.context.db;
    const firstIsModelA = await Promise.all(
      reply.body.results.map(async (result: { reveal: { first: string } }, i: number) => {
        const row = await db.one('SELECT t.model_a FROM leases l JOIN tasks t ON t.id = l.task_id WHERE l.id = ?', [
          tasks[i]?.taskId as string,
        ]);
        return result.reveal.first === row?.model_a;
      }),
    );
    expect(firstIsModelA).toContain(true);
    expect(firstIsModelA).toContain(false);
  });

  it('lists the open leases again for a client that lost its cache, and never repeats a task in new leases', async () => {
    const token = await newRater(t, 'cache@verdict.example', 'bn:C1');
    const first = await lease(t.url, token, 30);
    const open = await call(t.url, 'GET', '/v1/tasks/leases', { token });
    expect(open.body.tasks.map((task: Task) => task.taskId).sort()).toEqual(first.map((task) => task.taskId).sort());
    const second = await lease(t.url, token, 50);
    // 80 Bengali items in all: 30 held, 50 new, none twice.
    expect(second).toHaveLength(50);
    const items = [...first, ...second].map((task) => task.conversation[0]?.content);
    expect(new Set(items).size).toBe(80);
    expect(await lease(t.url, token, 5)).toEqual([]);
  });
});

describe('leasing: expiry and re-offering', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ maxRatersPerTask: 1, leaseTtlMs: 400, leaseGraceMs: 0 });
  });
  afterAll(() => t.close());

  it('does not take a live lease away, and offers expired ones to someone else', async () => {
    const a = await newRater(t, 'a@verdict.example', 'bn:C1');
    const b = await newRater(t, 'b@verdict.example', 'bn:C1');
    const held = await lease(t.url, a, 50);
    const rest = await lease(t.url, a, 50);
    expect(held.length + rest.length).toBe(80);
    expect(await lease(t.url, b, 10)).toEqual([]);
    const vote = await push(t.url, a, crypto.randomUUID(), [voteFor(held[0] as Task, 1)]);
    expect(vote.body.results[0].status).toBe('accepted');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const reoffered = await lease(t.url, b, 50);
    const reofferedItems = new Set(reoffered.map((task) => task.conversation[0]?.content));
    expect(reoffered).toHaveLength(50);
    // The one item A voted on keeps its slot; the 79 lapsed ones are free again.
    expect(reofferedItems.has(held[0]?.conversation[0]?.content)).toBe(false);
  });
});

describe('leasing: gold items and repeats look like any other task', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ goldShare: 0.5, repeatShare: 0.5, repeatMinAgeMs: 0 });
  });
  afterAll(() => t.close());

  it('mixes in gold items and swapped repeats with the same shape, and accepts votes on them', async () => {
    const token = await newRater(t, 'gold@verdict.example', 'en:C1');
    const installation = crypto.randomUUID();
    const firstRound = await lease(t.url, token, 20);
    const votes = firstRound.map((task, i) => voteFor(task, i + 1));
    const firstAcks = (await push(t.url, token, installation, votes)).body.results;
    const secondRound = await lease(t.url, token, 20);
    const db = t.server.context.db;
    const kinds = await Promise.all(
      secondRound.map(async (task) =>
        String((await db.one('SELECT kind FROM leases WHERE id = ?', [task.taskId]))?.kind),
      ),
    );
    expect(kinds).toContain('gold');
    expect(kinds).toContain('repeat');
    const shape = (task: Task) =>
      JSON.stringify(Object.keys(task)) + JSON.stringify(task.criteria) + task.ticket.split('.').length;
    expect(new Set([...firstRound, ...secondRound].map(shape)).size).toBe(1);
    const repeatIndex = kinds.indexOf('repeat');
    const repeat = secondRound[repeatIndex] as Task;
    // Match on the prompt and both responses: one model's answer to a prompt appears in several
    // pairs, so the prompt and one side alone can name the wrong original.
    const original = firstRound.findIndex(
      (task) =>
        task.conversation[0]?.content === repeat.conversation[0]?.content &&
        task.responses[0].content === repeat.responses[1].content &&
        task.responses[1].content === repeat.responses[0].content,
    );
    expect(original).toBeGreaterThanOrEqual(0);
    expect(repeat.taskId).not.toBe(firstRound[original]?.taskId);
    const ack = await push(t.url, token, installation, [voteFor(repeat, votes.length + 1, { id: uuidv7() })]);
    expect(ack.body.results[0].status).toBe('accepted');
    // Sides swapped: what was shown first is now shown second.
    expect(ack.body.results[0].reveal).toEqual({
      first: firstAcks[original].reveal.second,
      second: firstAcks[original].reveal.first,
    });
  });
});
