import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Task } from '../../../shared/protocol/tasks';
import type { VoteResult } from '../../../shared/protocol/votes';
import { addContributor } from '../../../server/admin/contributors';
import { openStore } from '../../../server/db/open';
import type { Store } from '../../../server/store/types';
import { createDatabase, databaseUrl, dropDatabase } from '../../support/postgres';
import { startServerProcess } from '../../support/processes';
import { TEMPLATE_DATABASE } from '../../support/postgresGlobalSetup';
import { call, lease, login, onPostgres, push, voteFor, type DemoAccount } from './helpers';


/** One server process on the shared database (the real CLI, one Node process), with its URL. */
async function spawnServer(dataDir: string, url: string): Promise<{ child: ChildProcess; url: string }> {
  const options = ['--min-active-ms', '0', '--gold-share', '0', '--repeat-share', '0', '--stats-max-stale-ms', '0'];
  const started = await startServerProcess(0, dataDir, ['--database', url, ...options], { timeoutMs: 100_000 });
  return { child: started.child, url: started.match[1]! };
}

/**
 * Two server processes on one PostgreSQL database, started together (so they
 * also race through migrations and key creation). Only on the PostgreSQL run:
 * a SQLite file belongs to one process.
 */
describe.runIf(onPostgres)('two server processes on one PostgreSQL database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'verdict-multi-'));
  const name = `verdict_multi_${process.pid}`;
  let url: string;
  let servers: Array<{ child: ChildProcess; url: string }> = [];
  let db: Store;
  let accounts: Record<string, DemoAccount>;

  beforeAll(async () => {
    await createDatabase(inject('pgAdminUrl'), name, TEMPLATE_DATABASE);
    copyFileSync(join(inject('pgTemplateDir'), 'demo-accounts.json'), join(dataDir, 'demo-accounts.json'));
    url = databaseUrl(inject('pgAdminUrl'), name);
    servers = await Promise.all([spawnServer(dataDir, url), spawnServer(dataDir, url)]);
    db = await openStore({ dataDir, databaseUrl: url, poolSize: 2 });
    const { readFileSync } = await import('node:fs');
    const file = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as { accounts: DemoAccount[] };
    accounts = Object.fromEntries(file.accounts.map((account) => [account.key, account]));
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGKILL');
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase(inject('pgAdminUrl'), name);
  });

  const [a, b] = [() => servers[0]!.url, () => servers[1]!.url];

  it('sign with the same keys: a session from one process works on the other', async () => {
    const session = await login(a(), accounts.rater1!);
    const me = await call(b(), 'GET', '/v1/me', { token: session.accessToken });
    expect(me.status).toBe(200);
    expect((await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM secrets'))?.n).toBe(2);
  });

  it('never hand one rater an item twice, nor an item to more than 7 raters, when leasing on both at once', async () => {
    // 12 Bengali readers for 80 Bengali items: demand (12 × 2 × 30) far above the 560 rater slots.
    const raters = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const email = `bn${i}@verdict.example`;
        const { password } = await addContributor(db, 'test', {
          email,
          displayName: `bn ${i}`,
          role: 'rater',
          vetted: true,
          languages: 'bn:native',
        });
        return (await login(a(), { email, password })).accessToken;
      }),
    );
    const leased = await Promise.all(
      raters.flatMap((token) => [
        lease(a(), token, 30),
        lease(b(), token, 30),
        lease(a(), token, 30),
        lease(b(), token, 30),
      ]),
    );
    expect(leased.flat().length).toBeGreaterThan(0);
    const twice = await db.many(
      `SELECT account_id, task_id FROM leases GROUP BY account_id, task_id HAVING COUNT(*) > 1`,
    );
    expect(twice).toEqual([]);
    const crowded = await db.many(
      `SELECT task_id FROM leases WHERE kind = 'normal' AND state <> 'lapsed' GROUP BY task_id HAVING COUNT(*) > 7`,
    );
    expect(crowded).toEqual([]);
    const slots = await db.many<{ id: string; assigned: number; n: number }>(
      `SELECT t.id, t.assigned, (SELECT COUNT(*) FROM leases l WHERE l.task_id = t.id AND l.kind = 'normal' AND l.state <> 'lapsed') AS n
       FROM tasks t WHERE t.language = 'bn'`,
    );
    // The load counters agree with the leases: no increment lost to a race.
    for (const slot of slots) expect(slot.assigned).toBe(slot.n);
  });

  it('store the same push sent to both at once once, and all answers agree', async () => {
    const session = await login(a(), accounts.rater2!);
    const tasks: Task[] = await lease(a(), session.accessToken, 20);
    const installation = crypto.randomUUID();
    const votes = tasks.map((task, i) => voteFor(task, i + 1));
    // The installation exists already (its first vote went in), so the copies race on its row, not on creating it.
    expect((await push(b(), session.accessToken, installation, votes.slice(0, 1))).status).toBe(200);
    // Four copies at once, two to each process, so that they really overlap.
    const replies = await Promise.all(
      [a(), b(), a(), b()].map((url) => push(url, session.accessToken, installation, votes)),
    );
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    for (const [i, vote] of votes.entries()) {
      if (i === 0) continue;
      const answers = replies.map((reply) => (reply.body.results as VoteResult[])[i]!);
      expect(answers.map((r) => r.id)).toEqual(Array(4).fill(vote.id));
      // One copy applied it; the others answer from the stored result: same outcome, same reveal.
      const accepted = answers.filter((r) => r.status === 'accepted');
      expect(accepted).toHaveLength(1);
      for (const other of answers.filter((r) => r !== accepted[0]))
        expect(other).toEqual({ ...accepted[0], status: 'duplicate', original: 'accepted' });
    }
    const stored = await db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM votes WHERE installation_id = ?`, [
      installation,
    ]);
    expect(stored?.n).toBe(votes.length);
  });

  it('keep an installation’s seqs contiguous when its pushes alternate and overlap between processes', async () => {
    const session = await login(b(), accounts.rater1!);
    const tasks = [...(await lease(a(), session.accessToken, 20)), ...(await lease(b(), session.accessToken, 20))];
    const installation = crypto.randomUUID();
    const votes = tasks.map((task, i) => voteFor(task, i + 1));
    // Overlapping batches, each sent to one process or the other; retried until every vote is in.
    for (let round = 0; round < 10; round++) {
      const replies = await Promise.all(
        [0, 1, 2, 3].map((k) =>
          push(
            k % 2 ? a() : b(),
            session.accessToken,
            installation,
            votes.slice(round * 4 + k - 2 < 0 ? 0 : round * 4 + k - 2, round * 4 + k + 6),
          ),
        ),
      );
      for (const reply of replies) expect(reply.status).toBe(200);
    }
    const final = await push(a(), session.accessToken, installation, votes);
    expect(final.body.lastSeq).toBe(votes.length);
    const seqs = await db.many<{ seq: number }>('SELECT seq FROM push_results WHERE installation_id = ? ORDER BY seq', [
      installation,
    ]);
    expect(seqs.map((row) => row.seq)).toEqual(votes.map((_, i) => i + 1));
    const stored = await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM votes WHERE installation_id = ?', [
      installation,
    ]);
    expect(stored?.n).toBe(votes.length);
  });

  it('end a session on both at once: logout on one process, the access token is refused by the other', async () => {
    const session = await login(a(), accounts.rater2!);
    expect((await call(b(), 'GET', '/v1/me', { token: session.accessToken })).status).toBe(200);
    await call(a(), 'POST', '/v1/auth/logout', { body: { refreshToken: session.refreshToken } });
    expect((await call(b(), 'GET', '/v1/me', { token: session.accessToken })).status).toBe(401);
  });

  it('count sign-in attempts together: the limit is per email, not per process', async () => {
    // An address nobody signed in with yet, so only these attempts count in its window.
    const email = 'guess@verdict.example';
    const statuses: number[] = [];
    // 10 per minute per email; alternate processes, so each alone saw at most 6.
    for (let i = 0; i < 12; i++) {
      const reply = await call(i % 2 ? a() : b(), 'POST', '/v1/auth/login', {
        body: { email, password: 'wrong password' },
      });
      statuses.push(reply.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('show votes taken by one process in the other’s leaderboard counts', async () => {
    const admin = await login(b(), accounts.supervisor!);
    const before = await call(b(), 'GET', '/v1/leaderboard/counts', { token: admin.accessToken });
    const rater = await login(a(), accounts.rater2!);
    const tasks = await lease(a(), rater.accessToken, 3);
    const reply = await push(
      a(),
      rater.accessToken,
      crypto.randomUUID(),
      tasks.map((task, i) => voteFor(task, i + 1)),
    );
    expect(reply.body.results.every((r: VoteResult) => r.status === 'accepted')).toBe(true);
    const after = await call(b(), 'GET', '/v1/leaderboard/counts', { token: admin.accessToken });
    expect(after.body.segments[0].votes).toBe(before.body.segments[0].votes + 3);
  });
});
