import { describe, expect, it } from 'vitest';
import { aggregateBattles, simulateBattles } from '../../../../shared/ranking';
import { createWorkerRuntime } from '../../../../renderer/src/features/leaderboard/preview/workerRuntime';
import { toWire, type PreviewJob, type WorkerResponse } from '../../../../renderer/src/features/leaderboard/preview/workerProtocol';

const counts = aggregateBattles(simulateBattles({ models: 12, votes: 4000, seed: 3 }).battles);

function job(): PreviewJob {
  return {
    primary: { filter: {}, counts, ownSeqAtFetch: 0, raters: 40, minRaters: 5 },
    compare: null,
    own: null,
    method: 'sandwich',
    rounds: 50,
    seed: 42,
    matrixSize: 5,
  };
}

/** One turn of the event loop: the worker's yields are timers too, so they run in order with this one. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('the preview worker loop', () => {
  it('answers a job in two phases, the second with the comparison, contribution, margins and style board', async () => {
    const posted: WorkerResponse[] = [];
    await createWorkerRuntime((response) => posted.push(response))({ id: 1, job: toWire(job()).wire });
    expect(posted.map((r) => r.phase)).toEqual(['primary', 'secondary']);
    const secondary = posted[1]!;
    if (secondary.phase !== 'secondary') throw new Error('expected the secondary phase');
    expect(Object.keys(secondary.result).sort()).toEqual(['compare', 'contribution', 'margins', 'style']);
    expect(Object.keys(secondary.result.margins)).toHaveLength(12);
  });

  it('drops an older job between its secondary steps when a newer one arrives, so the next filter never waits for all of them', async () => {
    const posted: WorkerResponse[] = [];
    const runtime = createWorkerRuntime((response) => posted.push(response));
    const first = runtime({ id: 1, job: toWire(job()).wire });
    await nextTurn(); // job 1 has painted its table and run its first secondary step
    await nextTurn(); // … and its second
    const second = runtime({ id: 2, job: toWire(job()).wire });
    await Promise.all([first, second]);
    expect(posted.map((r) => `${r.id} ${r.phase}`)).toEqual(['1 primary', '2 primary', '2 secondary']);
  });
});
