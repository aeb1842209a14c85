import type { WorkerLike } from './rankingClient';

/** Vite bundles the worker from this exact `new Worker(new URL(...))` form; CSP allows it (`worker-src 'self'`). */
export function spawnRankingWorker(): WorkerLike {
  return new Worker(new URL('../ranking.worker.ts', import.meta.url), { type: 'module', name: 'ranking' }) as unknown as WorkerLike;
}
