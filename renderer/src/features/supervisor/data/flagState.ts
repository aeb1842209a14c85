import type { Flag, ItemMark, MarkKind } from '../../../../../shared/protocol/supervisor';

/**
 * Raters whose latest rater-level entry is a flag (a supervisor's or the
 * anomaly scan's) rather than an unflag. Flags on one vote never flag the rater.
 */
export function flaggedRaters(flags: readonly Flag[]): Set<string> {
  const flagged = new Set<string>();
  for (const flag of [...flags].sort((x, y) => x.id - y.id)) {
    if (flag.voteId !== null) continue;
    if (flag.kind === 'flag') flagged.add(flag.raterId);
    else flagged.delete(flag.raterId);
  }
  return flagged;
}

/** Marks on votes (ambiguous item, wrong vote), by vote id, oldest first. */
export function marksByVote(marks: readonly ItemMark[]): Map<string, ItemMark[]> {
  const byVote = new Map<string, ItemMark[]>();
  for (const mark of [...marks].sort((x, y) => x.id - y.id)) {
    byVote.set(mark.voteId, [...(byVote.get(mark.voteId) ?? []), mark]);
  }
  return byVote;
}

/** One line of a rater's review history: a flag, an unflag or a mark on one of their votes. */
export interface HistoryEntry {
  key: string;
  kind: Flag['kind'] | MarkKind;
  voteId: string | null;
  note: string;
  byAnomalyScan: boolean;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
}

/** Flags and marks (two kinds of server record) as one history, oldest first. */
export function reviewHistory(flags: readonly Flag[], marks: readonly ItemMark[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...flags.map((flag) => ({
      key: `flag-${flag.id}`,
      kind: flag.kind,
      voteId: flag.voteId,
      note: flag.note,
      byAnomalyScan: flag.source === 'anomaly_test',
      createdBy: flag.createdBy,
      createdByName: flag.createdByName,
      createdAt: flag.createdAt,
    })),
    ...marks.map((mark) => ({
      key: `mark-${mark.id}`,
      kind: mark.mark,
      voteId: mark.voteId,
      note: mark.note,
      byAnomalyScan: false,
      createdBy: mark.createdBy,
      createdByName: mark.createdByName,
      createdAt: mark.createdAt,
    })),
  ];
  // ISO timestamps sort as text; the sort is stable, so same-millisecond entries keep flags before marks.
  return entries.sort((x, y) => (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : 0));
}
