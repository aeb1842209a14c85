import { SEGMENT_FIELDS, type SegmentFilter } from '../../../../shared/protocol/leaderboard';

/** Only the fields actually set, in the server's field order: equal slices get equal keys. */
export function normalizeFilter(filter: SegmentFilter): SegmentFilter {
  const out: SegmentFilter = {};
  for (const field of SEGMENT_FIELDS) if (filter[field] !== undefined) out[field] = filter[field];
  return out;
}

/** The cache key of a slice on one server. */
export function sliceKey(serverUrl: string, filter: SegmentFilter): string {
  return `${serverUrl}\n${JSON.stringify(normalizeFilter(filter))}`;
}

/** The counts endpoint's query string for a slice, optionally split `by` one field, optionally with style rows. */
export function countsQuery(filter: SegmentFilter, by?: string, style?: 'on'): string {
  const params = new URLSearchParams();
  for (const [field, value] of Object.entries(normalizeFilter(filter))) params.set(field, value);
  if (by) params.set('by', by);
  if (style) params.set('style', style);
  const text = params.toString();
  return text ? `?${text}` : '';
}
