import { v7 as uuidv7 } from 'uuid';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import type { Session } from '../../../shared/protocol/auth';
import type { Task } from '../../../shared/protocol/tasks';
import type { Vote } from '../../../shared/protocol/votes';
import { addContributor } from '../../../server/admin/contributors';
import { startServer, type RunningServer } from '../../../server/app';
import type { ServerOptions } from '../../../server/config';
import { openDatabase } from '../../../server/db/open';
import type { DemoAccountsFile } from '../../../server/demo/accounts';
import { seedDemoIfEmpty } from '../../../server/demo/seed';
import { createDatabase, databaseUrl, dropDatabase } from '../../support/postgres';
import { TEMPLATE_DATABASE } from '../../support/postgresGlobalSetup';

/** Which store this run tests: the vitest project `node-postgres` sets VERDICT_TEST_STORE=postgres. */
export const onPostgres = process.env.VERDICT_TEST_STORE === 'postgres';

export type DemoAccount = DemoAccountsFile['accounts'][number];

export interface TestServer {
  server: RunningServer;
  url: string;
  dataDir: string;
  /** Where this server's data lives, to restart it on the same data: the dir, and on PostgreSQL its database. */
  store: { dataDir: string; databaseUrl?: string };
  accounts: Record<DemoAccount['key'], DemoAccount>;
  close(): Promise<void>;
}

let template: Promise<string> | undefined;

/**
 * The demo seed, made once per test file and copied for each server in it:
 * a copy takes milliseconds where a seed takes a second. Its demo passwords
 * are hashed at scrypt N=2^12 rather than 2^15, so the suite's sixty-odd
 * sign-ins take milliseconds each; demo-seed.test.ts seeds a fresh dir at
 * the production cost, and the password unit test checks that cost.
 */
function seededTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verdict-template-'));
    const db = await openDatabase(dir);
    await seedDemoIfEmpty(db, dir, undefined, 12);
    await db.close(); // checkpoints the WAL into verdict.sqlite, so the one file is the whole database
    return dir;
  })();
  return template;
}

// Registered on the root suite of whichever test file imports this module (vitest isolates files).
afterAll(async () => {
  if (template) rmSync(await template, { recursive: true, force: true });
});

/**
 * A real server on 127.0.0.1, port 0, with a fresh data dir holding the
 * demo network (copied from the template, or seeded by the server itself
 * with seed = 'fresh'). Time-based safeguards are off unless a test turns them on,
 * so that tests never depend on how fast the machine is.
 */
export async function startTestServer(
  overrides: Partial<ServerOptions> = {},
  seed: 'copy' | 'fresh' = 'copy',
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verdict-server-test-'));
  const store: TestServer['store'] = onPostgres ? await freshPostgresDatabase(dataDir, seed) : { dataDir };
  if (seed === 'copy' && !onPostgres) {
    const source = await seededTemplate();
    for (const file of ['verdict.sqlite', 'demo-accounts.json']) copyFileSync(join(source, file), join(dataDir, file));
  }
  const server = await startServer({
    ...store,
    port: 0,
    demo: true,
    minActiveMs: 0,
    goldShare: 0,
    repeatShare: 0,
    statsMaxStaleMs: 0,
    anomalyScanIntervalMs: 0,
    ...overrides,
  });
  const file = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccountsFile;
  const accounts = Object.fromEntries(file.accounts.map((a) => [a.key, a])) as TestServer['accounts'];
  const handle: TestServer = {
    server,
    url: server.url,
    dataDir,
    store,
    accounts,
    // Reads handle.server at close time: a test may have restarted the server on the same dir.
    close: async () => {
      await handle.server.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (store.databaseUrl) await dropDatabase(inject('pgAdminUrl'), new URL(store.databaseUrl).pathname.slice(1));
    },
  };
  return handle;
}

/**
 * A database of its own for one test server: a copy of the seeded template
 * (made once by the global setup), or empty for seed = 'fresh'.
 */
async function freshPostgresDatabase(dataDir: string, seed: 'copy' | 'fresh') {
  const name = `verdict_test_${crypto.randomUUID().replaceAll('-', '')}`;
  const adminUrl = inject('pgAdminUrl');
  await createDatabase(adminUrl, name, seed === 'copy' ? TEMPLATE_DATABASE : undefined);
  if (seed === 'copy')
    copyFileSync(join(inject('pgTemplateDir'), 'demo-accounts.json'), join(dataDir, 'demo-accounts.json'));
  return { dataDir, databaseUrl: databaseUrl(adminUrl, name) };
}

// Tests read JSON bodies loosely; where the exact shape matters they parse it with the protocol schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** fetch with JSON in and out; `raw` sends a body string exactly as given. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call<T = any>(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, { method, headers, body });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    body: type.startsWith('application/json') && text ? JSON.parse(text) : text,
    headers: response.headers,
  };
}

export async function login(url: string, account: { email: string; password: string }): Promise<Session> {
  const reply = await call<Session>(url, 'POST', '/v1/auth/login', {
    body: { email: account.email, password: account.password },
  });
  if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export async function lease(url: string, token: string, count: number): Promise<Task[]> {
  const reply = await call<{ tasks: Task[] }>(url, 'POST', '/v1/tasks/lease', { token, body: { count } });
  if (reply.status !== 200) throw new Error(`lease failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.tasks;
}

/** RFC 9562 UUIDv7 vote ids, as the client makes them. */
export { uuidv7 };

export function voteFor(task: Pick<Task, 'taskId' | 'ticket'>, seq: number, overrides: Partial<Vote> = {}): Vote {
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    seq,
    taskId: task.taskId,
    ticket: task.ticket,
    choice: 'first',
    activeMs: 12_000,
    shownAt: now,
    votedAt: now,
    clockOffsetMs: 0,
    locale: 'en',
    appVersion: '0.1.0-test',
    ...overrides,
  };
}

export async function push(url: string, token: string, installationId: string, votes: Vote[]) {
  return call(url, 'POST', '/v1/votes/push', { token, body: { installationId, votes } });
}

/** A vetted rater in the given languages (comma-separated), added through the admin code and signed in: its access token. */
export async function newRater(t: TestServer, email: string, languages: string): Promise<string> {
  const { password } = await addContributor(t.server.context.db, 'test', {
    email,
    displayName: email,
    role: 'rater',
    vetted: true,
    languages,
    country: 'FR',
    ageBand: '18-24',
    education: 'bachelor',
  });
  return (await login(t.url, { email, password })).accessToken;
}
