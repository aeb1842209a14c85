import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { openStore } from '../../server/db/open';
import type { Store } from '../../server/store/types';
import { createDatabase, databaseUrl, dropDatabase } from '../../test/support/postgres';
import {
  createRaters,
  FAST,
  fmt,
  pacedLeases,
  PASSWORD,
  percentile,
  post,
  spawnServer,
  stop,
  syntheticTasks,
  tempDir,
  votingClient,
} from './support';

/**
 * `npm run bench:server -- --database postgres://SUPERUSER@HOST:PORT/postgres`: the same
 * workloads on SQLite and on PostgreSQL, in one run on one machine. The URL names a server
 * on which the bench may create and drop `verdict_bench_*` databases.
 */
type Kind = 'sqlite' | 'postgres';

interface Target {
  kind: Kind;
  dataDir: string;
  databaseUrl?: string;
  cleanup(): Promise<void>;
}

const load = () => loadavg()[0]?.toFixed(2);

async function target(kind: Kind, name: string, adminUrl: string): Promise<Target> {
  const dataDir = tempDir(name);
  if (kind === 'sqlite')
    return { kind, dataDir, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const database = `verdict_bench_${name}`;
  await dropDatabase(adminUrl, database);
  await createDatabase(adminUrl, database);
  return {
    kind,
    dataDir,
    databaseUrl: databaseUrl(adminUrl, database),
    cleanup: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase(adminUrl, database);
    },
  };
}

