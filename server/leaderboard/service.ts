import type {
  CountsResponse,
  CountsSegment,
  LeaderboardResponse,
  SegmentField,
  SegmentFilter,
} from '../../shared/protocol/leaderboard';
import { SEGMENT_FIELDS } from '../../shared/protocol/leaderboard';
import { rankModels } from '../../shared/ranking';
import type { Db } from '../db/open';
import type { VoteRecord } from '../votes/store';
import { mergeCells, type Cell, type SegmentCube } from './cube';
import { countedVote, loadCube } from './load';

interface Cached {
  version: number;
  at: number;
  response: LeaderboardResponse;
}

const MAX_CACHED_SEGMENTS = 256;

/** Only the fields actually set, in a fixed order, so equal filters share a cache entry. */
function normalise(filter: SegmentFilter): SegmentFilter {
  const out: SegmentFilter = {};
  for (const field of SEGMENT_FIELDS) if (filter[field] !== undefined) out[field] = filter[field];
  return out;
}

/**
 * Leaderboards and pair counts per segment. Pushes only add to the cube
 * (O(1) per vote); ranking happens on read, cached per segment, so a burst
 * of pushes never waits for a recompute.
 */
export class LeaderboardService {
  private cube: SegmentCube;
  private readonly cache = new Map<string, Cached>();

  constructor(
    db: Db,
    private readonly options: { minRaters: number; statsMaxStaleMs: number },
  ) {
    this.cube = loadCube(db);
  }

  /** Accepted votes of any kind since start; views derived from all votes (quality) key on it. */
  acceptedSinceStart = 0;

  get version(): number {
    return this.cube.version;
  }

  addVotes(records: VoteRecord[]): void {
    this.acceptedSinceStart += records.length;
    for (const record of records) {
      const vote = countedVote(record);
      if (vote) this.cube.add(vote);
    }
  }

  counts(filter: SegmentFilter, by?: SegmentField): CountsResponse {
    const base = normalise(filter);
    const cells = this.cube.select(base);
    const groups = by ? groupBy(cells, by) : new Map([['', cells]]);
    const segments: CountsSegment[] = [];
    for (const [value, group] of groups) {
      const segment = by ? { ...base, [by]: value } : base;
      const merged = mergeCells(group);
      const withheld = merged.raters < this.options.minRaters;
      segments.push({
        segment,
        raters: merged.raters,
        votes: merged.votes,
        withheld,
        counts: withheld ? { models: [], rows: [] } : merged.counts,
      });
    }
    return {
      minRaters: this.options.minRaters,
      version: this.cube.version,
      computedAt: new Date().toISOString(),
      segments,
    };
  }

  leaderboard(filter: SegmentFilter, now = Date.now()): LeaderboardResponse {
    const segment = normalise(filter);
    const key = JSON.stringify(segment);
    const cached = this.cache.get(key);
    if (cached && (cached.version === this.cube.version || now - cached.at < this.options.statsMaxStaleMs)) {
      return cached.response;
    }
    const response = this.compute(segment, now);
    if (this.cache.size >= MAX_CACHED_SEGMENTS) this.cache.clear();
    this.cache.set(key, { version: this.cube.version, at: now, response });
    return response;
  }

  private compute(segment: SegmentFilter, now: number): LeaderboardResponse {
    const { counts, raters, votes } = mergeCells(this.cube.select(segment));
    const { minRaters } = this.options;
    const base = {
      segment,
      minRaters,
      raters,
      votes,
      version: this.cube.version,
      computedAt: new Date(now).toISOString(),
    };
    if (raters < minRaters) {
      return {
        ...base,
        withheld: true,
        withheldReason: `this segment has ${raters} distinct rater${raters === 1 ? '' : 's'}; at least ${minRaters} are needed before it is shown`,
        method: 'sandwich',
        models: [],
        warnings: [],
      };
    }
    const ranked = rankModels(counts, { ci: 'sandwich' });
    return { ...base, withheld: false, method: ranked.method, models: ranked.models, warnings: ranked.warnings };
  }
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
