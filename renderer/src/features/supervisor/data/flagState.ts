import type { FlagEntry } from '../../../../../shared/ipc/features/supervisorContract';

/**
 * Raters whose latest rater-level entry is a flag (a supervisor's or the
 * anomaly scan's) rather than an unflag. Vote-level marks never flag the rater.
 */
export function flaggedRaters(entries: readonly FlagEntry[]): Set<string> {
  const flagged = new Set<string>();
  for (const entry of [...entries].sort((x, y) => x.id - y.id)) {
    if (entry.voteId !== null) continue;
    if (entry.kind === 'flag') flagged.add(entry.raterId);
    if (entry.kind === 'unflag') flagged.delete(entry.raterId);
  }
  return flagged;
}

/** Marks on votes (ambiguous item, wrong vote), by vote id, oldest first. */
export function marksByVote(entries: readonly FlagEntry[]): Map<string, FlagEntry[]> {
  const marks = new Map<string, FlagEntry[]>();
  for (const entry of [...entries].sort((x, y) => x.id - y.id)) {
    if (entry.voteId === null || (entry.kind !== 'ambiguous' && entry.kind !== 'vote_wrong')) continue;
    marks.set(entry.voteId, [...(marks.get(entry.voteId) ?? []), entry]);
  }
  return marks;
}
