import { createAnalysisCore } from '../analysis/analysisCore';
import { runOperation, type EngineRequest } from './protocol';

/**
 * The console's heavy work (quality metrics over up to 200,000 votes, the
 * what-if ranking) runs here, so typing and scrolling never wait for it.
 */
const core = createAnalysisCore();
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => scope.postMessage(runOperation(core, event.data));
