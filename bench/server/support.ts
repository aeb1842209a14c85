/**
 * Shared set-up for bench/server.bench.ts: the bench server child process,
 * HTTP helpers, synthetic raters and tasks. Nothing here is measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import type { Task } from '../../shared/protocol/tasks';
import type { Vote } from '../../shared/protocol/votes';
import { insertAccount } from '../../server/accounts/repo';
import { hashPassword } from '../../server/auth/passwords';
import type { ServerOptions } from '../../server/config';
import { openDatabase, transaction, type Db } from '../../server/db/open';
import { insertPromptItem, ResponseStore, upsertTaskSet } from '../../server/imports/task-store';

// autocannon ships no type declarations (and @types/autocannon is not installed): the little we use, typed here.
interface AutocannonClient {
  setHeaders(headers: Record<string, string>): void;
}
interface AutocannonResult {
  latency: { p50: number; p90: number; p99: number; max: number };
  requests: { average: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: {
  url: string;
  method: 'POST';
  connections: number;
  amount: number;
  headers: Record<string, string>;
  body: string;
  setupClient: (client: AutocannonClient) => void;
}) => Promise<AutocannonResult>;
export const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export const PASSWORD = 'bench-password-not-secret';
/** The bench entry, re-launched with --child to host the server in its own process. */
const SELF = fileURLToPath(new URL('../server.bench.ts', import.meta.url));
// Defaults except: no minimum time on task (votes are pushed right after leasing) and no background scans.
// Sign-in limits are raised because the setup signs in hundreds of raters from one address; logins are not measured.
export const FAST: Partial<ServerOptions> = {
  minActiveMs: 0,
  goldShare: 0.05,
  repeatShare: 0,
  anomalyScanIntervalMs: 0,
  loginLimit: { max: 10_000, windowMs: 60_000 },
};

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `verdict-bench-${name}-`));
}

export async function spawnServer(
  dataDir: string,
  options: Partial<ServerOptions>,
): Promise<{ child: ChildProcess; url: string; startMs: number; readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--child', dataDir, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const [url = '', ready = 'NaN'] = line.split(' ');
  return { child, url, startMs: performance.now() - started, readyMs: Number(ready) };
}

export async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function createRaters(db: Db, prefix: string, count: number, languages: string[]): Promise<string[]> {
  const hash = await hashPassword(PASSWORD); // one hash for all: setup time, not part of any measurement
  const countries = ['DE', 'EG', 'IN', 'US', 'BR', 'JP', 'KR', 'BD'];
  return transaction(db, async () => {
    const emails: string[] = [];
    for (let i = 0; i < count; i++) {
      const email = `${prefix}${i}@bench.example`;
      await insertAccount(db, {
        email,
        passwordHash: hash,
        displayName: email,
        role: 'rater',
        vetted: true,
        profile: {
          country: countries[i % countries.length] as string,
          ageBand: (['18-24', '25-34', '35-44', '45-54'] as const)[i % 4] as '18-24',
          education: (['secondary', 'bachelor', 'master', 'doctorate'] as const)[i % 4] as 'master',
          languages: languages.map((tag) => ({ tag, proficiency: 'C1' as const })),
          specialties: [],
        },
      });
      emails.push(email);
    }
    return emails;
  });
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function syntheticTasks(db: Db, prompts: number, modelsPerPrompt: number): Promise<void> {
  await transaction(db, async () => {
    await upsertTaskSet(db, {
      id: 'bench',
      source: 'synthetic',
      licence: 'none',
      attribution: 'generated by bench/server.bench.ts',
    });
    const store = new ResponseStore(db);
    const text = 'A synthetic response of typical length. '.repeat(20);
    for (let p = 0; p < prompts; p++) {
      const models = Array.from({ length: modelsPerPrompt }, (_, k) => `model-${(p * 7 + k * 13) % 60}`);
      await insertPromptItem(
        db,
        'bench',
        {
          id: `bench-${p}`,
          language: 'en',
          category: ['code', 'writing', 'math', 'knowledge'][p % 4] as string,
          conversation: [{ role: 'user', content: `Synthetic prompt number ${p}?` }],
          responses: [...new Set(models)].map((model) => ({ model, content: `${model}: ${text}` })),
        },
        store,
      );
    }
  });
}

/** The 1M-vote dir has no signed-in accounts; add one rater (outside the measurements) to call the API. */
export async function benchLogin(dir: string): Promise<{ email: string }> {
  const db = await openDatabase(dir);
  try {
    const [email] = await createRaters(db, 'board', 1, ['en']);
    return { email: email as string };
  } finally {
    await db.close();
  }
}

/**
 * Open-loop leasing: each rater leases 5 tasks every periodMs (± half) at a random phase, for durationMs.
 * With several server URLs (processes behind one proxy), rater i talks to urls[i mod n].
 */
export async function pacedLeases(urls: string | string[], tokens: string[], periodMs: number, durationMs: number) {
  const servers = typeof urls === 'string' ? [urls] : urls;
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + durationMs;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  const started = performance.now();
  await Promise.all(
    tokens.map(async (token, i) => {
      const url = servers[i % servers.length] as string;
      await sleep(Math.random() * periodMs);
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const response = await fetch(`${url}/v1/tasks/lease`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: '{"count":5}',
          });
          await response.arrayBuffer();
          if (!response.ok) failures += 1;
        } catch {
          failures += 1;
        }
        const took = performance.now() - t0;
        latencies.push(took);
        await sleep(periodMs * (0.5 + Math.random()) - took);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  return {
    count: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0,
    failures,
  };
}

/** A signed-in rater with `count` leased tasks already voted (seq 1…count), ready to push. */
export interface BenchClient {
  url: string;
  token: string;
  installationId: string;
  votes: Vote[];
}

/**
 * Signs `email` in on `url`, leases until it holds `count` tasks and votes them (first, second,
 * tie in turn; `extra` fields on every vote), so a benchmark times only the pushes.
 */
export async function votingClient(url: string, email: string, count: number, extra: Partial<Vote> = {}): Promise<BenchClient> {
  const { accessToken } = await post<{ accessToken: string }>(url, '/v1/auth/login', { email, password: PASSWORD });
  const tasks: Task[] = [];
  while (tasks.length < count) tasks.push(...(await post<{ tasks: Task[] }>(url, '/v1/tasks/lease', { count: 50 }, accessToken)).tasks);
  const now = new Date().toISOString();
  const votes = tasks.map((task, i) => ({ ...benchVote(task, i + 1, (['first', 'second', 'tie'] as const)[i % 3]!, now), ...extra }));
  return { url, token: accessToken, installationId: crypto.randomUUID(), votes };
}

/** A vote on a leased task as a client would send it, 9 s on task, cast at `now`. */
export function benchVote(task: Pick<Task, 'taskId' | 'ticket'>, seq: number, choice: Vote['choice'], now: string): Vote {
  return {
    id: uuidv7(),
    seq,
    taskId: task.taskId,
    ticket: task.ticket,
    choice,
    activeMs: 9000,
    shownAt: now,
    votedAt: now,
    clockOffsetMs: 0,
    locale: 'en',
    appVersion: 'bench',
  };
}
