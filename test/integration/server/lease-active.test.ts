import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageFit } from '../../../server/tasks/active';
import { DEFAULT_ACTIVE_POLICY, scorePairs } from '../../../shared/ranking';
import { lease, newRater, push, startTestServer, voteFor, type TestServer } from './helpers';

async function leasedRows(t: TestServer, taskIds: string[]) {
  const rows = [];
  for (const id of taskIds)
    rows.push(
      (await t.server.context.db.one<{ pair_key: string; kind: string; model_a: string; model_b: string }>(
        'SELECT t.pair_key, l.kind, t.model_a, t.model_b FROM leases l JOIN tasks t ON t.id = l.task_id WHERE l.id = ?',
        [id],
      ))!,
    );
  return rows;
}

/**
 * Expected information of each English pair, computed here from the stored votes on the same
 * model list the server uses: the yardstick for "informative", independent of the lease code.
 */
async function englishScores(t: TestServer): Promise<Map<string, number>> {
  const db = t.server.context.db;
  const pairs = await db.many<{ pair_key: string }>(`SELECT pair_key FROM pair_load WHERE lang_base = 'en'`);
  const models = [...new Set(pairs.flatMap((p) => p.pair_key.split('\u001f')))].sort((x, y) =>
    x < y ? -1 : x > y ? 1 : 0,
  );
  const counts = t.server.context.leaderboard.pairFit('en', 'test', (c) => c);
  const view = languageFit(counts, models);
  const candidates = pairs.map((p) => {
    const [x, y] = p.pair_key.split('\u001f') as [string, string];
    return { a: view.index.get(x)!, b: view.index.get(y)!, votes: 0 };
  });
  const scores = scorePairs(view.fit, candidates, DEFAULT_ACTIVE_POLICY);
  return new Map(pairs.map((p, k) => [p.pair_key, scores[k]!]));
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('active pair selection in leasing (pairSelection = active)', () => {
  let active: TestServer;
  let leastVoted: TestServer;
  beforeAll(async () => {
    active = await startTestServer({ pairSelection: 'active' });
    leastVoted = await startTestServer({ pairSelection: 'least_voted' });
  });
  afterAll(async () => {
    await active.close();
    await leastVoted.close();
  });

  it('leases more informative pairs than least-voted leasing, one task per pair', async () => {
    const scores = await englishScores(active);
    const overall = mean([...scores.values()]);
    const means: number[] = [];
    for (const t of [active, leastVoted]) {
      const token = await newRater(t, 'en@verdict.example', 'en:C1');
      const rows = await leasedRows(
        t,
        (await lease(t.url, token, 40)).map((task) => task.taskId),
      );
      expect(rows).toHaveLength(40);
      expect(new Set(rows.map((row) => row.pair_key)).size).toBe(40);
      means.push(mean(rows.map((row) => scores.get(row.pair_key)!)));
    }
    const [activeMean, leastMean] = means as [number, number];
    expect(activeMean).toBeGreaterThan(1.5 * overall);
    expect(activeMean).toBeGreaterThan(1.5 * leastMean);
  });

  it('starves no model: where no model has votes yet, the first leases cover every model', async () => {
    const db = active.server.context.db;
    const pairs = await db.many<{ pair_key: string }>(`SELECT pair_key FROM pair_load WHERE lang_base = 'ja'`);
    const models = new Set(pairs.flatMap((p) => p.pair_key.split('\u001f')));
    const token = await newRater(active, 'ja@verdict.example', 'ja:C1');
    const rows = await leasedRows(
      active,
      (await lease(active.url, token, models.size)).map((task) => task.taskId),
    );
    const served = new Set(rows.flatMap((row) => [row.model_a, row.model_b]));
    expect(served).toEqual(models);
  });

  it('keeps the gold and repeat shares', async () => {
    const t = await startTestServer({ pairSelection: 'active', goldShare: 0.5, repeatShare: 0.5, repeatMinAgeMs: 0 });
    try {
      const token = await newRater(t, 'gold@verdict.example', 'en:C1');
      const first = await lease(t.url, token, 20);
      await push(
        t.url,
        token,
        crypto.randomUUID(),
        first.map((task, i) => voteFor(task, i + 1)),
      );
      const kinds = (
        await leasedRows(
          t,
          (await lease(t.url, token, 20)).map((task) => task.taskId),
        )
      ).map((r) => r.kind);
      expect(kinds).toContain('gold');
      expect(kinds).toContain('repeat');
    } finally {
      await t.close();
    }
  });
});
