import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer } from '../../../server/app';
import { openStore } from '../../../server/db/open';
import { createDatabase, databaseUrl, dropDatabase } from '../../support/postgres';
import { call, lease, login, onPostgres } from './helpers';

const ROOT = resolve(import.meta.dirname, '../../..');
const LLMFAO = resolve(ROOT, '../shared/data/llmfao');
const run = promisify(execFile);

/** Runs `tsx server/admin.ts …` for real and returns its parsed JSON output (or its failure). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function admin(dataDir: string, ...args: string[]): Promise<{ code: number; json: any; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/admin.ts', ...args, '--data', dataDir, ...(database ? ['--database', database] : [])],
      { cwd: ROOT },
    );
    return { code: 0, json: JSON.parse(stdout), stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, json: null, stderr: failed.stderr };
  }
}

/** On PostgreSQL: an empty database of its own (the CLI migrates it on first use). */
const databaseName = onPostgres ? `verdict_admin_${process.pid}` : undefined;
const database = databaseName ? databaseUrl(inject('pgAdminUrl'), databaseName) : undefined;

/** The token ring's key ids, newest first, as the shared key store holds them. */
async function secretKids(url: string): Promise<string[]> {
  const store = await openStore({ dataDir: '', databaseUrl: url, poolSize: 1 });
  try {
    const rows = await store.many<{ kid: string }>(`SELECT kid FROM secrets WHERE purpose = 'token' ORDER BY position`);
    return rows.map((row) => row.kid);
  } finally {
    await store.close();
  }
}

describe('admin CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'verdict-admin-'));
  beforeAll(async () => {
    if (databaseName) await createDatabase(inject('pgAdminUrl'), databaseName);
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseName) await dropDatabase(inject('pgAdminUrl'), databaseName);
  });

  it('builds a network from nothing: contributors, a task set, the LLMFAO votes, rotated secrets', async () => {
    const sup = await admin(
      dataDir,
      'add-contributor',
      '--email',
      'lead@verdict.example',
      '--name',
      'Lead',
      '--role',
      'supervisor',
      '--vetted',
    );
    expect(sup.json).toMatchObject({ email: 'lead@verdict.example', role: 'supervisor', vetted: true });
    const rater = await admin(
      dataDir,
      'add-contributor',
      ...['--email', 'ines@verdict.example', '--name', 'Inês', '--vetted', '--supervisor', 'lead@verdict.example'],
      ...['--country', 'pt', '--age-band', '18-24', '--education', 'bachelor', '--languages', 'pt-BR:native,en:C1'],
    );
    expect(rater.json.password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const tasks = join(dataDir, 'tasks.jsonl');
    writeFileSync(
      tasks,
      [
        {
          id: 'q1',
          prompt: 'Qual é a capital da Austrália?',
          language: 'pt-BR',
          category: 'knowledge',
          responses: { m1: 'Camberra.', m2: 'Sydney.', m3: 'Melbourne.' },
        },
        {
          id: 'q2',
          conversation: [{ role: 'user', content: 'Olá' }],
          language: 'pt-BR',
          category: 'chat',
          responses: { m1: 'Oi!', m2: '...' },
          gold: 'm1',
        },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const imported = await admin(dataDir, 'import-tasks', '--file', tasks, '--set', 'pt-demo', '--licence', 'CC0-1.0');
    expect(imported.json).toEqual({ tasks: 4, prompts: 2 });

    const history = join(dataDir, 'votes.jsonl');
    writeFileSync(
      history,
      [
        {
          id: 'h1',
          rater: 'ines@verdict.example',
          taskId: 'pt-demo:q1:0-1',
          winner: 'm1',
          votedAt: '2025-05-01T10:00:00Z',
        },
        { id: 'h2', rater: rater.json.id, taskId: 'pt-demo:q1:1-2', winner: 'tie', votedAt: '2025-05-01T10:01:00Z' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    expect((await admin(dataDir, 'import-votes', '--file', history)).json).toEqual({ votes: 2, skipped: 0 });
    expect((await admin(dataDir, 'import-votes', '--file', history)).json).toEqual({ votes: 0, skipped: 2 });

    const llmfao = await admin(dataDir, 'import-llmfao', '--dir', LLMFAO, '--supervisor', 'lead@verdict.example');
    expect(llmfao.json).toEqual({ tasks: 2139, votes: 8931, raters: 124 });
    const rotated = await admin(dataDir, 'rotate-secrets');
    // The new key signs; the previous one still verifies, so outstanding tickets stay valid.
    if (database) {
      const kids = await secretKids(database);
      expect(kids).toEqual([rotated.json.rotated.token, expect.any(String)]);
    } else {
      const ring = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));
      expect(ring.token.map((k: { kid: string }) => k.kid)).toEqual([rotated.json.rotated.token, expect.any(String)]);
      expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    }

    const server = await startServer({
      dataDir,
      databaseUrl: database,
      port: 0,
      goldShare: 0,
      repeatShare: 0,
      anomalyScanIntervalMs: 0,
    });
    try {
      const session = await login(server.url, { email: 'ines@verdict.example', password: rater.json.password });
      expect(session.account.profile.country).toBe('PT');
      // Inês reads pt and en. Of q1's three pt-BR pairs she already voted two (imported above), q2 is gold,
      // and the English pairs all carry crowd votes: the one pt-BR item she may take comes first in
      // sampling order (a lease's order is shuffled, so compare as a set).
      const leased = await lease(server.url, session.accessToken, 3);
      expect(leased.map((task) => task.language).sort()).toEqual(['en', 'en', 'pt-BR']);
      const team = await call(server.url, 'GET', '/v1/supervisor/raters', {
        token: (await login(server.url, { email: 'lead@verdict.example', password: sup.json.password })).accessToken,
      });
      expect(team.body.raters).toHaveLength(125);
    } finally {
      await server.close();
    }

    const suspended = await admin(dataDir, 'suspend', '--email', 'ines@verdict.example', '--reason', 'test');
    expect(suspended.json.suspended).toBe(true);
    const log = await admin(dataDir, 'audit-log', '--limit', '20');
    expect(log.json.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining([
        'contributor.add',
        'tasks.import',
        'votes.import',
        'votes.import_llmfao',
        'secrets.rotate',
        'contributor.suspend',
      ]),
    );
  }, 60_000);

  it('refuses a bad task file as a whole and says which line is wrong', async () => {
    const bad = join(dataDir, 'bad.jsonl');
    writeFileSync(
      bad,
      `${JSON.stringify({ id: 'ok', prompt: 'p', language: 'en', category: 'c', responses: { a: 'x', b: 'y' } })}\n{"id":"one","prompt":"p","language":"en","category":"c","responses":{"a":"x"}}\n`,
    );
    const result = await admin(dataDir, 'import-tasks', '--file', bad, '--set', 'bad');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.jsonl:2: .*at least two responses/s);
    const listed = await admin(dataDir, 'list-contributors');
    expect(listed.code).toBe(0);
  });
});
