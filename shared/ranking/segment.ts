import type { SegmentField, SegmentFilter } from './types';

/** Every field a leaderboard can be sliced by, in display order. */
export const SEGMENT_FIELDS: readonly SegmentField[] = ['language', 'country', 'age_band', 'education', 'category'];

export function isSegmentField(name: string): name is SegmentField {
  return (SEGMENT_FIELDS as readonly string[]).includes(name);
}

/**
 * A predicate for "every field in the filter equals the vote's field". A vote with no
 * value for a filtered field does not match: an unknown language is not English.
 */
export function segmentMatcher(filter: SegmentFilter | undefined): (segment: SegmentFilter | undefined) => boolean {
  const entries = filter
    ? (Object.entries(filter) as [SegmentField, string | undefined][]).filter(([, v]) => v !== undefined)
    : [];
  if (entries.length === 0) return () => true;
  return (segment) => {
    if (!segment) return false;
    for (const [field, value] of entries) if (segment[field] !== value) return false;
    return true;
  };
}
