import { computePrimary, secondarySteps } from './computePreview';
import { fromWire, type SecondaryResult, type WorkerRequest, type WorkerResponse } from './workerProtocol';

/** Lets messages that arrived meanwhile run first, so a newer job can mark this one stale. */
const yieldToInbox = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The worker's message loop, apart from the Worker global so tests can drive it directly.
 * Only the newest job matters: after the primary board and between the secondary steps the
 * loop yields, and a job that is no longer the newest stops there instead of computing
 * comparisons nobody will see — so the next filter waits for one step at most, not all of them.
 */
export function createWorkerRuntime(post: (response: WorkerResponse) => void): (request: WorkerRequest) => Promise<void> {
  let newest = 0;
  return async ({ id, job: wire }) => {
    newest = id;
    try {
      let started = performance.now();
      const job = fromWire(wire);
      const primary = computePrimary(job);
      post({ id, phase: 'primary', result: primary, ms: performance.now() - started });
      let ms = 0;
      let secondary: Partial<SecondaryResult> = {};
      for (const step of secondarySteps(job, primary.ranking)) {
        await yieldToInbox();
        if (newest !== id) return;
        started = performance.now();
        secondary = { ...secondary, ...step() };
        ms += performance.now() - started;
      }
      post({ id, phase: 'secondary', result: secondary as SecondaryResult, ms });
    } catch (error) {
      post({ id, phase: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
