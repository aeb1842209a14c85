import type { CountsResponse, CountsSegment, SegmentField, SegmentFilter } from '../../shared/protocol/leaderboard';
import { SEGMENT_FIELDS } from '../../shared/protocol/leaderboard';
import { mergeCells, type SegmentCube } from '../../server/leaderboard/cube';
import type { AskCounts } from './leaderboardAttacker';
import { nodeKey } from './leaderboardAttacker';

/**
 * The design the server does not use, kept to show why: the same tables (at most two fields),
 * with per-cell suppression as statistical agencies apply it to a table of totals. Cells under
 * K raters are hidden (primary); then, wherever a parent's children along one field have
 * exactly one hidden cell, the smallest shown sibling is hidden too (complementary), until no
 * line has a lone hidden cell. Line by line this protects the vote totals; the privacy test
 * shows the attacker still recovers small groups pair by pair, from pairs rare enough that
 * the hidden partners hold none of their votes.
 */
export function cellSuppressedCounts(cube: SegmentCube, minRaters: number): AskCounts {
  const names = namesOf(cube);
  const nodes = latticeNodes(names);
  const raters = new Map(nodes.map((node) => [nodeKey(node), mergeCells(cube.select(node)).raters]));
  const size = (node: SegmentFilter) => raters.get(nodeKey(node)) ?? 0;
  const hidden = new Set(nodes.filter((node) => size(node) > 0 && size(node) < minRaters).map(nodeKey));
  for (let changed = true; changed;) {
    changed = false;
    for (const parent of nodes) {
      if (Object.keys(parent).length >= 2) continue;
      for (const field of SEGMENT_FIELDS.filter((f) => parent[f] === undefined)) {
        const children = names[field]
          .map((value) => ({ ...parent, [field]: value }))
          .filter((child) => size(child) > 0);
        if (children.filter((child) => hidden.has(nodeKey(child))).length !== 1) continue;
        const partner = children.filter((child) => !hidden.has(nodeKey(child))).sort((x, y) => size(x) - size(y))[0];
        if (!partner) continue;
        hidden.add(nodeKey(partner));
        changed = true;
      }
    }
  }
  const segment = (filter: SegmentFilter): CountsSegment => {
    if (hidden.has(nodeKey(filter)) || size(filter) === 0)
      return { segment: filter, withheld: true, counts: { models: [], rows: [] } };
    const merged = mergeCells(cube.select(filter));
    return { segment: filter, raters: merged.raters, votes: merged.votes, withheld: false, counts: merged.counts };
  };
  return async (filter: SegmentFilter, by?: SegmentField): Promise<CountsResponse | null> => {
    if (Object.keys(filter).length + (by ? 1 : 0) > 2) return null;
    const slices = by
      ? names[by].map((value) => ({ ...filter, [by]: value })).filter((slice) => size(slice) > 0)
      : [filter];
    return { minRaters, version: cube.version, computedAt: new Date(0).toISOString(), segments: slices.map(segment) };
  };
}

function namesOf(cube: SegmentCube): Record<SegmentField, string[]> {
  const cells = [...cube.cells()];
  const values = (field: SegmentField) =>
    [...new Set(cells.flatMap((cell) => (cell.segment[field] === null ? [] : [cell.segment[field]])))].sort();
  return Object.fromEntries(SEGMENT_FIELDS.map((field) => [field, values(field)])) as Record<SegmentField, string[]>;
}

function latticeNodes(names: Record<SegmentField, string[]>): SegmentFilter[] {
  const nodes: SegmentFilter[] = [{}];
  for (const [i, field] of SEGMENT_FIELDS.entries()) {
    for (const value of names[field]) {
      nodes.push({ [field]: value });
      for (const other of SEGMENT_FIELDS.slice(i + 1))
        for (const second of names[other]) nodes.push({ [field]: value, [other]: second });
    }
  }
  return nodes;
}
