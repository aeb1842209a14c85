import type { Label, QualityOptions, RaterVote } from './types';

/** The vote's answer in the item's canonical order (undoes a display swap). */
export function canonicalLabel(vote: RaterVote): Label {
  switch (vote.choice) {
    case 'first':
      return vote.swapped ? 'b' : 'a';
    case 'second':
      return vote.swapped ? 'a' : 'b';
    case 'tie':
    case 'both_bad':
      return vote.choice;
    default:
      throw new RangeError(`unknown choice ${JSON.stringify((vote as RaterVote).choice)}`);
  }
}

/** Nominal category index: a=0, b=1, tie=2, both_bad=2 (or 3 when kept separate). */
export function nominalCategory(label: Label, options: QualityOptions = {}): number {
  if (label === 'both_bad') return options.bothBad === 'separate' ? 3 : 2;
  return label === 'a' ? 0 : label === 'b' ? 1 : 2;
}

export function categoryCount(options: QualityOptions = {}): number {
  return options.bothBad === 'separate' ? 4 : 3;
}

/** Ordinal scale of preference: a better (0) < no preference (1) < b better (2). */
export function ordinalValue(label: Label): number {
  return label === 'a' ? 0 : label === 'b' ? 2 : 1;
}

/** Stable chronological order: by timestamp when every vote has one, else as given. */
export function chronological(votes: readonly RaterVote[]): RaterVote[] {
  const timed = votes.every((v) => typeof v.timestamp === 'number');
  const copy = [...votes];
  return timed ? copy.sort((x, y) => x.timestamp! - y.timestamp!) : copy;
}

/**
 * One vote per (rater, item): the first in time. Repeats measure self-consistency; letting
 * them into agreement metrics would count one rater twice.
 */
export function firstVotes(votes: readonly RaterVote[]): RaterVote[] {
  const seen = new Set<string>();
  const out: RaterVote[] = [];
  for (const vote of chronological(votes)) {
    const key = `${vote.raterId}\u0000${vote.itemId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(vote);
  }
  return out;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** x/y, or null when y is 0 — a rate over nothing is unknown, not 0 and not NaN. */
export function ratio(x: number, y: number): number | null {
  return y > 0 ? x / y : null;
}
