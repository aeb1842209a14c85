import type {
  CountsResponse,
  CountsSegment,
  LeaderboardResponse,
  PairCounts,
  SegmentField,
  SegmentFilter,
  StyleSwitch,
  WeightScheme,
} from '../../shared/protocol/leaderboard';
import {
  DEFAULT_SERVER_PROVISIONAL_MIN_VOTES,
  SEGMENT_FIELDS,
  unreleasedReason,
} from '../../shared/protocol/leaderboard';
import { markProvisional, rankModels, rankModelsWithStyle, rowRiggingMargins, type RankingResult } from '../../shared/ranking';
import { HttpError } from '../http/errors';
import { baseLanguage } from '../tasks/languages';
import type { Store } from '../store/types';
import type { VoteRecord } from '../votes/store';
import { mergeCells, mergeStyleCells, type Cell, type SegmentCube } from './cube';
import { countedVote, loadCube } from './load';
import { namesOnlyKept, planRelease, type ReleasePlan } from './release';

interface Cached {
  version: number;
  at: number;
  response: LeaderboardResponse;
}

const MAX_CACHED_SEGMENTS = 256;
const MAX_CACHED_FITS = 64;

/** How a board is fitted; part of the cache key. */
export interface LeaderboardFit {
  weights: WeightScheme;
  /** Style control: `on` fits shared/ranking's rankModelsWithStyle on the segment's style rows. */
  style?: StyleSwitch;
}

/** Only the fields actually set, in a fixed order, so equal filters share a cache entry. */
function normalise(filter: SegmentFilter): SegmentFilter {
  const out: SegmentFilter = {};
  for (const field of SEGMENT_FIELDS) if (filter[field] !== undefined) out[field] = filter[field];
  return out;
}

/** Both endpoints answer only from the released tables; anything finer is a 400, not an empty answer. */
function assertReleasedTable(filter: SegmentFilter, by?: SegmentField): void {
  const reason = unreleasedReason(filter, by);
  if (reason) throw new HttpError('unreleased_table', reason);
}

function withheldReason(minRaters: number): string {
  return (
    `this segment is withheld: releasing it would show, directly or by subtraction from other released ` +
    `segments, the votes of fewer than ${minRaters} distinct raters`
  );
}

/** A withheld segment says nothing about itself: no counts, no raters, no votes. */
function withheldSegment(segment: SegmentFilter): CountsSegment {
  return { segment, withheld: true, counts: { models: [], rows: [] } };
}

/**
 * Leaderboards and pair counts per segment. Pushes only add to the cube
 * (O(1) per vote); ranking happens on read, cached per segment, so a burst
 * of pushes never waits for a recompute. What may be released is decided
 * once per cube version (release.ts) and applies to both endpoints alike.
 */
export class LeaderboardService {
  private readonly cache = new Map<string, Cached>();
  private readonly fits = new Map<string, { version: number; at: number; value: unknown }>();
  private planned: { version: number; plan: ReleasePlan } | null = null;

  private checkedAt = 0;

  /**
   * `cube` comes from loadCube (the stored aggregates) at start, when the database's
   * counts version was `countsVersion`; the service then feeds it.
   */
  constructor(
    private cube: SegmentCube,
    private readonly options: { minRaters: number; statsMaxStaleMs: number; provisionalMinVotes?: number },
    /** counts_version of the database that the cube reflects: accepted votes of any kind, from every process. */
    public countsVersion = 0,
  ) {}

  get version(): number {
    return this.cube.version;
  }

  /**
   * Votes this process just committed, and the counts version their transaction wrote.
   * When no other process (or tool) wrote votes in between, the cube takes them in
   * O(1) each; otherwise it is stale, and the next read reloads it.
   */
  addVotes(records: VoteRecord[], countsVersion: number): void {
    if (records.length === 0 || countsVersion !== this.countsVersion + records.length) return;
    this.countsVersion = countsVersion;
    for (const record of records) {
      const vote = countedVote(record);
      if (vote) this.cube.add(vote);
    }
  }

