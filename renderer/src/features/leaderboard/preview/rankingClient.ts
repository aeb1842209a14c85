import { toWire, type PreviewJob, type PrimaryResult, type SecondaryResult, type WorkerRequest, type WorkerResponse } from './workerProtocol';

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface JobHandlers {
  primary(result: PrimaryResult, ms: number): void;
  secondary(result: SecondaryResult, ms: number): void;
  error(message: string): void;
}

/**
 * Runs preview jobs in the ranking worker, newest first: answers to a superseded job are
 * dropped, and a bootstrap still running when a new job comes (seconds of work on a large
 * board) is abandoned by replacing the worker, so the new filter is never stuck behind it.
 */
export class RankingClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private active: { id: number; job: PreviewJob; handlers: JobHandlers; done: boolean } | null = null;

  constructor(private readonly spawn: () => WorkerLike) {}

  run(job: PreviewJob, handlers: JobHandlers): void {
    if (this.active && !this.active.done && this.active.job.method === 'bootstrap') this.dispose();
    const id = this.nextId++;
    this.active = { id, job, handlers, done: false };
    const { wire, transfer } = toWire(job);
    this.ensureWorker().postMessage({ id, job: wire }, transfer);
  }

  /** Starts the worker ahead of the first job, so loading its script overlaps the wait for counts. */
  warm(): void {
    this.ensureWorker();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.fail(event.message || 'the ranking worker failed');
    };
    this.worker = worker;
    return worker;
  }

  private receive(response: WorkerResponse): void {
    const active = this.active;
    if (!active || response.id !== active.id) return;
    if (response.phase === 'primary') active.handlers.primary(response.result, response.ms);
    else if (response.phase === 'secondary') {
      active.done = true;
      active.handlers.secondary(response.result, response.ms);
    } else this.fail(response.message);
  }

  private fail(message: string): void {
    const active = this.active;
    if (!active || active.done) return;
    active.done = true;
    active.handlers.error(message);
  }
}
