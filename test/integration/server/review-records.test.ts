import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Flag,
  ItemMark,
  RatersResponse,
  RaterVotesResponse,
  type RaterVote,
} from '../../../shared/protocol/supervisor';
import { addContributor } from '../../../server/admin/contributors';
import { startServer } from '../../../server/app';
import { DB_FILE } from '../../../server/db/open';
import { call, login, onPostgres, startTestServer, type TestServer } from './helpers';

/** Unflags, item marks and the team's votes: records and endpoints of their own, against the real server. */
describe('review records of their own', () => {
  let t: TestServer;
  let supervisor: string;
  let outsider: string;
  beforeAll(async () => {
    t = await startTestServer();
    supervisor = (await login(t.url, t.accounts.supervisor)).accessToken;
    const { password } = await addContributor(t.server.context.db, 'test', {
      email: 'review-outsider@verdict.example',
      displayName: 'Outsider',
      role: 'supervisor',
      vetted: true,
    });
    outsider = (await login(t.url, { email: 'review-outsider@verdict.example', password })).accessToken;
  });
  afterAll(() => t.close());

  const openFlags = async (raterId: string) =>
    RatersResponse.parse((await call(t.url, 'GET', '/v1/supervisor/raters', { token: supervisor })).body).raters.find(
      (r) => r.id === raterId,
    )?.openFlags;

  it('unflags a rater: an unflag entry in the history, no open flags left, audited; 404 outside the team', async () => {
    const raterId = 'llmfao-worker-12';
    for (const note of ['Too many ties', 'Fast on long prompts']) {
      await call(t.url, 'POST', '/v1/supervisor/flags', { token: supervisor, body: { raterId, note } });
    }
    expect(await openFlags(raterId)).toBe(2);
    const unflag = await call(t.url, 'POST', `/v1/supervisor/raters/${raterId}/unflag`, {
      token: supervisor,
      body: { note: 'Talked it through' },
    });
    expect(unflag.status).toBe(200);
    expect(Flag.parse(unflag.body)).toMatchObject({ kind: 'unflag', note: 'Talked it through', voteId: null });
    expect(await openFlags(raterId)).toBe(0);
    const history = await call(t.url, 'GET', `/v1/supervisor/flags?raterId=${raterId}`, { token: supervisor });
    expect(history.body.flags.map((f: Flag) => [f.kind, f.note])).toEqual([
      ['flag', 'Too many ties'],
      ['flag', 'Fast on long prompts'],
      ['unflag', 'Talked it through'],
    ]);
    const audited = (await t.server.context.db.many(
      `SELECT target FROM audit_log WHERE action = 'flag.clear'`,
    )) as Array<{ target: string }>;
    expect(audited.map((row) => row.target)).toEqual([raterId]);
    await call(t.url, 'POST', '/v1/supervisor/flags', { token: supervisor, body: { raterId, note: 'Again' } });
    expect(await openFlags(raterId)).toBe(1);
    const foreign = await call(t.url, 'POST', `/v1/supervisor/raters/${raterId}/unflag`, {
      token: outsider,
      body: { note: 'x' },
    });
    expect(foreign.status).toBe(404);
    const empty = await call(t.url, 'POST', `/v1/supervisor/raters/${raterId}/unflag`, {
      token: supervisor,
      body: { note: '   ' },
    });
    expect(empty.status).toBe(400);
  });

  it("marks a team vote's item ambiguous or the vote wrong, tied to the vote and its item; other teams get 404", async () => {
    const vote = (await t.server.context.db.one(
      `SELECT v.id, v.task_id, a.public_id FROM votes v JOIN accounts a ON a.id = v.account_id LIMIT 1`,
    )) as { id: string; task_id: string; public_id: string };
    const created = await call(t.url, 'POST', '/v1/supervisor/marks', {
      token: supervisor,
      body: { voteId: vote.id, mark: 'ambiguous', note: 'Both readings are fair' },
    });
    expect(created.status).toBe(200);
    expect(ItemMark.parse(created.body)).toMatchObject({
      mark: 'ambiguous',
      voteId: vote.id,
      itemId: vote.task_id,
      raterId: vote.public_id,
      note: 'Both readings are fair',
    });
    const listed = await call(t.url, 'GET', `/v1/supervisor/marks?raterId=${vote.public_id}`, { token: supervisor });
    expect(listed.body.marks.map((m: ItemMark) => m.voteId)).toEqual([vote.id]);
    // Marks are not flags: the rater's flag count and history are untouched.
    const flags = await call(t.url, 'GET', `/v1/supervisor/flags?raterId=${vote.public_id}`, { token: supervisor });
    expect(flags.body.flags).toEqual([]);
    for (const voteId of [vote.id, 'no-such-vote']) {
      const token = voteId === vote.id ? outsider : supervisor;
      const refused = await call(t.url, 'POST', '/v1/supervisor/marks', {
        token,
        body: { voteId, mark: 'vote_wrong', note: 'x' },
      });
      expect(refused.status).toBe(404);
    }
    expect((await call(t.url, 'GET', '/v1/supervisor/marks', { token: outsider })).body.marks).toEqual([]);
    const badKind = await call(t.url, 'POST', '/v1/supervisor/marks', {
      token: supervisor,
      body: { voteId: vote.id, mark: 'flag', note: 'x' },
    });
    expect(badKind.status).toBe(400);
  });

  it("pages the team's votes with one cursor, each vote once, and nobody else's", async () => {
    const db = t.server.context.db;
    const expected = (await db.many(
      `SELECT v.id FROM votes v JOIN accounts a ON a.id = v.account_id
         JOIN accounts s ON s.id = a.supervisor_id WHERE s.email = ?`,
      [t.accounts.supervisor.email],
    )) as Array<{ id: string }>;
    const seen: RaterVote[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/v1/supervisor/votes?limit=1000${cursor ? `&cursor=${cursor}` : ''}`;
      const page = RaterVotesResponse.parse((await call(t.url, 'GET', path, { token: supervisor })).body);
      seen.push(...page.votes);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((v) => v.voteId).sort()).toEqual(expected.map((row) => row.id).sort());
    const foreign = await call(t.url, 'GET', '/v1/supervisor/votes', { token: outsider });
    expect(foreign.body).toEqual({ votes: [], nextCursor: null });
    const forged = await call(t.url, 'GET', '/v1/supervisor/votes?cursor=bm90LW91cnM', { token: supervisor });
    expect(forged.status).toBe(400);
  });
});

// SQLite's schema history: a PostgreSQL database starts at the schema that has the records.
describe.skipIf(onPostgres)('the migration from `[kind]` note prefixes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  /** Puts the database back to schema 1, with notes as the desktop client wrote them before version 2. */
  function asSchemaV1(dataDir: string): { voteId: string; taskId: string } {
    const db = new DatabaseSync(join(dataDir, DB_FILE));
    // Undo what schemas 2–5 added, so that every later migration runs again on this file.
    db.exec(`DROP TABLE item_marks; ALTER TABLE flags DROP COLUMN kind; ALTER TABLE votes DROP COLUMN shown_first;
      DROP TABLE leaderboard_counts; DROP TABLE leaderboard_raters; DROP TABLE counts_version;
      DROP TABLE leaderboard_style_counts; ALTER TABLE responses DROP COLUMN style_tokens; ALTER TABLE responses DROP COLUMN style_headers;
      ALTER TABLE responses DROP COLUMN style_lists; ALTER TABLE responses DROP COLUMN style_bold; PRAGMA user_version = 1;`);
    const vote = db
      .prepare(
        `SELECT v.id, v.task_id, v.account_id FROM votes v JOIN accounts a ON a.id = v.account_id WHERE a.public_id = 'llmfao-worker-7' LIMIT 1`,
      )
      .get() as { id: string; task_id: string; account_id: number };
    const insert = db.prepare(
      `INSERT INTO flags (account_id, vote_id, note, source, created_by, created_at) VALUES (?, ?, ?, 'supervisor', NULL, ?)`,
    );
    insert.run(vote.account_id, null, '[flag] Check ties', 1);
    insert.run(vote.account_id, null, '[unflag] Fine now', 2);
    insert.run(vote.account_id, vote.id, '[ambiguous] Two readings', 3);
    insert.run(vote.account_id, vote.id, '[vote_wrong]Misread', 4);
    insert.run(vote.account_id, null, 'Sequential anomaly test fired', 5);
    insert.run(vote.account_id, null, '[later] not a kind', 6);
    db.close();
    return { voteId: vote.id, taskId: vote.task_id };
  }

  it('turns unflags into unflag records, marks into item marks, strips the prefixes, keeps other notes as they were', async () => {
    await t.server.close();
    const { voteId, taskId } = asSchemaV1(t.dataDir);
    t.server = await startServer({ ...t.store, port: 0, demo: true, anomalyScanIntervalMs: 0 });
    const token = (await login(t.server.url, t.accounts.supervisor)).accessToken;
    const flags = await call(t.server.url, 'GET', '/v1/supervisor/flags?raterId=llmfao-worker-7', { token });
    expect(flags.body.flags.map((f: Flag) => [f.kind, f.note, f.voteId])).toEqual([
      ['flag', 'Check ties', null],
      ['unflag', 'Fine now', null],
      ['flag', 'Sequential anomaly test fired', null],
      ['flag', '[later] not a kind', null],
    ]);
    const marks = await call(t.server.url, 'GET', '/v1/supervisor/marks?raterId=llmfao-worker-7', { token });
    expect(marks.body.marks.map((m: ItemMark) => [m.mark, m.note, m.voteId, m.itemId])).toEqual([
      ['ambiguous', 'Two readings', voteId, taskId],
      ['vote_wrong', 'Misread', voteId, taskId],
    ]);
  });
});
