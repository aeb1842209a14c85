import { describe, expect, it } from 'vitest';
import { RankingClient, type JobHandlers, type WorkerLike } from '../../../../renderer/src/features/leaderboard/preview/rankingClient';
import { fromWire, type PreviewJob, type WorkerRequest, type WorkerResponse } from '../../../../renderer/src/features/leaderboard/preview/workerProtocol';

/** A worker that answers only when the test says so. */
class ManualWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  readonly received: WorkerRequest[] = [];
  readonly transferred: Transferable[][] = [];
  terminated = false;
  postMessage(message: WorkerRequest, transfer: Transferable[]): void {
    this.received.push(message);
    this.transferred.push(transfer);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(response: WorkerResponse): void {
    this.onmessage?.({ data: response } as MessageEvent<WorkerResponse>);
  }
}

const counts = { models: ['a', 'b', 'c'], rows: [{ a: 0, b: 1, winsA: 3, winsB: 1, ties: 1, bothBad: 0 }, { a: 1, b: 2, winsA: 2, winsB: 2, ties: 0, bothBad: 1 }] };
const job = (method: PreviewJob['method']): PreviewJob => ({
  primary: { filter: { language: 'de' }, counts, ownSeqAtFetch: 3, raters: 9, minRaters: 5 },
  compare: { mode: 'rest', global: { filter: {}, counts, ownSeqAtFetch: 3, raters: 20, minRaters: 5 } },
  own: null,
  method,
  rounds: 10,
  seed: 1,
  matrixSize: 3,
});

function recorder() {
  const seen: string[] = [];
  const handlers: JobHandlers = {
    primary: (_result, ms) => seen.push(`primary ${ms}`),
    secondary: (_result, ms) => seen.push(`secondary ${ms}`),
    error: (message) => seen.push(`error ${message}`),
  };
  return { seen, handlers };
}

describe('the ranking worker client', () => {
  it('posts the counts packed in typed arrays and transfers them instead of cloning 20,000 row objects', () => {
    const worker = new ManualWorker();
    new RankingClient(() => worker).run(job('sandwich'), recorder().handlers);
    const [request] = worker.received;
    expect(request!.job.primary.counts.pairs).toBeInstanceOf(Int32Array);
    expect(worker.transferred[0]).toHaveLength(4);
    expect(fromWire(request!.job)).toEqual(job('sandwich'));
  });

  it('delivers only the newest job’s answers', () => {
    const workers: ManualWorker[] = [];
    const client = new RankingClient(() => workers[workers.push(new ManualWorker()) - 1]!);
    const old = recorder();
    const fresh = recorder();
    client.run(job('sandwich'), old.handlers);
    client.run(job('sandwich'), fresh.handlers);
    const worker = workers[0]!;
    expect(workers).toHaveLength(1);
    worker.answer({ id: 1, phase: 'primary', result: {} as never, ms: 1 });
    worker.answer({ id: 2, phase: 'primary', result: {} as never, ms: 2 });
    worker.answer({ id: 2, phase: 'secondary', result: {} as never, ms: 3 });
    expect(old.seen).toEqual([]);
    expect(fresh.seen).toEqual(['primary 2', 'secondary 3']);
  });

  it('replaces a worker still busy with a bootstrap, so a new filter is not stuck behind seconds of resampling', () => {
    const workers: ManualWorker[] = [];
    const client = new RankingClient(() => workers[workers.push(new ManualWorker()) - 1]!);
    client.run(job('bootstrap'), recorder().handlers);
    const next = recorder();
    client.run(job('sandwich'), next.handlers);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.received.map((request) => request.id)).toEqual([2]);
    workers[1]!.answer({ id: 2, phase: 'error', message: 'bad counts' });
    expect(next.seen).toEqual(['error bad counts']);
  });

  it('reports a crashed worker once to the job in flight', () => {
    const workers: ManualWorker[] = [];
    const client = new RankingClient(() => workers[workers.push(new ManualWorker()) - 1]!);
    const seen = recorder();
    client.run(job('sandwich'), seen.handlers);
    workers[0]!.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
    workers[0]!.onerror?.({ message: 'again', preventDefault: () => undefined } as ErrorEvent);
    expect(seen.seen).toEqual(['error out of memory']);
  });
});
