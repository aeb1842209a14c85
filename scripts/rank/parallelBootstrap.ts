import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  bootstrapIntervals,
  bootstrapRunner,
  DEFAULT_ROUNDS,
  finishRanking,
  prepareRanking,
  rankModels,
  type PairCounts,
  type PreparedRanking,
  type RankingResult,
  type RankOptions,
} from '../../shared/ranking/index';

/** Whether this runs as the compiled bundle (`npm run rank`, scripts/rank.mjs) rather than under tsx. */
const COMPILED = !import.meta.url.endsWith('.ts');
/**
 * Below this many rounds a Worker's start-up costs more than it saves: ~0.4 s under tsx, which
 * transpiles every module again in the Worker; compiled, loading takes milliseconds, and the
 * Worker's own point fit and sampler set-up (~0.1 s) are repaid by about 100 rounds (≈ 2.5 ms
 * each) on a free core.
 */
const MIN_PARALLEL_ROUNDS = COMPILED ? 100 : 200;
/** Rounds claimed at a time: small enough to balance, large enough that claiming is free. */
const CHUNK = 10;

/** What a bootstrap Worker receives: the counts to re-prepare, and shared memory to fill. */
export interface BootstrapJob {
  counts: PairCounts;
  options: RankOptions;
  rounds: number;
  /** Int32Array [next unclaimed round, degenerate rounds]. */
  control: SharedArrayBuffer;
  /** Float64Array rounds × models, round-major. */
  theta: SharedArrayBuffer;
}

/**
 * rankModels with the bootstrap rounds shared between this thread and Worker threads.
 * Threads claim chunks of rounds from an atomic counter (so a Worker that starts late
 * simply does fewer) and write each round into shared memory at its own index. Round r
 * always uses PRNG stream (seed, r): the result is identical to rankModels' whatever the
 * number of threads — only the wall-clock time changes.
 */
export async function rankModelsParallel(
  counts: PairCounts,
  options: RankOptions,
  threads = usefulThreads(),
): Promise<RankingResult> {
  const rounds = options.rounds ?? DEFAULT_ROUNDS;
  if (options.ci !== 'bootstrap' || threads < 2 || rounds < MIN_PARALLEL_ROUNDS) return rankModels(counts, options);
  const prepared = prepareRanking(counts, options);
  const n = prepared.table.n;
  const job: BootstrapJob = {
    counts,
    options,
    rounds,
    control: new SharedArrayBuffer(8),
    theta: new SharedArrayBuffer(rounds * n * 8),
  };
  const workers = Array.from({ length: threads - 1 }, () => inWorker(job));
  claimRounds(prepared, job);
  await Promise.all(workers);
  const control = new Int32Array(job.control);
  const samples = { n, rounds, theta: new Float64Array(job.theta), degenerateRounds: Atomics.load(control, 1) };
  return finishRanking(prepared, bootstrapIntervals(samples));
}

/**
 * Threads worth using: the cores, less one for every two units of 1-minute load average, at
 * least 1, at most 4. On a shared machine an extra thread competes with other processes for
 * the same cores (measured: slower than one thread at load 4 on 2 cores), but half a core still
 * beats none: with one core kept busy by another process, 1,000 rounds on 1M votes took 2.78 s
 * on two threads against 3.05 s on one, and on a quiet machine 1.81–1.91 s against 2.8–3.1 s.
 * (This command's own runs keep a 2-core machine's load near 1, so "idle cores = cores − load"
 * chose one thread.)
 */
export function usefulThreads(): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(4, cores, Math.ceil(cores - loadavg()[0]! / 2)));
}

/** Runs chunks of rounds until none are left (used by this thread and by every Worker). */
export function claimRounds(prepared: PreparedRanking, job: BootstrapJob): void {
  const runner = bootstrapRunner(prepared);
  const control = new Int32Array(job.control);
  const theta = new Float64Array(job.theta);
  for (;;) {
    const from = Atomics.add(control, 0, CHUNK);
    if (from >= job.rounds) return;
    const degenerate = runner.run(from, Math.min(job.rounds, from + CHUNK), theta, 0);
    if (degenerate > 0) Atomics.add(control, 1, degenerate);
  }
}

function inWorker(job: BootstrapJob): Promise<void> {
  return new Promise((resolve, reject) => {
    // The worker inherits this process's execArgv, so under tsx it can load .ts too.
    const worker = new Worker(new URL(COMPILED ? './bootstrapWorker.mjs' : './bootstrapWorker.ts', import.meta.url), { workerData: job });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`bootstrap worker exited with code ${code}`)),
    );
  });
}
