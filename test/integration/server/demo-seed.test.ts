import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/app';
import { DEFAULT_DEMO_ASSETS } from '../../../server/demo/seed';
import { call, login, onPostgres, startTestServer, type TestServer } from './helpers';

const SHARED = resolve(import.meta.dirname, '../../../../shared/data');

describe('--demo seeds a real network into an empty data dir', () => {
  let t: TestServer;
  // A seed is some 17,000 inserts: about a second in SQLite, 20 s of round trips to PostgreSQL.
  beforeAll(async () => {
    t = await startTestServer({}, 'fresh');
  }, 90_000);
  afterAll(() => t.close());

  const count = async (query: string) => Number((await t.server.context.db.one(query))?.n);

  it('writes the demo credentials, private to the server user, and every account can sign in', async () => {
    const path = join(t.dataDir, 'demo-accounts.json');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // On PostgreSQL the keys and the data are in the database, not in the dir.
    if (!onPostgres) {
      expect(statSync(join(t.dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
      expect(statSync(join(t.dataDir, 'verdict.sqlite')).mode & 0o777).toBe(0o600);
    }
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.accounts.map((a: { key: string; role: string }) => `${a.key}:${a.role}`)).toEqual([
      'rater1:rater',
      'rater2:rater',
      'supervisor:supervisor',
      'admin:admin',
    ]);
    for (const account of file.accounts) {
      const session = await login(t.url, account);
      expect(session.account.id).toBe(account.id);
    }
    const [r1, r2] = [t.accounts.rater1.profile, t.accounts.rater2.profile];
    for (const field of ['country', 'ageBand', 'education'] as const) expect(r1[field]).not.toBe(r2[field]);
  });

  it('loads every LLMFAO pair and the 8,931 crowd votes as 124 raters on the supervisor team', async () => {
    expect(await count(`SELECT COUNT(*) AS n FROM tasks WHERE task_set = 'llmfao'`)).toBe(2139);
    expect(await count(`SELECT COUNT(*) AS n FROM votes WHERE kind = 'import'`)).toBe(8931);
    expect(await count(`SELECT COUNT(*) AS n FROM accounts WHERE public_id LIKE 'llmfao-worker-%'`)).toBe(124);
    const supervisorTeam = await count(
      `SELECT COUNT(*) AS n FROM accounts r JOIN accounts s ON s.id = r.supervisor_id WHERE s.email = 'supervisor@verdict.example'`,
    );
    expect(supervisorTeam).toBe(126);
    // Pairs on which at least four workers agreed on one side are the gold items.
    expect(await count(`SELECT COUNT(*) AS n FROM tasks WHERE gold IS NOT NULL`)).toBe(205);
  });

  it('adds real Korean, Japanese and Bengali pairs, and keeps the attribution of each set', async () => {
    expect(await count(`SELECT COUNT(*) AS n FROM tasks WHERE language = 'ko'`)).toBe(80 * 15);
    expect(await count(`SELECT COUNT(*) AS n FROM tasks WHERE language = 'ja'`)).toBe(40 * 105);
    expect(await count(`SELECT COUNT(*) AS n FROM tasks WHERE language = 'bn'`)).toBe(80);
    const sets = await t.server.context.db.many('SELECT id, licence, attribution FROM task_sets ORDER BY id');
    expect(sets.map((s) => `${s.id}:${s.licence}`)).toEqual([
      'korean-mt-bench:Apache-2.0',
      'llmfao:CC BY 4.0',
      'm2lingual-bn:Apache-2.0',
      'rakuda-ja:Apache-2.0',
    ]);
    for (const set of sets) expect(String(set.attribution).length).toBeGreaterThan(10);
  });

  it('does not seed twice: a restart on the same dir keeps accounts and passwords', async () => {
    const before = readFileSync(join(t.dataDir, 'demo-accounts.json'), 'utf8');
    await t.server.close();
    t.server = await startServer({ ...t.store, port: 0, demo: true });
    t.url = t.server.url;
    expect(readFileSync(join(t.dataDir, 'demo-accounts.json'), 'utf8')).toBe(before);
    expect(await count(`SELECT COUNT(*) AS n FROM votes`)).toBe(8931);
    const health = await call(t.url, 'GET', '/v1/health');
    expect(health.body).toMatchObject({ status: 'ok', apiVersion: 1 });
  });
});

describe('vendored demo assets', () => {
  it('are byte-identical copies of ../shared/data with their licences, under ~8 MB', () => {
    const pairs = [
      ['llmfao/pairs-crowd.jsonl', 'llmfao/pairs-crowd.jsonl'],
      ['llmfao/crowd-comparisons.csv', 'llmfao/crowd-comparisons.csv'],
      ['llmfao/LICENSE.CC-BY', 'llmfao/LICENSE.CC-BY'],
      ['korean-mt-bench/LICENSE', 'multilingual/korean-mt-bench/LICENSE'],
      ['rakuda-ja/LICENSE', 'multilingual/rakuda-ja/LICENSE'],
      ['m2lingual-mt-bench/LICENSE', 'multilingual/m2lingual-mt-bench/LICENSE'],
    ];
    for (const [vendored, original] of pairs) {
      expect(readFileSync(join(DEFAULT_DEMO_ASSETS, vendored as string))).toEqual(
        readFileSync(join(SHARED, original as string)),
      );
    }
    expect(readFileSync(join(DEFAULT_DEMO_ASSETS, 'ATTRIBUTION.md'), 'utf8')).toMatch(/CC BY 4\.0/);
    const files = readdirSync(DEFAULT_DEMO_ASSETS, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    const bytes = files.reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
    expect(bytes).toBeLessThan(8.5 * 1024 * 1024);
  });
});
