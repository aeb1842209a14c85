import type { OwnBattle, OwnVotes } from '../../../../shared/ipc/features/leaderboardContract';
import type { Profile } from '../../../../shared/protocol/auth';
import type { SegmentFilter } from '../../../../shared/protocol/leaderboard';
import type { JournalEntry } from '../journal/voteJournal';
import type { TaskSegment } from './taskAttributes';

/** Index of each decisive choice in shared/ranking's outcome order (a, b, tie, both_bad), from the display order. */
const OUTCOME_OF_CHOICE: Record<string, number | undefined> = { first: 0, second: 1, tie: 2, both_bad: 3 };

/**
 * Turns the journal into the rater's own battles. Only votes the server accepted and revealed
 * become battles: `reveal.first` is the model shown first, so the vote's display-order choice
 * maps straight onto (A = first, B = second). Pending votes are only counted: nobody, not
 * even this app, knows their models yet. Segment fields: language and category from the task
 * as it was shown here (unknown for tasks this installation never saw on screen), country,
 * age band and education from the current profile (the server freezes them at vote time, so
 * a profile edited since makes older votes land in the wrong slice here).
 */
export function collectOwnVotes(
  entries: readonly JournalEntry[],
  taskSegment: (taskId: string) => TaskSegment | undefined,
  profile: Profile | undefined,
  revision: number,
): OwnVotes {
  const models = new Indexer<string>((name) => name);
  const segments = new Indexer<SegmentFilter>((segment) => JSON.stringify(segment));
  const battles: OwnBattle[] = [];
  const own: OwnVotes = { revision, models: [], segments: [], battles, pending: 0, unrevealed: 0, cantRead: 0, unattributed: 0 };
  for (const entry of entries) {
    if (entry.state === 'unsealed' || entry.state === 'sealed') own.pending += 1;
    if (entry.state !== 'accepted') continue;
    const outcome = OUTCOME_OF_CHOICE[entry.vote.choice];
    if (outcome === undefined) {
      own.cantRead += 1;
      continue;
    }
    const reveal = entry.result?.reveal;
    if (!reveal || entry.seq === null) {
      own.unrevealed += 1;
      continue;
    }
    const task = taskSegment(entry.vote.taskId);
    if (!task) own.unattributed += 1;
    const segment = segmentOf(task, profile);
    battles.push([models.index(reveal.first), models.index(reveal.second), outcome, segments.index(segment), entry.seq]);
  }
  own.models = models.values;
  own.segments = segments.values;
  return own;
}

/** The highest seq the server has answered: every own vote up to it is in counts fetched now. */
export function answeredSeq(entries: readonly JournalEntry[]): number {
  let highest = 0;
  for (const entry of entries) {
    if ((entry.state === 'accepted' || entry.state === 'rejected') && entry.seq !== null) highest = Math.max(highest, entry.seq);
  }
  return highest;
}

function segmentOf(task: TaskSegment | undefined, profile: Profile | undefined): SegmentFilter {
  const segment: SegmentFilter = {};
  if (task) {
    segment.language = task.language;
    segment.category = task.category;
  }
  if (profile?.country) segment.country = profile.country;
  if (profile?.ageBand) segment.age_band = profile.ageBand;
  if (profile?.education) segment.education = profile.education;
  return segment;
}

/** Values → dense indices, so a long list of battles carries small numbers instead of repeated strings. */
class Indexer<T> {
  readonly values: T[] = [];
  private readonly positions = new Map<string, number>();

  constructor(private readonly keyOf: (value: T) => string) {}

  index(value: T): number {
    const key = this.keyOf(value);
    let position = this.positions.get(key);
    if (position === undefined) {
      position = this.values.length;
      this.values.push(value);
      this.positions.set(key, position);
    }
    return position;
  }
}
