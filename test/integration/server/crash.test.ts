import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Task } from '../../../shared/protocol/tasks';
import type { Vote, VoteResult } from '../../../shared/protocol/votes';
import type { DemoAccountsFile } from '../../../server/demo/accounts';
import { createDatabase, databaseUrl, dropDatabase } from '../../support/postgres';
import { startServerProcess } from '../../support/processes';
import { call, lease, login, onPostgres, voteFor } from './helpers';


/**
 * The real CLI (`server/main.ts` as one Node process: SIGKILL must hit the server), resolved
 * with its URL once it prints the listening line.
 */
async function spawnServer(dataDir: string, database?: string): Promise<{ child: ChildProcess; url: string }> {
  const demoOptions = ['--demo', '--min-active-ms', '0', '--gold-share', '0', '--repeat-share', '0'];
  const started = await startServerProcess(0, dataDir, [...(database ? ['--database', database] : []), ...demoOptions], {
    timeoutMs: 100_000,
  });
  return { child: started.child, url: started.match[1]! };
}

interface Client {
  token: string;
  installationId: string;
  votes: Vote[];
  acked: Map<string, VoteResult>;
}

async function newClient(url: string, account: { email: string; password: string }): Promise<Client> {
  const { accessToken: token } = await login(url, account);
  const tasks: Task[] = [];
  for (let i = 0; i < 2; i++) tasks.push(...(await lease(url, token, 50)));
  return {
    token,
    installationId: crypto.randomUUID(),
    votes: tasks.map((task, i) => voteFor(task, i + 1)),
    acked: new Map(),
  };
}

/** Pushes in batches of 10 until the server dies; records every acknowledged result. */
async function pushUntilDead(url: string, client: Client): Promise<void> {
  for (let start = 0; start < client.votes.length; start += 10) {
    let reply;
    try {
      reply = await call(url, 'POST', '/v1/votes/push', {
        token: client.token,
        body: { installationId: client.installationId, votes: client.votes.slice(start, start + 10) },
      });
    } catch {
      return; // connection reset by the kill: this batch was never acknowledged
    }
    for (const result of reply.body.results as VoteResult[]) client.acked.set(result.id, result);
  }
}

describe('kill -9 in the middle of pushes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'verdict-crash-'));
  let running: ChildProcess | undefined;
  // On PostgreSQL, an empty database of its own, which --demo seeds like an empty data dir.
  const database = onPostgres ? `verdict_crash_${process.pid}` : undefined;
  const url = database ? databaseUrl(inject('pgAdminUrl'), database) : undefined;
  beforeAll(async () => {
    if (database) await createDatabase(inject('pgAdminUrl'), database);
  });
  afterAll(async () => {
    running?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    if (database) await dropDatabase(inject('pgAdminUrl'), database);
  });

  it('keeps every acknowledged vote exactly once, and a retrying client gets duplicates', async () => {
    const first = await spawnServer(dataDir, url);
    running = first.child;
    const file = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccountsFile;
    const [rater1, rater2] = [file.accounts[0], file.accounts[1]] as [
      DemoAccountsFile['accounts'][0],
      DemoAccountsFile['accounts'][0],
    ];
    const clients = [await newClient(first.url, rater1), await newClient(first.url, rater2)];
    const pushing = clients.map((client) => pushUntilDead(first.url, client));
    // Kill as soon as a good share is acknowledged, while both clients still have pushes in flight.
    while (clients.reduce((n, c) => n + c.acked.size, 0) < 80) await new Promise((r) => setTimeout(r, 2));
    first.child.kill('SIGKILL');
    await Promise.all(pushing);
    const ackedBeforeCrash = clients.map((c) => new Map(c.acked));
    expect(ackedBeforeCrash.every((acked) => acked.size > 0 && acked.size < 100)).toBe(true);

    const second = await spawnServer(dataDir, url);
    running = second.child;
    for (const client of clients) {
      client.token = (await login(second.url, client === clients[0] ? rater1 : rater2)).accessToken;
      const reply = await call(second.url, 'POST', '/v1/votes/push', {
        token: client.token,
        body: { installationId: client.installationId, votes: client.votes },
      });
      expect(reply.body.lastSeq).toBe(100);
      const results = new Map((reply.body.results as VoteResult[]).map((r) => [r.id, r]));
      for (const [id, before] of ackedBeforeCrash[clients.indexOf(client)] as Map<string, VoteResult>) {
        expect(results.get(id)).toEqual({ ...before, status: 'duplicate', original: 'accepted' });
      }
      for (const result of results.values()) expect(['accepted', 'duplicate']).toContain(result.status);
    }

    const supervisor = await login(second.url, file.accounts[2] as { email: string; password: string });
    const exported = await call(second.url, 'GET', '/v1/supervisor/export?format=jsonl', {
      token: supervisor.accessToken,
    });
    const ids = (exported.body as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).voteId as string);
    expect(ids).toHaveLength(new Set(ids).size);
    for (const client of clients) for (const vote of client.votes) expect(ids).toContain(vote.id);
    const counts = await call(second.url, 'GET', '/v1/leaderboard/counts', { token: supervisor.accessToken });
    expect(counts.body.segments[0].votes).toBe(8931 + 200);

    const exited = new Promise((r) => second.child.once('exit', r));
    second.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    running = undefined;
  }, 120_000);
});
