import type { FeatureDeps } from './featureDeps';

/** Main-process handlers of the leaderboard feature's IPC calls, merged into ../handlers.ts. */
export function createLeaderboardHandlers(_deps: FeatureDeps) {
  return {};
}
