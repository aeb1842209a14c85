import type { EventBus } from '../services/eventBus';
import type { ApiClient } from '../services/backend/apiClient';
import type { ServerClock } from '../services/backend/serverClock';
import type { AuthService } from '../services/auth/authService';
import type { VoteJournal } from '../services/journal/voteJournal';
import type { Timers } from '../ports';

/**
 * What a feature's main-process handlers may use: the backend (through the
 * authenticated API client), the journal, the event bus and a data folder.
 * Features build their own services from these in their handlers file.
 */
export interface FeatureDeps {
  api: ApiClient;
  auth: AuthService;
  clock: ServerClock;
  /** The signed-in account's journal, read only (it changes when another account signs in). */
  journal: Pick<VoteJournal, 'all' | 'votedTaskIds'>;
  events: EventBus;
  timers: Timers;
  /** A folder of the feature's own, for caches that must survive restarts. */
  dataDir: (feature: string) => string;
}