  /**
   * Catches up with votes taken by other processes on the same database: when the
   * stored counts version moved past the cube's, the cube is read again from the stored
   * aggregates (O(cells)). Checked at most every statsMaxStaleMs (always when 0).
   */
  async refresh(db: Store, now = Date.now()): Promise<void> {
    if (this.options.statsMaxStaleMs > 0 && now - this.checkedAt < this.options.statsMaxStaleMs) return;
    this.checkedAt = now;
    const stored = await readCountsVersion(db);
    if (stored === this.countsVersion) return;
    // Version first, then the aggregates, in one snapshot: the cube is never older than the version it claims.
    const { version, cube } = await db.transaction(
      async () => ({ version: await readCountsVersion(db), cube: await loadCube(db) }),
      { readOnly: true },
    );
    if (version <= this.countsVersion) return;
    this.cube = cube;
    this.countsVersion = version;
    this.cache.clear();
    this.planned = null;
  }

  /**
   * The plan for the counts as they are now. Never reused across versions: a plan made
   * before a vote arrived may name a value that the vote has made unsafe to name.
   */
  private plan(): ReleasePlan {
    if (this.planned?.version !== this.cube.version) {
      this.planned = { version: this.cube.version, plan: planRelease(this.cube.cells(), this.options.minRaters) };
    }
    return this.planned.plan;
  }

  counts(filter: SegmentFilter, by?: SegmentField, style: StyleSwitch = 'off'): CountsResponse {
    assertReleasedTable(filter, by);
    const plan = this.plan();
    const base = normalise(filter);
    const withStyle = style === 'on';
    const segments = by
      ? this.split(base, by, plan, withStyle)
      : [this.segment(base, this.cube.select(base), plan, withStyle)];
    return {
      minRaters: this.options.minRaters,
      version: this.cube.version,
      computedAt: new Date().toISOString(),
      segments,
    };
  }

  /**
   * One entry per named value of `by` inside a released slice. Values folded into "other" are
   * listed, withheld, only in the one-field tables (that is how the menus learn of them); in a
   * two-field table they are left out, since listing them would say which small cells exist.
   */
  private split(base: SegmentFilter, by: SegmentField, plan: ReleasePlan, withStyle: boolean): CountsSegment[] {
    if (!namesOnlyKept(plan, base)) return [];
    const listWithheld = Object.keys(base).length === 0;
    const segments: CountsSegment[] = [];
    for (const [value, group] of groupBy(this.cube.select(base), by)) {
      const segment = { ...base, [by]: value };
      if (plan.kept[by].has(value)) segments.push(this.segment(segment, group, plan, withStyle));
      else if (listWithheld) segments.push(withheldSegment(segment));
    }
    return segments;
  }

  /**
   * Style rows come from the same cells as the pair counts and are released exactly when they
   * are: they are counts of the same votes, so the same K-rater rule covers them.
   */
  private segment(segment: SegmentFilter, cells: Cell[], plan: ReleasePlan, withStyle = false): CountsSegment {
    if (!namesOnlyKept(plan, segment)) return withheldSegment(segment);
    const merged = mergeCells(cells);
    // The plan already keeps named cells at K raters or empty; an empty one has nothing to show.
    if (merged.raters < this.options.minRaters) return withheldSegment(segment);
    const released = { segment, raters: merged.raters, votes: merged.votes, withheld: false, counts: merged.counts };
    return withStyle ? { ...released, style: mergeStyleCells(cells) } : released;
  }

  /**
   * Something computed from all counted votes of one base language (every cell whose language
   * has that primary subtag, withheld or not: it never leaves the server), cached per cube
   * version like the boards, and by `key` (what else it depends on). Active leasing keeps its
   * BT fit here, so the fit is made once per counts version, not once per lease.
   */
  pairFit<T>(langBase: string, key: string, compute: (counts: PairCounts) => T, now = Date.now()): T {
    const cacheKey = `${langBase}\n${key}`;
    const cached = this.fits.get(cacheKey);
    if (cached && (cached.version === this.cube.version || now - cached.at < this.options.statsMaxStaleMs)) {
      return cached.value as T;
    }
    const cells = [...this.cube.cells()].filter((cell) => baseLanguage(cell.segment.language ?? '') === langBase);
    const value = compute(mergeCells(cells).counts);
    if (this.fits.size >= MAX_CACHED_FITS) this.fits.clear();
    this.fits.set(cacheKey, { version: this.cube.version, at: now, value });
    return value;
  }

