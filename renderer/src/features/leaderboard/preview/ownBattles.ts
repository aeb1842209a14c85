import type { OwnVotes } from '../../../../../shared/ipc/features/leaderboardContract';
import { segmentMatcher, type SegmentFilter } from '../../../../../shared/ranking';
import type { NamedBattle } from './countsMath';

/**
 * The rater's revealed battles that fall in a slice, optionally only those answered after
 * `afterSeq` (not yet in a snapshot fetched when the server had answered up to that seq).
 * A battle lacking a field the slice filters on does not match: an unknown language is not
 * English. So the unfiltered board always takes every own vote; a sliced one only those
 * whose segment this installation knows.
 */
export function ownBattlesIn(own: OwnVotes | null, filter: SegmentFilter, afterSeq = 0): NamedBattle[] {
  if (!own) return [];
  const matches = segmentMatcher(filter);
  const out: NamedBattle[] = [];
  for (const [a, b, outcome, segment, seq] of own.battles) {
    if (seq <= afterSeq || !matches(own.segments[segment])) continue;
    out.push({ modelA: own.models[a]!, modelB: own.models[b]!, outcome });
  }
  return out;
}
