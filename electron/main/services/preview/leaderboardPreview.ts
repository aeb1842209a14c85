import type { EventName, EventPayload } from '../../../../shared/ipc/contract';
import type { OwnVotes, SegmentCatalog, SliceAnswer } from '../../../../shared/ipc/features/leaderboardContract';
import type { Profile } from '../../../../shared/protocol/auth';
import type { SegmentFilter } from '../../../../shared/protocol/leaderboard';
import type { Timers } from '../../ports';
import type { AuthService } from '../auth/authService';
import type { ApiClient } from '../backend/apiClient';
import type { EventBus } from '../eventBus';
import type { VoteJournal } from '../journal/voteJournal';
import { CatalogSource } from './catalogSource';
import { CountsClient } from './countsClient';
import { answeredSeq } from './ownVotes';
import { OwnVotesWatcher } from './ownVotesWatcher';
import { PreviewStore } from './previewStore';
import { SliceSource } from './sliceSource';
import { TaskAttributes } from './taskAttributes';

export interface LeaderboardPreviewDeps {
  api: ApiClient;
  auth: AuthService;
  journal: Pick<VoteJournal, 'all' | 'votedTaskIds'>;
  events: EventBus;
  timers: Timers;
  /** The feature's own folder (FeatureDeps.dataDir('leaderboard')). */
  dir: string;
  log?: (message: string) => void;
}

/**
 * The main-process half of the local ranking preview: pair counts per slice from the server
 * (cached on disk for offline use), the filter catalog, and the rater's own revealed votes.
 * Ranking itself happens in the renderer's Web Worker.
 */
export class LeaderboardPreview {
  private readonly store: PreviewStore;
  private readonly client: CountsClient;
  private readonly slices: SliceSource;
  private readonly catalogs: CatalogSource;
  private readonly attributes: TaskAttributes;
  private readonly watcher: OwnVotesWatcher;
  private backendState: string = 'unknown';
  private profile: Profile | undefined;
  private profileFetched = false;
  private readonly log: (message: string) => void;

  constructor(private readonly deps: LeaderboardPreviewDeps) {
    const log = (this.log = deps.log ?? console.warn);
    const now = () => deps.timers.now();
    const backendDown = () => this.backendState === 'down';
    this.store = new PreviewStore(deps.dir, log);
    this.client = new CountsClient(deps);
    // votedTaskIds() reads lazily kept votes' task ids without parsing 100k pending votes at start-up.
    this.attributes = new TaskAttributes(deps.dir, deps.journal.votedTaskIds(), log);
    const answered = () => answeredSeq(deps.journal.all());
    this.slices = new SliceSource({ client: this.client, store: this.store, auth: deps.auth, now, answeredSeq: answered, backendDown, log });
    this.catalogs = new CatalogSource({ client: this.client, store: this.store, slices: this.slices, auth: deps.auth, now, backendDown, log });
    this.watcher = new OwnVotesWatcher({
      journal: deps.journal,
      attributes: this.attributes,
      profile: () => this.currentProfile(),
      timers: deps.timers,
      notify: (change) => deps.events.emit('leaderboard.ownVotes', change),
    });
  }

  /** Follows the other services through the event bus (replaying what they said before we listened). */
  start(): () => void {
    const listener = (event: EventName, payload: unknown) => this.observe(event, payload);
    this.deps.events.replayTo(listener);
    return this.deps.events.subscribe(listener);
  }

  slice(filter: SegmentFilter, refresh = false): Promise<SliceAnswer> {
    return this.slices.get(filter, refresh);
  }

  async catalog(refresh = false): Promise<SegmentCatalog> {
    const catalog = await this.catalogs.get(refresh);
    if (catalog.source === 'server') await this.refreshProfile();
    return catalog;
  }

  ownVotes(): OwnVotes {
    return this.watcher.current();
  }

  private observe(event: EventName, payload: unknown): void {
    if (event === 'backend.status') this.backendState = (payload as EventPayload<'backend.status'>).state;
    if (event === 'session.state') {
      const task = (payload as EventPayload<'session.state'>).task;
      if (task) this.attributes.remember(task.taskId, { language: task.language, category: task.category });
    }
    if (event === 'session.state' || event === 'sync.status' || event === 'auth.state') this.watcher.poke();
  }

  private currentProfile(): Profile | undefined {
    const serverUrl = this.deps.auth.serverUrl();
    if (!serverUrl) return undefined;
    this.profile ??= this.store.readProfile(serverUrl);
    return this.profile;
  }

  /** Once per run, when the server answers anyway: country, age band and education place own votes in slices. */
  private async refreshProfile(): Promise<void> {
    const serverUrl = this.deps.auth.serverUrl();
    if (this.profileFetched || !serverUrl) return;
    try {
      this.profile = await this.client.profile();
      this.profileFetched = true;
      this.store.writeProfile(serverUrl, this.profile);
      this.watcher.poke();
    } catch (error) {
      this.log(`preview: the profile could not be fetched: ${(error as Error).message}`);
    }
  }
}
