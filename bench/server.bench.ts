/**
 * `npm run bench:server` — the reference backend under load, over real HTTP on 127.0.0.1.
 *  1. Vote ingestion: 20,000 leased votes pushed in batches of 500 by 4 concurrent clients (target ≥ 5,000 votes/s),
 *     then the same batches replayed (all duplicates).
 *  2. Lease latency with 200 signed-in raters on the demo data (real LLMFAO/Korean/Japanese/Bengali tasks):
 *     paced (each rater leases 5 tasks every ~2 s, 15 s) for service latency, then saturated with autocannon
 *     (200 connections, 10,000 POST /v1/tasks/lease {count: 5}, no think time) for throughput.
 *  3. Leaderboard at 1,000,000 stored votes (200 models, 2,000 raters): cube load at start (stored aggregates; the
 *     old GROUP BY rebuild for comparison), restart time, ranking per segment,
 *     and the first (uncached) GET /v1/leaderboard over HTTP.
 *  4. Lease and push p99 of 40 raters alone and while a supervisor reloads a 500-rater / 200,000-vote team table
 *     (bench/server/console.ts).
 * The server runs in its own process (this file re-launched with --child), so the load generator does not share
 * its event loop. A benchmark, not a test: numbers go to stdout, nothing is asserted.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { startServer } from '../server/app';
import { openDatabase } from '../server/db/open';
import { seedDemoIfEmpty } from '../server/demo/seed';
import {
  autocannon,
  createRaters,
  FAST,
  fmt,
  PASSWORD,
  percentile,
  post,
  spawnServer,
  stop,
  syntheticTasks,
  pacedLeases,
  tempDir,
  votingClient,
} from './server/support';
import { leaderboardAtScale } from './server/board';
import { consoleUnderLoad } from './server/console';
import { storesComparison } from './server/stores';

async function main(): Promise<void> {
  console.log(
    `Verdict server benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadavg()[0]?.toFixed(2)}`,
  );
  // --database postgres://SUPERUSER@HOST:PORT/postgres: SQLite and PostgreSQL side by side (bench/server/stores.ts).
  const database = process.argv.indexOf('--database');
  if (database > 0) {
    const stores = await storesComparison(process.argv[database + 1] as string);
    console.log(`\nsummary ${JSON.stringify(stores)}`);
    return;
  }
  // BENCH_ONLY=ingest|lease|board|console runs one part (handy while tuning); the default runs all four.
  const only = process.env.BENCH_ONLY;
  const ingest = !only || only === 'ingest' ? await ingestion() : null;
  const lease = !only || only === 'lease' ? await leaseLatency() : null;
  const board = !only || only === 'board' ? await leaderboardAtScale() : null;
  const console4 = !only || only === 'console' ? await consoleUnderLoad() : null;
  console.log(`\nsummary ${JSON.stringify({ ingest, lease, board, console: console4 })}`);
}

// ---------- 1. ingestion ----------
async function ingestion() {
  const RATERS = 20;
  const PER_RATER = 1000;
  const BATCH = 500;
  const dir = tempDir('ingest');
  const db = await openDatabase(dir);
  await syntheticTasks(db, 10_000, 3);
  const emails = await createRaters(db, 'ingest', RATERS, ['en']);
  await db.close();
  const { child, url } = await spawnServer(dir, {
    ...FAST,
    maxOpenLeasesPerRater: 5000,
    maxRatersPerTask: 50,
    raterLimit: { burst: 1e6, perSecond: 1e6 },
  });
  try {
    const clients = await Promise.all(
      emails.map((email) => votingClient(url, email, PER_RATER, { reasonTags: ['formatting'], confidence: 3 })),
    );
    // Each client pushes its own batches in seq order (a later batch first would be a seq gap); 4 clients at once.
    const run = async (concurrency: number) => {
      const latencies: number[] = [];
      const statuses = new Map<string, number>();
      const queue = [...clients];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let client = queue.shift(); client; client = queue.shift()) {
            for (let b = 0; b < PER_RATER; b += BATCH) {
              const t0 = performance.now();
              const body = { installationId: client.installationId, votes: client.votes.slice(b, b + BATCH) };
              const reply = await post<{ results: Array<{ status: string }> }>(
                url,
                '/v1/votes/push',
                body,
                client.token,
              );
              latencies.push(performance.now() - t0);
              for (const r of reply.results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return {
        votesPerSecond: (RATERS * PER_RATER) / seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        statuses: Object.fromEntries(statuses),
      };
    };
    const first = await run(4);
    const replay = await run(4);
    console.log(`\n1. Vote ingestion (${fmt(RATERS * PER_RATER)} votes, batches of ${BATCH}, 4 concurrent clients)`);
    console.log(
      `   new votes:  ${fmt(first.votesPerSecond)} votes/s; batch latency p50 ${fmt(first.p50)} ms, p99 ${fmt(first.p99)} ms; ${JSON.stringify(first.statuses)}`,
    );
    console.log(
      `   replayed:   ${fmt(replay.votesPerSecond)} votes/s; batch latency p50 ${fmt(replay.p50)} ms, p99 ${fmt(replay.p99)} ms; ${JSON.stringify(replay.statuses)}`,
    );
    return {
      newVotesPerSecond: Math.round(first.votesPerSecond),
      replayVotesPerSecond: Math.round(replay.votesPerSecond),
      batchP50Ms: Math.round(first.p50),
      batchP99Ms: Math.round(first.p99),
    };
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- 2. lease latency ----------
async function leaseLatency() {
  const RATERS = 200;
  const REQUESTS = 10_000;
  const dir = tempDir('lease');
  const db = await openDatabase(dir);
  await seedDemoIfEmpty(db, dir);
  const emails = await createRaters(db, 'lease', RATERS, ['en', 'ja', 'ko', 'bn']);
  await db.close();
  const { child, url } = await spawnServer(dir, {
    ...FAST,
    maxRatersPerTask: RATERS + 10,
    maxOpenLeasesPerRater: 100_000,
    // BENCH_PAIR_SELECTION=active measures the active policy (docs/SERVER.md); least-voted otherwise.
    pairSelection: process.env.BENCH_PAIR_SELECTION === 'active' ? 'active' : 'least_voted',
  });
  try {
    const tokens = await Promise.all(
      emails.map(
        async (email) =>
          (await post<{ accessToken: string }>(url, '/v1/auth/login', { email, password: PASSWORD })).accessToken,
      ),
    );
    let next = 0;
    const fire = (amount: number) =>
      autocannon({
        url: `${url}/v1/tasks/lease`,
        method: 'POST',
        connections: RATERS,
        amount,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 5 }),
        // One signed-in rater per connection: 200 raters leasing at once.
        setupClient: (client) =>
          client.setHeaders({
            'content-type': 'application/json',
            authorization: `Bearer ${tokens[next++ % tokens.length]}`,
          }),
      });
    // Open loop: each rater leases every 2 s at a random phase (100 leases/s in all, far above a human's pace).
    const paced = await pacedLeases(url, tokens, 2000, 15_000);
    // Closed loop: every rater re-leases the moment its previous lease returns (saturation; latency = queueing).
    const saturated = await fire(REQUESTS);
    console.log(
      `\n2. Lease latency (${RATERS} concurrent raters, POST /v1/tasks/lease {count: 5}, demo data, ${process.env.BENCH_PAIR_SELECTION === 'active' ? 'active' : 'least-voted'} pair selection)`,
    );
    const s = saturated.latency;
    console.log(
      `   paced (each rater every 2 s, ${fmt(paced.count)} leases): p50 ${fmt(paced.p50, 1)} ms, p90 ${fmt(paced.p90, 1)} ms, p99 ${fmt(paced.p99, 1)} ms, max ${fmt(paced.max)} ms; ${fmt(paced.perSecond)} req/s; failures ${paced.failures}`,
    );
    console.log(
      `   saturated (autocannon, ${fmt(REQUESTS)} requests, no think time): p50 ${s.p50} ms, p90 ${s.p90} ms, p99 ${s.p99} ms, max ${s.max} ms; ${fmt(saturated.requests.average)} req/s; non-2xx ${saturated.non2xx}, errors ${saturated.errors}`,
    );
    return {
      paced: {
        p50Ms: Math.round(paced.p50 * 10) / 10,
        p99Ms: Math.round(paced.p99 * 10) / 10,
        failures: paced.failures,
      },
      saturated: {
        p50Ms: s.p50,
        p99Ms: s.p99,
        requestsPerSecond: Math.round(saturated.requests.average),
        errors: saturated.errors + saturated.non2xx,
      },
    };
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every rater leases on its own timer (period ± jitter); latency is request start to last body byte. */
// ---------- entry (last, so every const above is initialised): child mode is just a server ----------
if (process.argv[2] === '--child') {
  const started = performance.now();
  const server = await startServer({
    ...(JSON.parse(process.argv[4] as string) as object),
    dataDir: process.argv[3] as string,
    port: 0,
  });
  // The URL, then how long startServer took (open, migrate, load the cube, listen), without Node/tsx boot.
  console.log(`${server.url} ${(performance.now() - started).toFixed(1)}`);
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
} else {
  await main();
}
