import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/app';
import { DB_FILE, openDatabase } from '../../../server/db/open';
import type { SegmentCube } from '../../../server/leaderboard/cube';
import { cubeFromVotes, loadCube } from '../../../server/leaderboard/load';
import { call, lease, login, onPostgres, push, startTestServer, voteFor, type TestServer } from './helpers';

/** Every cell of a cube as plain sorted data, so two cubes compare with toEqual. */
function snapshot(cube: SegmentCube) {
  return [...cube.cells()]
    .map((cell) => ({
      segment: cell.segment,
      votes: cell.votes,
      raters: [...cell.raters].sort((x, y) => x - y),
      pairs: [...cell.pairs].sort(([x], [y]) => (x < y ? -1 : 1)),
      style: [...cell.style].sort(([x], [y]) => (x < y ? -1 : 1)),
    }))
    .filter((cell) => cell.votes > 0 || cell.raters.length > 0)
    .sort((x, y) => (JSON.stringify(x.segment) < JSON.stringify(y.segment) ? -1 : 1));
}

/** The leaderboard's aggregates are stored with the votes, in the same transaction, and read back at start. */
describe('stored leaderboard aggregates', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('equal the votes table after imports and pushes (ties, both bad, can’t read, gold), and survive a restart', async () => {
    for (const key of ['rater1', 'rater2'] as const) {
      const { accessToken } = await login(t.url, t.accounts[key]);
      const tasks = await lease(t.url, accessToken, 8);
      const choices = ['first', 'second', 'tie', 'both_bad', 'cant_read'] as const;
      const votes = tasks.map((task, i) => voteFor(task, i + 1, { choice: choices[i % choices.length] }));
      const reply = await push(t.url, accessToken, crypto.randomUUID(), votes);
      expect(reply.status).toBe(200);
    }
    const fromVotes = snapshot(await cubeFromVotes(t.server.context.db));
    expect(snapshot(await loadCube(t.server.context.db))).toEqual(fromVotes);
    // Style rows too (measured at import, kept by each push): as many votes as the pair counts hold.
    const styleVotes = fromVotes.flatMap((cell) => cell.style.map(([, row]) => row.reduce((x, y) => x + y, 0)));
    expect(styleVotes.reduce((x, y) => x + y, 0)).toBe(fromVotes.reduce((x, cell) => x + cell.votes, 0));

    const { accessToken } = await login(t.url, t.accounts.rater1);
    const before = await call(t.url, 'GET', '/v1/leaderboard', { token: accessToken });
    await t.server.close();
    t.server = await startServer({
      ...t.store,
      port: 0,
      demo: true,
      anomalyScanIntervalMs: 0,
      statsMaxStaleMs: 0,
    });
    const token = (await login(t.server.url, t.accounts.rater1)).accessToken;
    const after = await call(t.server.url, 'GET', '/v1/leaderboard', { token });
    expect({ ...after.body, computedAt: null }).toEqual({ ...before.body, computedAt: null });
  });

  // SQLite's schema history; a PostgreSQL database starts at the schema that has them.
  it.skipIf(onPostgres)('are built once by the migrations for a database from before they existed (style rows too)', async () => {
    const expected = snapshot(await cubeFromVotes(t.server.context.db));
    await t.server.close();
    const raw = new DatabaseSync(join(t.dataDir, DB_FILE));
    raw.exec(
      'DROP TABLE leaderboard_counts; DROP TABLE leaderboard_raters; DROP TABLE counts_version; ' +
        'DROP TABLE leaderboard_style_counts; ALTER TABLE responses DROP COLUMN style_tokens; ' +
        'ALTER TABLE responses DROP COLUMN style_headers; ALTER TABLE responses DROP COLUMN style_lists; ' +
        'ALTER TABLE responses DROP COLUMN style_bold; PRAGMA user_version = 3;',
    );
    raw.close();
    const db = await openDatabase(t.dataDir);
    try {
      expect(snapshot(await loadCube(db))).toEqual(expected);
    } finally {
      await db.close();
    }
    t.server = await startServer({ ...t.store, port: 0, demo: true, anomalyScanIntervalMs: 0 });
  });
});
