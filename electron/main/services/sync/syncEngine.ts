import type { RejectedVote, SyncStatus } from '../../../../shared/ipc/contract';
import { LeaseResponse, TASKS_LEASE_PATH, TASKS_LEASES_PATH, MAX_LEASE_COUNT } from '../../../../shared/protocol/tasks';
import { PushResponse, VOTES_PUSH_PATH, type Vote } from '../../../../shared/protocol/votes';
import type { Timers } from '../../ports';
import { ApiError, isTransient, type ApiClient } from '../backend/apiClient';
import type { ServerClock } from '../backend/serverClock';
import { AuthRequiredError, type AuthService } from '../auth/authService';
import type { VoteJournal } from '../journal/voteJournal';
import type { TaskCache } from '../tasks/taskCache';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';

/** The one protocol error that retrying cannot fix: the server lost votes it had acknowledged. */
const LOST_VOTES = 'lost_votes';

export interface SyncOptions {
  installationId: string;
  batchSize?: number;
  /** Votes younger than this stay unsealed, so a rater can still undo a slip of the finger. */
  sealGraceMs?: number;
  /** How many tasks to keep leased ahead for offline work. */
  leaseTarget?: number;
  backoff?: BackoffPolicy;
  /** How often to ask again for tasks when the server had none to lease. */
  emptyQueueRecheckMs?: number;
}

export interface SyncDeps {
  journal: VoteJournal;
  cache: TaskCache;
  auth: AuthService;
  api: ApiClient;
  clock: ServerClock;
  timers: Timers;
  random: () => number;
  /** The health monitor's view: false only while the backend has stopped answering health checks. */
  backendReachable?: () => boolean;
  onStatus: (status: SyncStatus) => void;
  /** Votes were answered or tasks leased: the session's view changed. */
  onDataChanged: () => void;
}

/**
 * Delivers journaled votes exactly once and keeps the task queue topped up.
 * Invariants: one run at a time; votes go out in seq order, oldest first;
 * a sealed vote is re-sent as is until the server answers it (its id makes
 * the re-send harmless); nothing is ever dropped on an error — the engine
 * waits (full-jitter backoff, Retry-After honoured) and tries again.
 *
 * The backoff grows with the current failure streak only: every successful
 * request resets it, so after an outage pushes continue batch after batch at
 * full speed. A vote cast during a backoff wait does not start a run of its
 * own (it would only fail again and grow the wait); the scheduled retry, or
 * the health monitor seeing the backend return, delivers it.
 */
export class SyncEngine {
  private running: Promise<void> | null = null;
  /** Shrinks when the server refuses a batch as too large, so one big vote cannot block the queue. */
  private batchLimit: number;
  private again = false;
  private attempt = 0;
  private timer: unknown = null;
  /** A failed run scheduled its retry; votes cast meanwhile wait for it. */
  private retryScheduled = false;
  private stopped = false;
  private current: SyncStatus;
  private readonly options: Required<SyncOptions>;

  constructor(
    private readonly deps: SyncDeps,
    options: SyncOptions,
  ) {
    this.options = {
      batchSize: 200,
      sealGraceMs: 1_500,
      leaseTarget: 50,
      backoff: DEFAULT_BACKOFF,
      emptyQueueRecheckMs: 60_000,
      ...options,
    };
    this.batchLimit = this.options.batchSize;
    this.current = { state: 'idle', pending: 0, lastSyncAt: null, lastError: null, nextRetryAt: null, rejected: [] };
    this.current = this.withCounts({});
  }

  status(): SyncStatus {
    return this.current;
  }

  /** Run soon. Cancels a pending backoff wait: called when the network returns or the rater asks. */
  kick(): void {
    if (this.stopped) return;
    this.clearTimer();
    this.retryScheduled = false;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runLoop().finally(() => (this.running = null));
  }

  /**
   * A vote was cast: sync soon, unless a failed run already scheduled its
   * retry — then the vote waits for it, and the retry time shown stays true.
   */
  nudge(): void {
    if (this.retryScheduled) {
      this.publish({});
      return;
    }
    this.kick();
  }

