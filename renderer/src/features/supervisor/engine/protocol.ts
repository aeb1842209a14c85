import type { AnalysisCore } from '../analysis/analysisCore';

/** The core's methods, callable across the Worker boundary by name. */
export type Operation = keyof AnalysisCore;
export type OperationArgs<O extends Operation> = Parameters<AnalysisCore[O]>;
export type OperationResult<O extends Operation> = ReturnType<AnalysisCore[O]>;

export interface EngineRequest {
  id: number;
  op: Operation;
  args: unknown[];
}

export type EngineResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export function runOperation(core: AnalysisCore, request: EngineRequest): EngineResponse {
  try {
    const method = core[request.op] as (...args: unknown[]) => unknown;
    return { id: request.id, ok: true, value: method(...request.args) };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
