import type { OwnVotes, OwnVotesChanged } from '../../../../shared/ipc/features/leaderboardContract';
import type { Profile } from '../../../../shared/protocol/auth';
import type { Timers } from '../../ports';
import type { VoteJournal } from '../journal/voteJournal';
import { collectOwnVotes } from './ownVotes';
import type { TaskAttributes } from './taskAttributes';

/** Bursts of sync events (a 200-vote batch answered) become one notice. */
const SETTLE_MS = 200;

export interface OwnVotesWatcherDeps {
  journal: Pick<VoteJournal, 'all'>;
  attributes: TaskAttributes;
  profile: () => Profile | undefined;
  timers: Timers;
  notify: (change: OwnVotesChanged) => void;
}

/**
 * Tells the renderer when the rater's own votes changed in a way the preview shows (a vote
 * cast, answered, revealed; the profile learned), so it re-ranks "the moment new votes are
 * revealed" without polling. The notice is small; the battles are fetched on demand.
 */
export class OwnVotesWatcher {
  private revision: number;
  private signature = '';
  private timer: unknown = null;

  constructor(private readonly deps: OwnVotesWatcherDeps) {
    // Starts from the clock so a restarted main never repeats a revision a live window has seen.
    this.revision = deps.timers.now();
    this.signature = this.currentSignature();
  }

  current(): OwnVotes {
    const { journal, attributes, profile } = this.deps;
    return collectOwnVotes(journal.all(), (taskId) => attributes.get(taskId), profile(), this.revision);
  }

  /** Something may have changed: look again shortly (coalesces bursts). */
  poke(): void {
    if (this.timer !== null) return;
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      this.check();
    }, SETTLE_MS);
  }

  check(): void {
    const signature = this.currentSignature();
    if (signature === this.signature) return;
    this.signature = signature;
    this.revision += 1;
    const own = this.current();
    this.deps.notify({ revision: this.revision, battles: own.battles.length, pending: own.pending });
  }

  /** Counts by state and reveals, plus what attribution knows: equal signatures mean an equal preview. */
  private currentSignature(): string {
    let pending = 0;
    let accepted = 0;
    let revealed = 0;
    let attributed = 0;
    for (const entry of this.deps.journal.all()) {
      if (entry.state === 'unsealed' || entry.state === 'sealed') pending += 1;
      if (entry.state !== 'accepted') continue;
      accepted += 1;
      if (entry.result?.reveal) revealed += 1;
      if (this.deps.attributes.get(entry.vote.taskId)) attributed += 1;
    }
    return `${pending}:${accepted}:${revealed}:${attributed}:${JSON.stringify(this.deps.profile() ?? null)}`;
  }
}
