import type { FeatureDeps } from './featureDeps';

/** Main-process handlers of the supervisor feature's IPC calls, merged into ../handlers.ts. */
export function createSupervisorHandlers(_deps: FeatureDeps) {
  return {};
}
