import type { CountsResponse, CountsSegment, SegmentField, SegmentFilter } from '../../shared/protocol/leaderboard';
import { SEGMENT_FIELDS } from '../../shared/protocol/leaderboard';
import { mergeCells, type Cell, type SegmentCube } from '../../server/leaderboard/cube';

/**
 * GET /v1/leaderboard/counts as the server answered it before the release plan (commit
 * de4a850): any filter, every value of `by`, a segment withheld only when it alone has fewer
 * than K raters, and withheld segments still reporting their raters and votes. Kept as the
 * privacy attacker's control: the attacker must break this, or it proves nothing by failing
 * against the real server.
 */
export function legacyCounts(
  cube: SegmentCube,
  minRaters: number,
  filter: SegmentFilter,
  by?: SegmentField,
): CountsResponse {
  const base: SegmentFilter = {};
  for (const field of SEGMENT_FIELDS) if (filter[field] !== undefined) base[field] = filter[field];
  const cells = cube.select(base);
  const groups = by ? groupBy(cells, by) : new Map([['', cells]]);
  const segments: CountsSegment[] = [];
  for (const [value, group] of groups) {
    const segment = by ? { ...base, [by]: value } : base;
    const merged = mergeCells(group);
    const withheld = merged.raters < minRaters;
    segments.push({
      segment,
      raters: merged.raters,
      votes: merged.votes,
      withheld,
      counts: withheld ? { models: [], rows: [] } : merged.counts,
    });
  }
  return { minRaters, version: cube.version, computedAt: new Date(0).toISOString(), segments };
}

function groupBy(cells: Cell[], field: SegmentField): Map<string, Cell[]> {
  const groups = new Map<string, Cell[]>();
  for (const cell of cells) {
    const value = cell.segment[field];
    if (value === null) continue;
    const group = groups.get(value);
    if (group) group.push(cell);
    else groups.set(value, [cell]);
  }
  return new Map([...groups].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}
