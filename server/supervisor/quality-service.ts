import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PoolAgreement, RaterQuality } from '../../shared/protocol/supervisor';
import { DB_FILE } from '../db/open';
import type { TeamQuality } from './quality';

export interface QualityRequest {
  id: number;
  team: Array<{ id: number; public_id: string; role: string }>;
}
export type QualityReply =
  | {
      id: number;
      byRater: Array<[string, RaterQuality]>;
      pool: PoolAgreement;
      lastVoteAt: Array<[string, string]>;
      error?: undefined;
    }
  | { id: number; error: string };

interface Cached {
  version: number;
  at: number;
  value: TeamQuality;
}

/**
 * The worker is TypeScript: it needs the tsx loader the server runs under.
 * Workers inherit the parent's execArgv; a host without it (a test runner
 * that transforms code itself) gets `--import tsx` added.
 */
function workerExecArgv(): string[] {
  const inherited = process.execArgv;
  if (inherited.some((arg) => arg.includes('tsx'))) return inherited;
  return [...inherited, '--import', import.meta.resolve('tsx')];
}

/**
 * Team quality (seconds of CPU at 200k votes) computed in a worker thread, so
 * leases and pushes never wait behind a supervisor's console. Results are
 * cached per viewer and team, keyed by the database's counts version (accepted
 * votes, from every process): a reload with no new votes is a map lookup; within
 * statsMaxStaleMs an older result is served. Concurrent loads of the same
 * team share one computation.
 */
export class TeamQualityService {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(value: TeamQuality): void; reject(error: Error): void }>();
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, { version: number; promise: Promise<TeamQuality> }>();

  constructor(
    private readonly options: { dataDir: string; databaseUrl?: string; statsMaxStaleMs: number },
    private readonly version: () => number,
  ) {}

  async forTeam(viewerId: number, team: QualityRequest['team'], now = Date.now()): Promise<TeamQuality> {
    const key = `${viewerId}:${team.map((rater) => rater.id).join(',')}`;
    const version = this.version();
    const hit = this.cache.get(key);
    if (hit && (hit.version === version || now - hit.at < this.options.statsMaxStaleMs)) return hit.value;
    const running = this.inFlight.get(key);
    if (running?.version === version) return running.promise;
    const promise = this.compute(team).then((value) => {
      this.cache.set(key, { version, at: now, value });
      return value;
    });
    this.inFlight.set(key, { version, promise });
    try {
      return await promise;
    } finally {
      if (this.inFlight.get(key)?.promise === promise) this.inFlight.delete(key);
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private compute(team: QualityRequest['team']): Promise<TeamQuality> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, team: team.map(({ id: rater, public_id, role }) => ({ id: rater, public_id, role })) });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./quality-worker.ts', import.meta.url), {
      workerData: this.options.databaseUrl
        ? { url: this.options.databaseUrl }
        : { path: join(this.options.dataDir, DB_FILE) },
      execArgv: workerExecArgv(),
    });
    worker.on('message', (reply: QualityReply) => this.settle(reply));
    // A crashed worker fails what it was doing; the next request starts a new one.
    worker.on('error', (error) => this.failAll(worker, error));
    worker.on('exit', (code) => this.failAll(worker, new Error(`team-quality worker exited with code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: QualityReply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (reply.error !== undefined) waiter.reject(new Error(`team quality failed: ${reply.error}`));
    else waiter.resolve({ byRater: new Map(reply.byRater), pool: reply.pool, lastVoteAt: new Map(reply.lastVoteAt) });
  }

  private failAll(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = null;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