async function withStore<T>(t: Target, fn: (db: Store) => Promise<T>): Promise<T> {
  // Setup only (bulk inserts run for minutes): no statement timeout.
  const db = await openStore({ dataDir: t.dataDir, databaseUrl: t.databaseUrl, poolSize: 4, statementTimeoutMs: 0 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function servers(t: Target, processes: number, options: object) {
  const started = await Promise.all(
    Array.from({ length: processes }, () =>
      spawnServer(t.dataDir, { ...FAST, ...options, ...(t.databaseUrl ? { databaseUrl: t.databaseUrl } : {}) }),
    ),
  );
  return { urls: started.map((s) => s.url), stop: () => Promise.all(started.map((s) => stop(s.child))) };
}

const label = (kind: Kind, processes: number) =>
  `${kind === 'sqlite' ? 'SQLite    ' : 'PostgreSQL'} × ${processes} process${processes > 1 ? 'es' : ''}`;

/** 20 raters × 1,000 new votes, batches of 500, 4 clients at once; with 2 processes, clients alternate between them. */
async function ingestion(kind: Kind, processes: number, adminUrl: string) {
  const RATERS = 20;
  const PER_RATER = 1000;
  const BATCH = 500;
  const t = await target(kind, `ingest${processes}`, adminUrl);
  const emails = await withStore(t, async (db) => {
    await syntheticTasks(db, 4000, 3);
    return createRaters(db, 'ingest', RATERS, ['en']);
  });
  const run = await servers(t, processes, {
    maxOpenLeasesPerRater: 5000,
    maxRatersPerTask: 50,
    raterLimit: { burst: 1e6, perSecond: 1e6 },
  });
  try {
    const clients = await Promise.all(
      emails.map((email, i) => votingClient(run.urls[i % processes] as string, email, PER_RATER)),
    );
    const latencies: number[] = [];
    const queue = [...clients];
    const loadBefore = load();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let client = queue.shift(); client; client = queue.shift()) {
          for (let b = 0; b < PER_RATER; b += BATCH) {
            const t0 = performance.now();
            const body = { installationId: client.installationId, votes: client.votes.slice(b, b + BATCH) };
            await post(client.url, '/v1/votes/push', body, client.token);
            latencies.push(performance.now() - t0);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((x, y) => x - y);
    const result = {
      votesPerSecond: Math.round((RATERS * PER_RATER) / seconds),
      p50: Math.round(percentile(latencies, 50)),
      p99: Math.round(percentile(latencies, 99)),
    };
    console.log(
      `   ${label(kind, processes)}: ${fmt(result.votesPerSecond)} votes/s; batch p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms (load ${loadBefore} → ${load()})`,
    );
    return result;
  } finally {
    await run.stop();
    await t.cleanup();
  }
}

/** 200 raters, each leasing 5 tasks every ~2 s for 15 s (open loop), on synthetic tasks. */
async function leases(kind: Kind, processes: number, adminUrl: string) {
  const RATERS = 200;
  const t = await target(kind, `lease${processes}`, adminUrl);
  const emails = await withStore(t, async (db) => {
    await syntheticTasks(db, 4000, 3);
    return createRaters(db, 'lease', RATERS, ['en']);
  });
  const run = await servers(t, processes, { maxOpenLeasesPerRater: 100_000 });
  try {
    const tokens = await Promise.all(
      emails.map(
        async (email, i) =>
          (
            await post<{ accessToken: string }>(run.urls[i % processes] as string, '/v1/auth/login', {
              email,
              password: PASSWORD,
            })
          ).accessToken,
      ),
    );
    const loadBefore = load();
    const paced = await pacedLeases(run.urls, tokens, 2000, 15_000);
    console.log(
      `   ${label(kind, processes)}: p50 ${fmt(paced.p50, 1)} ms, p90 ${fmt(paced.p90, 1)} ms, p99 ${fmt(paced.p99, 1)} ms, max ${fmt(paced.max)} ms; ${fmt(paced.count)} leases, failures ${paced.failures} (load ${loadBefore} → ${load()})`,
    );
    return { p50: Math.round(paced.p50 * 10) / 10, p99: Math.round(paced.p99 * 10) / 10, failures: paced.failures };
  } finally {
    await run.stop();
    await t.cleanup();
  }
}

/**
 * n synthetic votes straight into PostgreSQL, set-based (the 200-model, 2,000-rater shape of the SQLite
 * board bench), then the stored aggregates built from them in two GROUP BY statements.
 */
async function bulkVotesPostgres(db: Store, n: number): Promise<{ insertMs: number; aggregateMs: number }> {
  const t0 = performance.now();
  await db.exec(`
    INSERT INTO task_sets VALUES ('bulk', 'synthetic', 'none', 'bench', 0);
    INSERT INTO responses (model, content) VALUES ('x', 'synthetic');
    INSERT INTO tasks (id, task_set, language, lang_base, category, conversation, response_a, response_b, model_a, model_b, pair_key, shuffle, created_at)
      SELECT 'bulk-' || t, 'bulk', l, l, c, '[]', r, r, a, b, LEAST(a, b) || chr(31) || GREATEST(a, b), t, 0
      FROM (SELECT t, (ARRAY['en','ja','ko','bn','de'])[t % 5 + 1] AS l,
                   (ARRAY['code','writing','math','knowledge','reasoning'])[(t / 5) % 5 + 1] AS c,
                   'model-' || lpad((t % 200)::text, 3, '0') AS a,
                   'model-' || lpad(((t * 37 + 1 + t / 200) % 200 + CASE WHEN (t * 37 + 1 + t / 200) % 200 = t % 200 THEN 1 ELSE 0 END)::text, 3, '0') AS b,
                   (SELECT MIN(id) FROM responses) AS r
            FROM generate_series(0, 19999) AS t) AS s;
    INSERT INTO accounts (public_id, display_name, role, vetted, country, age_band, education, created_at)
      SELECT 'bulk-rater-' || r, 'rater ' || r, 'rater', 1, (ARRAY['DE','EG','IN','US','BR','JP','KR','BD'])[r % 8 + 1],
             (ARRAY['18-24','25-34','35-44','45-54'])[r % 4 + 1], (ARRAY['secondary','bachelor','master','doctorate'])[(r / 4) % 4 + 1], 0
      FROM generate_series(0, 1999) AS r;`);
  await db.exec(`
    INSERT INTO votes (id, account_id, task_id, kind, choice, swapped, outcome, counted, model_a, model_b, language, category,
                       country, age_band, education, details, voted_at, received_at)
      SELECT 'bulk-v-' || i, a.id, t.id, 'import', 'first', 0, (ARRAY['a','a','b','tie','both_bad'])[(i * 7) % 5 + 1], 1,
             t.model_a, t.model_b, t.language, t.category, a.country, a.age_band, a.education, '{}', '2026-01-01T00:00:00Z', 0
      FROM generate_series(0, ${n - 1}) AS i
      JOIN accounts a ON a.public_id = 'bulk-rater-' || (i % 2000)
      -- (rater, item) unique up to 40M votes: rater i mod 2000 takes item (round + 7 · rater) mod 20,000.
      JOIN tasks t ON t.id = 'bulk-' || ((i / 2000 + (i % 2000) * 7) % 20000)
    ON CONFLICT DO NOTHING;`);
  const insertMs = performance.now() - t0;
  const t1 = performance.now();
  // Set-based, as an operator would after a bulk load (the server's rebuildAggregates upserts row by row):
  // pairs ordered by code unit like the cube (COLLATE "C"), wins of the lower name first.
  await db.exec(`
    INSERT INTO leaderboard_counts
      SELECT language, COALESCE(country, ''), COALESCE(age_band, ''), COALESCE(education, ''), category,
             CASE WHEN flipped THEN model_b ELSE model_a END, CASE WHEN flipped THEN model_a ELSE model_b END,
             SUM(CASE WHEN (outcome = 'a' AND NOT flipped) OR (outcome = 'b' AND flipped) THEN 1 ELSE 0 END),
             SUM(CASE WHEN (outcome = 'b' AND NOT flipped) OR (outcome = 'a' AND flipped) THEN 1 ELSE 0 END),
             SUM(CASE WHEN outcome = 'tie' THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 'both_bad' THEN 1 ELSE 0 END)
      FROM (SELECT *, model_b COLLATE "C" < model_a COLLATE "C" AS flipped FROM votes
            WHERE counted = 1 AND outcome <> 'cant_read') AS v
      GROUP BY 1, 2, 3, 4, 5, 6, 7;
    INSERT INTO leaderboard_raters
      SELECT DISTINCT language, COALESCE(country, ''), COALESCE(age_band, ''), COALESCE(education, ''), category, account_id
      FROM votes WHERE counted = 1 AND outcome <> 'cant_read';
    UPDATE counts_version SET version = version + (SELECT COUNT(*) FROM votes);`);
  return { insertMs, aggregateMs: performance.now() - t1 };
}

export async function storesComparison(adminUrl: string): Promise<object> {
  console.log(`\nSQLite vs PostgreSQL (${new URL(adminUrl).host}), same machine, same run; load ${load()}`);
  // BENCH_ONLY=ingest|lease|board runs one part.
  const only = process.env.BENCH_ONLY;
  let ingest: object | null = null;
  let lease: object | null = null;
  if (!only || only === 'ingest') {
    console.log('\nA. Vote ingestion: 20,000 new votes, batches of 500, 4 concurrent clients');
    ingest = {
      sqlite1: await ingestion('sqlite', 1, adminUrl),
      postgres1: await ingestion('postgres', 1, adminUrl),
      postgres2: await ingestion('postgres', 2, adminUrl),
    };
  }
  if (!only || only === 'lease') {
    console.log('\nB. Lease latency: 200 raters, each POST /v1/tasks/lease {count: 5} every ~2 s for 15 s');
    lease = {
      sqlite1: await leases('sqlite', 1, adminUrl),
      postgres1: await leases('postgres', 1, adminUrl),
      postgres2: await leases('postgres', 2, adminUrl),
    };
  }
  const sizes = only && only !== 'board' ? [] : (process.env.BENCH_PG_VOTES ?? '1000000').split(',').map(Number);
  const board: Record<string, object> = {};
  for (const votes of sizes) {
    console.log(`\nC. PostgreSQL at ${fmt(votes)} stored votes (200 models, 2,000 raters, 20,000 items)`);
    const t = await target('postgres', `board${votes}`, adminUrl);
    try {
      const loadBefore = load();
      const setup = await withStore(t, async (db) => {
        const timed = await bulkVotesPostgres(db, votes);
        const stored = (await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM votes'))?.n ?? 0;
        return { ...timed, stored };
      });
      console.log(
        `   import: ${fmt(setup.stored)} votes inserted in ${fmt(setup.insertMs / 1000, 1)} s (one INSERT … SELECT), stored aggregates built in ${fmt(setup.aggregateMs / 1000, 1)} s (load ${loadBefore} → ${load()})`,
      );
      const email = (await withStore(t, (db) => createRaters(db, 'board', 1, ['en'])))[0] as string;
      const loadStart = load();
      const started = await spawnServer(t.dataDir, { ...FAST, statsMaxStaleMs: 0, databaseUrl: t.databaseUrl });
      try {
        const { accessToken } = await post<{ accessToken: string }>(started.url, '/v1/auth/login', {
          email,
          password: PASSWORD,
        });
        const get = async (path: string) => {
          const t0 = performance.now();
          const response = await fetch(`${started.url}${path}`, {
            headers: { authorization: `Bearer ${accessToken}` },
          });
          await response.arrayBuffer();
          return performance.now() - t0;
        };
        const first = await get('/v1/leaderboard');
        const cached = await get('/v1/leaderboard');
        console.log(
          `   cold start: startServer to listening ${fmt(started.readyMs)} ms (connect, migrate check, load the cube); whole process ${fmt(started.startMs)} ms (load ${loadStart})`,
        );
        console.log(
          `   HTTP GET /v1/leaderboard: first ${fmt(first)} ms, cached ${fmt(cached, 1)} ms (load ${load()})`,
        );
        board[votes] = {
          ...setup,
          readyMs: Math.round(started.readyMs),
          startMs: Math.round(started.startMs),
          first,
          cached,
        };
      } finally {
        await stop(started.child);
      }
    } finally {
      await t.cleanup();
    }
  }
  return { ingest, lease, board };
}
