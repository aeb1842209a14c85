import type { RecentVote, SessionState, SkipReason, VoteAmendment, VoteInput } from '../../../../shared/ipc/contract';
import type { Task } from '../../../../shared/protocol/tasks';
import { Vote } from '../../../../shared/protocol/votes';
import type { ServerClock } from '../backend/serverClock';
import type { CastVote, JournalEntry, VoteJournal } from '../journal/voteJournal';
import type { TaskCache } from '../tasks/taskCache';

const RECENT_COUNT = 10;

export interface VotingSessionDeps {
  journal: VoteJournal;
  cache: TaskCache;
  clock: ServerClock;
  now: () => number;
  newVoteId: () => string;
  locale: () => string;
  appVersion: string;
  /** Told after every change, so main can push the new state to the renderer. */
  onChange: (state: SessionState) => void;
  /** Told after a vote is durable, so sync can pick it up. */
  onVoteCast: () => void;
}

export class SessionError extends Error {
  override name = 'SessionError';
}

/**
 * What the rater does in a session: vote, amend, undo, skip. The journal is
 * written (and fsync'd) before the task leaves the queue and before the call
 * returns, so "saved" in the UI always means on disk.
 */
export class VotingSession {
  constructor(private readonly deps: VotingSessionDeps) {
    this.reconcile();
  }

  state(): SessionState {
    const summary = this.deps.cache.summary(this.deps.clock.serverNow());
    const current = this.deps.cache.current();
    const upcoming = this.deps.cache.upcoming();
    return {
      task: current ? publicTask(current) : null,
      upcoming: upcoming ? publicTask(upcoming) : null,
      ...summary,
      recent: this.recent(),
    };
  }

  vote(input: VoteInput): { voteId: string; state: SessionState } {
    const task = this.deps.cache.find(input.taskId);
    if (!task) throw new SessionError(`task ${input.taskId} is not in the queue (already voted, skipped or unknown)`);
    const cast = this.castVote(task, input);
    // Validate against the wire contract now: a vote the server would refuse to parse must never be journaled.
    Vote.omit({ seq: true }).parse(cast);
    this.deps.journal.cast(cast);
    this.deps.cache.markVoted(task.taskId, cast.id);
    this.deps.onVoteCast();
    return { voteId: cast.id, state: this.changed() };
  }

  amend(amendment: VoteAmendment): SessionState {
    const entry = this.requireEditable(amendment.voteId);
    const { voteId: _voteId, ...changes } = amendment;
    this.deps.journal.amend({ ...entry.vote, ...changes });
    return this.changed();
  }

  undo(voteId: string): SessionState {
    this.requireEditable(voteId);
    this.deps.journal.retract(voteId);
    this.deps.cache.restore(voteId);
    return this.changed();
  }

  skip(taskId: string, _reason: SkipReason): SessionState {
    if (!this.deps.cache.has(taskId)) throw new SessionError(`task ${taskId} is not in the queue`);
    this.deps.cache.remove(new Set([taskId]));
    return this.changed();
  }

  /** Tells listeners the queue or the votes changed (also used by sync after leasing or answers). */
  changed(): SessionState {
    const state = this.state();
    this.deps.onChange(state);
    return state;
  }

  private castVote(task: Task, input: VoteInput): CastVote {
    const { taskId, choice, activeMs, shownAt, ...optional } = input;
    return {
      id: this.deps.newVoteId(),
      taskId,
      ticket: task.ticket,
      choice,
      ...optional,
      // The comparison screen shows task.responses in order (TaskContent.tsx): that is what the rater saw.
      shownOrder: [task.responses[0].handle, task.responses[1].handle],
      activeMs,
      shownAt,
      votedAt: new Date(this.deps.now()).toISOString(),
      clockOffsetMs: this.deps.clock.offset(),
      locale: this.deps.locale(),
      appVersion: this.deps.appVersion,
    };
  }

  private requireEditable(voteId: string): JournalEntry {
    const entry = this.deps.journal.get(voteId);
    if (!entry) throw new SessionError(`vote ${voteId} is unknown`);
    if (entry.state !== 'unsealed') throw new SessionError(`vote ${voteId} was already sent and can no longer change`);
    if (!this.recent().some((vote) => vote.voteId === voteId)) throw new SessionError('only the last 10 votes can be changed');
    return entry;
  }

  private recent(): RecentVote[] {
    return this.deps.journal
      .latest(RECENT_COUNT)
      .map((entry) => ({
        voteId: entry.vote.id,
        taskId: entry.vote.taskId,
        choice: entry.vote.choice,
        votedAt: entry.vote.votedAt,
        state: entry.state,
        editable: entry.state === 'unsealed',
        rejectReason: entry.result?.status === 'rejected' ? (entry.result.reason ?? 'rejected') : null,
        reveal: entry.result?.reveal ?? null,
      }));
  }

  /** A crash between journaling a vote and updating the queue must not show the voted task again. */
  private reconcile(): void {
    const voted = this.deps.journal.votedTaskIds();
    this.deps.cache.remove(new Set([...voted].filter((taskId) => this.deps.cache.has(taskId))));
  }
}

function publicTask(task: Task) {
  const { ticket: _ticket, ...rest } = task;
  return rest;
}
