import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamOf, findAccountByPublicId, type AccountRow } from '../../../server/accounts/repo';
import { teamQuality } from '../../../server/supervisor/quality';
import { lease, login, push, startTestServer, voteFor, type TestServer } from './helpers';

/** Team quality from the worker thread: the same numbers as on the event loop, cached by counts version. */
describe('team quality in a worker thread', () => {
  let t: TestServer;
  let supervisor: AccountRow;
  beforeAll(async () => {
    t = await startTestServer();
    supervisor = (await t.server.context.db.one('SELECT * FROM accounts WHERE email = ?', [
      t.accounts.supervisor.email,
    ])) as unknown as AccountRow;
  });
  afterAll(() => t.close());

  it('computes what teamQuality computes on the server connection', async () => {
    const team = await teamOf(t.server.context.db, supervisor);
    const fromWorker = await t.server.context.quality.forTeam(supervisor.id, team);
    const direct = await teamQuality(t.server.context.db, team);
    expect(fromWorker.pool).toEqual(direct.pool);
    expect([...fromWorker.byRater]).toEqual([...direct.byRater]);
  });

  it('answers a reload from cache until votes arrive, and shares one computation between concurrent loads', async () => {
    const { quality, db } = t.server.context;
    const team = await teamOf(db, supervisor);
    const first = await quality.forTeam(supervisor.id, team);
    expect(await quality.forTeam(supervisor.id, team)).toBe(first);

    const rater = await login(t.url, t.accounts.rater1);
    const [task] = await lease(t.url, rater.accessToken, 1);
    await push(t.url, rater.accessToken, crypto.randomUUID(), [voteFor(task!, 1)]);
    const [a, b] = await Promise.all([quality.forTeam(supervisor.id, team), quality.forTeam(supervisor.id, team)]);
    expect(a).not.toBe(first);
    expect(b).toBe(a);
    const raterId = (await findAccountByPublicId(db, rater.account.id))!.public_id;
    expect(a.byRater.get(raterId)?.votes).toBe((first.byRater.get(raterId)?.votes ?? 0) + 1);
  });
});