  /** Waits for the current run (used on quit and in tests). */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** One bounded attempt to deliver everything, for quitting: resolves true if nothing is left. */
  async flush(timeoutMs: number): Promise<boolean> {
    this.kick();
    await Promise.race([this.settle(), new Promise((resolve) => this.deps.timers.setTimeout(() => resolve(undefined), timeoutMs))]);
    return this.deps.journal.pendingCount() === 0;
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private async runLoop(): Promise<void> {
    do {
      this.again = false;
      await this.runOnce();
    } while (this.again && !this.stopped);
  }

  private async runOnce(): Promise<void> {
    if (this.deps.auth.state().status === 'signed_out') return this.publish({ state: 'signed_out', nextRetryAt: null });
    this.publish({ state: 'syncing', nextRetryAt: null });
    try {
      await this.withFreshToken((token) => this.pushAll(token));
      // Only raters lease tasks; a supervisor's or admin's queue is empty by design, not by error.
      if (this.deps.auth.state().account?.role === 'rater') await this.withFreshToken((token) => this.topUpTasks(token));
      this.publish({ state: 'idle', lastSyncAt: new Date(this.deps.timers.now()).toISOString(), lastError: null });
      // Votes still inside the undo grace go out as soon as it ends; an empty queue asks again later.
      if (this.deps.journal.pendingCount() > 0) this.schedule(this.options.sealGraceMs);
      else if (this.deps.cache.count() === 0 && this.deps.auth.state().account?.role === 'rater') this.schedule(this.options.emptyQueueRecheckMs);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Runs a call with a valid token; if the server says the token expired anyway, refreshes once and retries. */
  private async withFreshToken(work: (token: string) => Promise<void>): Promise<void> {
    try {
      await work(await this.deps.auth.accessToken());
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      this.deps.auth.invalidateAccessToken();
      await work(await this.deps.auth.accessToken());
    }
  }

  private async pushAll(token: string): Promise<void> {
    for (;;) {
      const batch = this.nextBatch();
      if (batch.length === 0) return;
      const response = await this.push(batch, token);
      if (response === 'split') continue;
      const answered = this.deps.journal.recordResults(response.results);
      this.publish({});
      this.deps.onDataChanged();
      if (answered.length === 0) {
        // The server processed nothing: its cursor is behind our first seq, so it lacks votes we believe answered.
        throw new ApiError('protocol', `the server's cursor (${response.lastSeq}) is behind vote seq ${batch[0]?.seq}; it lost votes`, null, LOST_VOTES);
      }
    }
  }

  /**
   * Sends one batch. A 413 (body too large) halves the batch and asks the
   * caller to go again: the same votes, fewer at a time, in the same order.
   */
  private async push(batch: Vote[], token: string): Promise<PushResponse | 'split'> {
    try {
      const response = await this.deps.api.call(this.serverUrl(), {
        method: 'POST',
        path: VOTES_PUSH_PATH,
        body: { installationId: this.options.installationId, votes: batch },
        accessToken: token,
        schema: PushResponse,
      });
      this.succeeded();
      this.batchLimit = Math.min(this.options.batchSize, this.batchLimit * 2);
      return response;
    } catch (error) {
      if (error instanceof ApiError && error.status === 413 && batch.length > 1) {
        this.batchLimit = Math.max(1, Math.floor(batch.length / 2));
        return 'split';
      }
      throw error;
    }
  }

  private nextBatch(): Vote[] {
    const { journal } = this.deps;
    const resend = journal.sealedUnanswered(this.batchLimit);
    if (resend.length > 0) return resend;
    return journal.seal(this.batchLimit, this.deps.timers.now() - this.options.sealGraceMs);
  }

  private async topUpTasks(token: string): Promise<void> {
    const { cache, clock } = this.deps;
    if (cache.dropExpired(clock.serverNow()) > 0) this.deps.onDataChanged();
    if (cache.count() === 0) await this.adoptOpenLeases(token);
    let wanted = this.options.leaseTarget - cache.count();
    while (wanted > 0) {
      const response = await this.deps.api.call(this.serverUrl(), {
        method: 'POST',
        path: TASKS_LEASE_PATH,
        body: { count: Math.min(wanted, MAX_LEASE_COUNT) },
        accessToken: token,
        schema: LeaseResponse,
      });
      this.succeeded();
      const added = cache.add(response.tasks);
      if (added > 0) this.deps.onDataChanged();
      if (response.tasks.length === 0 || added === 0) return;
      wanted -= added;
    }
  }

  /** A fresh installation or a wiped cache picks up the leases the server still holds for this rater. */
  private async adoptOpenLeases(token: string): Promise<void> {
    const response = await this.deps.api.call(this.serverUrl(), { method: 'GET', path: TASKS_LEASES_PATH, accessToken: token, schema: LeaseResponse });
    this.succeeded();
    const voted = this.deps.journal.votedTaskIds();
    if (this.deps.cache.add(response.tasks.filter((task) => !voted.has(task.taskId))) > 0) this.deps.onDataChanged();
  }

  private fail(error: unknown): void {
    if (error instanceof AuthRequiredError) {
      this.publish({ state: 'auth_required', lastError: error.message, nextRetryAt: null });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const retryAfter = error instanceof ApiError ? error.retryAfterMs : null;
    const delay = backoffDelay(this.attempt, this.deps.random, this.options.backoff, retryAfter);
    this.attempt += 1;
    this.publish({ state: this.stateAfter(error), lastError: message, nextRetryAt: new Date(this.deps.timers.now() + delay).toISOString() });
    this.schedule(delay);
    this.retryScheduled = true;
  }

  /**
   * What the rater is told: "offline" only while the backend really does not
   * answer (one dropped connection to a live server is just a retry); a
   * truncated or garbled answer is a passing fault, retried like a 503;
   * "error" is kept for what retrying cannot fix by itself.
   */
  private stateAfter(error: unknown): SyncStatus['state'] {
    if (!(error instanceof ApiError)) return 'error';
    if (error.kind === 'network') return this.deps.backendReachable?.() === false ? 'offline' : 'backing_off';
    if (error.kind === 'protocol') return error.code === LOST_VOTES ? 'error' : 'backing_off';
    return isTransient(error) ? 'backing_off' : 'error';
  }

  /** Any answered request ends the failure streak, so the next failure waits briefly again. */
  private succeeded(): void {
    this.attempt = 0;
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (!this.stopped) this.timer = this.deps.timers.setTimeout(() => this.kick(), delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private serverUrl(): string {
    const url = this.deps.auth.serverUrl();
    if (!url) throw new AuthRequiredError('not signed in');
    return url;
  }

  private publish(changes: Partial<SyncStatus>): void {
    this.current = this.withCounts(changes);
    this.deps.onStatus(this.current);
  }

  private withCounts(changes: Partial<SyncStatus>): SyncStatus {
    const rejected: RejectedVote[] = this.deps.journal
      .all()
      .filter((entry) => entry.state === 'rejected')
      .map((entry) => ({
        voteId: entry.vote.id,
        taskId: entry.vote.taskId,
        votedAt: entry.vote.votedAt,
        reason: entry.result?.reason ?? 'rejected',
        message: entry.result?.message ?? null,
      }));
    return { ...this.current, ...changes, pending: this.deps.journal.pendingCount(), rejected };
  }
}
