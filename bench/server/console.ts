import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Task } from '../../shared/protocol/tasks';
import { hashPassword } from '../../server/auth/passwords';
import { insertAccount } from '../../server/accounts/repo';
import { openDatabase, transaction } from '../../server/db/open';
import type { SqliteStore } from '../../server/store/sqlite';
import {
  benchVote,
  createRaters,
  FAST,
  fmt,
  PASSWORD,
  percentile,
  post,
  spawnServer,
  stop,
  syntheticTasks,
  tempDir,
} from './support';

const TEAM = 500;
const TEAM_VOTES = 200_000;
const WORKERS = 40;
const PHASE_MS = 12_000;

/**
 * A supervisor's team of 500 raters with 200,000 stored votes (5 raters per
 * item, so agreement has something to compare), on the synthetic tasks the
 * lease/push raters also draw from.
 */
async function teamOfRaters(db: SqliteStore): Promise<string> {
  const hash = await hashPassword(PASSWORD);
  const supervisor = await insertAccount(db, {
    email: 'console-supervisor@bench.example',
    passwordHash: hash,
    displayName: 'Bench supervisor',
    role: 'supervisor',
    vetted: true,
    profile: { country: 'DE', ageBand: '35-44', education: 'master', languages: [], specialties: [] },
  });
  const tasks = db.connection
    .prepare('SELECT id, model_a, model_b, language, category FROM tasks ORDER BY id')
    .all() as Array<{
    id: string;
    model_a: string;
    model_b: string;
    language: string;
    category: string;
  }>;
  const items = TEAM_VOTES / 5;
  await transaction(db, async () => {
    const account = db.connection.prepare(
      `INSERT INTO accounts (public_id, display_name, role, vetted, supervisor_id, country, age_band, education, created_at)
       VALUES (?, ?, 'rater', 1, ?, 'DE', '25-34', 'bachelor', 0)`,
    );
    const raters = Array.from({ length: TEAM }, (_, r) =>
      Number(account.run(`console-rater-${r}`, `rater ${r}`, supervisor.id).lastInsertRowid),
    );
    const vote = db.connection.prepare(
      `INSERT INTO votes (id, account_id, task_id, kind, choice, swapped, outcome, counted, model_a, model_b, language, category,
         country, age_band, education, details, active_ms, voted_at, received_at)
       VALUES (?, ?, ?, 'import', ?, ?, ?, 1, ?, ?, ?, ?, 'DE', '25-34', 'bachelor', '{}', ?, ?, ?)`,
    );
    const choices = ['first', 'first', 'second', 'tie', 'both_bad'] as const;
    for (let i = 0; i < TEAM_VOTES; i++) {
      const r = i % TEAM;
      const j = Math.floor(i / TEAM);
      // (rater, item) is unique: item = (j·100 + r) mod items, j < 400.
      const task = tasks[((j * 100 + r) % items) % tasks.length]!;
      const choice = choices[(i * 7 + r) % choices.length]!;
      const swapped = (i + j) % 2;
      const side = choice === 'first' ? 'a' : choice === 'second' ? 'b' : choice;
      const outcome = swapped && (side === 'a' || side === 'b') ? (side === 'a' ? 'b' : 'a') : side;
      const at = 1_700_000_000_000 + i * 1000;
      vote.run(
        `cv-${i}`,
        raters[r]!,
        task.id,
        choice,
        swapped,
        outcome,
        task.model_a,
        task.model_b,
        task.language,
        task.category,
        4000 + (i % 20_000),
        new Date(at).toISOString(),
        at,
      );
    }
  });
  return 'console-supervisor@bench.example';
}

interface Probe {
  lease: number[];
  push: number[];
  failures: number;
}

