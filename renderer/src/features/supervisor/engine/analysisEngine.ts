import { createAnalysisCore } from '../analysis/analysisCore';
import {
  runOperation,
  type EngineRequest,
  type EngineResponse,
  type Operation,
  type OperationArgs,
  type OperationResult,
} from './protocol';

/** The console's way to the analysis core: a Web Worker in the app, in-thread in component tests. */
export interface AnalysisEngine {
  run<O extends Operation>(op: O, ...args: OperationArgs<O>): Promise<OperationResult<O>>;
}

export function createWorkerEngine(): AnalysisEngine {
  const worker = new Worker(new URL('./supervisor.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<EngineResponse>) => {
    const response = event.data;
    const waiter = pending.get(response.id);
    pending.delete(response.id);
    if (response.ok) waiter?.resolve(response.value);
    else waiter?.reject(new Error(response.error));
  };
  return {
    run(op, ...args) {
      const id = nextId++;
      const request: EngineRequest = { id, op, args };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage(request);
      });
    },
  };
}

export function createInlineEngine(): AnalysisEngine {
  const core = createAnalysisCore();
  return {
    async run(op, ...args) {
      const response = runOperation(core, { id: 0, op, args });
      if (!response.ok) throw new Error(response.error);
      return response.value as never;
    },
  };
}

let engine: AnalysisEngine | null = null;

export function analysisEngine(): AnalysisEngine {
  engine ??= createWorkerEngine();
  return engine;
}

/** Replaces the engine, for component tests (jsdom has no Worker). */
export function setAnalysisEngine(next: AnalysisEngine | null): void {
  engine = next;
}
