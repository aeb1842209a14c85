import type { InvokeHandlers } from '../../../shared/ipc/contract';
import { LeaderboardPreview } from '../services/preview/leaderboardPreview';
import type { FeatureDeps } from './featureDeps';

type LeaderboardChannel = 'leaderboard.getSlice' | 'leaderboard.getCatalog' | 'leaderboard.getOwnVotes';

/** Main-process handlers of the leaderboard feature's IPC calls, merged into ../handlers.ts. */
export function createLeaderboardHandlers(deps: FeatureDeps): Pick<InvokeHandlers, LeaderboardChannel> {
  const preview = new LeaderboardPreview({
    api: deps.api,
    auth: deps.auth,
    journal: deps.journal,
    events: deps.events,
    timers: deps.timers,
    dir: deps.dataDir('leaderboard'),
  });
  preview.start();
  return {
    'leaderboard.getSlice': ({ filter, refresh }) => preview.slice(filter, refresh),
    'leaderboard.getCatalog': ({ refresh }) => preview.catalog(refresh),
    'leaderboard.getOwnVotes': async () => preview.ownVotes(),
  };
}
