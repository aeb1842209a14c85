import { createWorkerRuntime } from './preview/workerRuntime';
import type { WorkerRequest, WorkerResponse } from './preview/workerProtocol';

/**
 * The ranking Web Worker: shared/ranking on the snapshot's pair counts, off the main thread,
 * so recomputing after a filter change or a reveal never blocks input.
 */
const handle = createWorkerRuntime((response: WorkerResponse) => postMessage(response));

addEventListener('message', (event: MessageEvent<WorkerRequest>) => void handle(event.data));