  leaderboard(filter: SegmentFilter, fit: LeaderboardFit = { weights: 'none' }, now = Date.now()): LeaderboardResponse {
    assertReleasedTable(filter);
    const segment = normalise(filter);
    const plan = this.plan();
    // Keyed by the plan too: a board released under one plan is never served under another.
    if (fit.style === 'on' && fit.weights !== 'none') {
      throw new HttpError('validation_failed', 'style=on fits unweighted battles: leave out weights or use weights=none');
    }
    const key = `${plan.key}\n${fit.weights}\n${fit.style ?? 'off'}\n${JSON.stringify(segment)}`;
    const cached = this.cache.get(key);
    if (cached && (cached.version === this.cube.version || now - cached.at < this.options.statsMaxStaleMs)) {
      return cached.response;
    }
    const response = this.compute(segment, plan, fit, now);
    if (this.cache.size >= MAX_CACHED_SEGMENTS) this.cache.clear();
    this.cache.set(key, { version: this.cube.version, at: now, response });
    return response;
  }

  private compute(segment: SegmentFilter, plan: ReleasePlan, fit: LeaderboardFit, now: number): LeaderboardResponse {
    const { minRaters } = this.options;
    const provisionalMinVotes = this.options.provisionalMinVotes ?? DEFAULT_SERVER_PROVISIONAL_MIN_VOTES;
    const base = {
      segment,
      minRaters,
      weights: fit.weights,
      provisionalMinVotes,
      version: this.cube.version,
      computedAt: new Date(now).toISOString(),
    };
    const style = fit.style === 'on';
    const released = this.segment(segment, this.cube.select(segment), plan, style);
    if (released.withheld) {
      return {
        ...base,
        withheld: true,
        withheldReason: withheldReason(minRaters),
        method: 'sandwich',
        ...(style ? { style: true } : {}),
        models: [],
        warnings: [],
      };
    }
    if (style && (released.style?.models.length ?? 0) < 2) {
      // No vote between two models has both responses measured: say so rather than fit nothing.
      const { raters, votes } = released;
      return { ...base, raters, votes, withheld: false, method: 'sandwich', style: true, models: [], warnings: [NO_STYLE] };
    }
    const ranked: RankingResult =
      style && released.style
        ? rankModelsWithStyle(released.style)
        : rankModels(released.counts, { ci: 'sandwich', weights: fit.weights });
    const models = markProvisional(ranked.models, provisionalMinVotes);
    // From the released counts only, like the board itself, and cached with it. Defined on the
    // plain unweighted fit, so a balanced or style-controlled board has none.
    const margins =
      fit.weights === 'none' && !style
        ? rowRiggingMargins(released.counts, models.map((row) => row.model))
        : models.map(() => null);
    return {
      ...base,
      raters: released.raters,
      votes: released.votes,
      withheld: false,
      method: ranked.method,
      ...(style ? { style: true, ...styleCoefficientsOf(ranked) } : {}),
      models: models.map((row, k) => ({ ...row, riggingMargin: margins[k] ?? null })),
      warnings: ranked.warnings,
    };
  }
}

const NO_STYLE = { kind: 'no_style_rows' };

function styleCoefficientsOf(ranked: RankingResult): Pick<LeaderboardResponse, 'styleCoefficients'> {
  if (!('coefficients' in ranked)) return {};
  const { coefficients, coefficientIntervals } = ranked as ReturnType<typeof rankModelsWithStyle>;
  return {
    styleCoefficients: Object.fromEntries(
      Object.entries(coefficients).map(([feature, estimate]) => {
        const ci = coefficientIntervals[feature as keyof typeof coefficientIntervals];
        return [feature, { estimate, lower: ci.lower, upper: ci.upper }];
      }),
    ),
  };
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

/** The database's counts version: accepted votes ever, bumped in each push's own transaction. */
export async function readCountsVersion(db: Store): Promise<number> {
  return (await db.one<{ version: number }>('SELECT version FROM counts_version WHERE id = 1'))?.version ?? 0;
}

/** Call inside the transaction that accepted `n` votes; returns the new version. */
export async function bumpCountsVersion(db: Store, n: number): Promise<number> {
  const row = await db.one<{ version: number }>(
    'UPDATE counts_version SET version = version + ? WHERE id = 1 RETURNING version',
    [n],
  );
  return row?.version ?? 0;
}