/** Each rater leases one task and votes on it, once a second (± jitter), until `until`. */
async function leaseAndPush(
  url: string,
  raters: Array<{ token: string; installationId: string; seq: number }>,
  until: number,
): Promise<Probe> {
  const probe: Probe = { lease: [], push: [], failures: 0 };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  await Promise.all(
    raters.map(async (rater) => {
      await sleep(Math.random() * 1000);
      while (performance.now() < until) {
        const started = performance.now();
        try {
          let t0 = performance.now();
          const { tasks } = await post<{ tasks: Task[] }>(url, '/v1/tasks/lease', { count: 1 }, rater.token);
          probe.lease.push(performance.now() - t0);
          const task = tasks[0];
          if (task) {
            const now = new Date().toISOString();
            t0 = performance.now();
            await post(
              url,
              '/v1/votes/push',
              {
                installationId: rater.installationId,
                votes: [benchVote(task, ++rater.seq, 'first', now)],
              },
              rater.token,
            );
            probe.push.push(performance.now() - t0);
          }
        } catch {
          probe.failures += 1;
        }
        await sleep(1000 * (0.5 + Math.random()) - (performance.now() - started));
      }
    }),
  );
  return probe;
}

/** The supervisor reloads the team table back to back (each load after a push is a fresh computation). */
async function consoleLoads(url: string, token: string, until: number): Promise<number[]> {
  const took: number[] = [];
  do {
    const t0 = performance.now();
    const response = await fetch(`${url}/v1/supervisor/raters`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`raters: ${response.status}`);
    took.push(performance.now() - t0);
  } while (performance.now() < until);
  return took;
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
};
const line = (label: string, values: number[]) => {
  const s = summary(values);
  return `${label} p50 ${fmt(s.p50, 1)} ms, p99 ${fmt(s.p99, 1)} ms, max ${fmt(s.max)} ms (${fmt(s.n)})`;
};

/**
 * 4. Lease and push latency of 40 raters (one lease + one vote each per second)
 * for 12 s alone, then 12 s while a supervisor reloads the team table of 500
 * raters / 200,000 votes back to back. Votes keep arriving, so each reload
 * meets a new counts version and computes the team's quality afresh.
 */
export async function consoleUnderLoad() {
  const dir = tempDir('console');
  const db = await openDatabase(dir);
  await syntheticTasks(db, 20_000, 3);
  const supervisorEmail = await teamOfRaters(db);
  const emails = await createRaters(db, 'console', WORKERS, ['en']);
  await db.close();
  const { child, url } = await spawnServer(dir, {
    ...FAST,
    statsMaxStaleMs: 0,
    maxRatersPerTask: 100,
    raterLimit: { burst: 1e6, perSecond: 1e6 },
  });
  try {
    const login = async (email: string) =>
      (await post<{ accessToken: string }>(url, '/v1/auth/login', { email, password: PASSWORD })).accessToken;
    const raters = await Promise.all(
      emails.map(async (email) => ({ token: await login(email), installationId: crypto.randomUUID(), seq: 0 })),
    );
    const supervisor = await login(supervisorEmail);
    const [firstLoad = 0] = await consoleLoads(url, supervisor, 0);
    const alone = await leaseAndPush(url, raters, performance.now() + PHASE_MS);
    const until = performance.now() + PHASE_MS;
    const [during, loads] = await Promise.all([leaseAndPush(url, raters, until), consoleLoads(url, supervisor, until)]);
    console.log(
      `\n4. Lease and push latency while a supervisor loads the team table (${TEAM} raters, ${fmt(TEAM_VOTES)} votes), ${WORKERS} raters leasing + voting once a second, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(`   first team-table load (cold): ${fmt(firstLoad)} ms`);
    console.log(`   alone:  ${line('lease', alone.lease)}; ${line('push', alone.push)}; failures ${alone.failures}`);
    console.log(`   during: ${line('lease', during.lease)}; ${line('push', during.push)}; failures ${during.failures}`);
    console.log(`   ${line('team-table loads meanwhile:', loads)}`);
    return {
      firstLoadMs: Math.round(firstLoad),
      aloneLeaseP99: Math.round(summary(alone.lease).p99),
      alonePushP99: Math.round(summary(alone.push).p99),
      duringLeaseP99: Math.round(summary(during.lease).p99),
      duringPushP99: Math.round(summary(during.push).p99),
      consoleLoads: loads.length,
    };
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}
