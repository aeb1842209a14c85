import { z } from 'zod';
import { IsoDateTime } from './primitives';

export const LEADERBOARD_PATH = '/v1/leaderboard';
export const LEADERBOARD_COUNTS_PATH = '/v1/leaderboard/counts';

export const SEGMENT_FIELDS = ['language', 'country', 'age_band', 'education', 'category'] as const;
export const SegmentField = z.enum(SEGMENT_FIELDS);
export type SegmentField = z.infer<typeof SegmentField>;

const SegmentValue = z.string().min(1).max(64);

/** A slice of the votes; omitted fields mean "all". Also the query string of both endpoints. */
export const SegmentFilter = z.strictObject({
  language: SegmentValue.optional(),
  country: SegmentValue.optional(),
  age_band: SegmentValue.optional(),
  education: SegmentValue.optional(),
  category: SegmentValue.optional(),
});
export type SegmentFilter = z.infer<typeof SegmentFilter>;

/** How battles are weighted in the fit (docs/RANKING.md): `none` (default) or inversely to their pair's frequency. */
export const WeightScheme = z.enum(['none', 'balanced']);
export type WeightScheme = z.infer<typeof WeightScheme>;

/** Fewest votes a model needs to get a rank; below it the entry is `provisional` (docs/SERVER.md). */
export const DEFAULT_SERVER_PROVISIONAL_MIN_VOTES = 300;

/**
 * Style control (docs/SERVER.md): `on` fits ratings adjusted for response length and markdown
 * (the leaderboard) or adds the aggregated style rows (the counts). Default `off`.
 */
export const StyleSwitch = z.enum(['on', 'off']);
export type StyleSwitch = z.infer<typeof StyleSwitch>;

export const LeaderboardQuery = SegmentFilter.extend({
  weights: WeightScheme.optional(),
  style: StyleSwitch.optional(),
});
export type LeaderboardQuery = z.infer<typeof LeaderboardQuery>;

/** `by` splits the filtered votes into one entry per value of that field. */
export const CountsQuery = SegmentFilter.extend({ by: SegmentField.optional(), style: StyleSwitch.optional() });
export type CountsQuery = z.infer<typeof CountsQuery>;

/**
 * The server answers only from a fixed set of tables: all votes, each field alone and each
 * pair of fields. A query may therefore fix at most two fields, counting `by` as one.
 */
export const MAX_RELEASED_FIELDS = 2;

/** Why a query falls outside the released tables (clear English), or null when it is inside them. */
export function unreleasedReason(filter: SegmentFilter, by?: SegmentField): string | null {
  const fixed = SEGMENT_FIELDS.filter((field) => filter[field] !== undefined);
  if (by && fixed.includes(by)) return `by=${by} splits a field the filter already fixes; leave one of them out`;
  if (fixed.length + (by ? 1 : 0) <= MAX_RELEASED_FIELDS) return null;
  return (
    `only the tables of all votes, each field alone and each pair of fields are released; this query uses ` +
    `${[...fixed, ...(by ? [`by=${by}`] : [])].join(', ')}: fix at most ${MAX_RELEASED_FIELDS} fields, counting by`
  );
}

/** Same shape as shared/ranking's PairCounts: a < b index into models; ties and both-bad apart. */
export const PairCountRow = z.object({
  a: z.number().int().min(0),
  b: z.number().int().min(0),
  winsA: z.number().int().min(0),
  winsB: z.number().int().min(0),
  ties: z.number().int().min(0),
  bothBad: z.number().int().min(0),
});
export type PairCountRow = z.infer<typeof PairCountRow>;

export const PairCounts = z.object({
  models: z.array(z.string()),
  rows: z.array(PairCountRow),
});
export type PairCounts = z.infer<typeof PairCounts>;

/**
 * shared/ranking's StyleCounts: aggregated style rows as columns. Row k is pair (a[k], b[k])
 * into `models`, integer contrast levels z[k·f … k·f + f − 1] (contrast = level / `levels`,
 * f = features.length) and its outcome counts. Only votes whose two responses were measured.
 */
export const StyleCounts = z
  .object({
    models: z.array(z.string()),
    features: z.array(z.string()),
    levels: z.number().int().min(1).optional(),
    a: z.array(z.number().int().min(0)),
    b: z.array(z.number().int().min(0)),
    z: z.array(z.number()),
    winsA: z.array(z.number().int().min(0)),
    winsB: z.array(z.number().int().min(0)),
    ties: z.array(z.number().int().min(0)),
    bothBad: z.array(z.number().int().min(0)),
  })
  .refine(
    (c) =>
      [c.b, c.winsA, c.winsB, c.ties, c.bothBad].every((column) => column.length === c.a.length) &&
      c.z.length === c.a.length * c.features.length &&
      c.a.every((a, k) => a < c.b[k]! && c.b[k]! < c.models.length),
    { message: 'style rows: columns of unequal length, or a pair outside models' },
  );
export type StyleCounts = z.infer<typeof StyleCounts>;

/**
 * A withheld segment (fewer than `minRaters` distinct raters, or one whose release would let a
 * smaller group be worked out by subtraction; see docs/SERVER.md) reports nothing: empty counts
 * and no `raters` or `votes`, because even "1 rater, 9 votes" discloses one person's activity.
 */
export const CountsSegment = z.object({
  segment: SegmentFilter,
  /** Distinct raters; only on released segments. */
  raters: z.number().int().min(0).optional(),
  /** Counted votes; only on released segments. */
  votes: z.number().int().min(0).optional(),
  withheld: z.boolean(),
  counts: PairCounts,
  /** With `style=on`, on released segments: the style rows of the same votes. */
  style: StyleCounts.optional(),
});
export type CountsSegment = z.infer<typeof CountsSegment>;

export const CountsResponse = z.object({
  minRaters: z.number().int().min(1),
  /** Grows whenever a counted vote arrives; equal versions mean equal counts. */
  version: z.number().int().min(0),
  computedAt: IsoDateTime,
  segments: z.array(CountsSegment),
});
export type CountsResponse = z.infer<typeof CountsResponse>;

export const LeaderboardRow = z.object({
  model: z.string(),
  rating: z.number(),
  lower: z.number(),
  upper: z.number(),
  /** Absent when `provisional`: too few votes to be ranked yet. */
  rank: z.number().int().min(1).optional(),
  /** True when the model has fewer than the response's `provisionalMinVotes` votes. */
  provisional: z.boolean().optional(),
  votes: z.number().int().min(0),
  wins: z.number().min(0),
  losses: z.number().min(0),
  ties: z.number().min(0),
  /**
   * Votes that, flipped, would swap this row with the next one below in the Bradley–Terry fit of
   * this segment's released counts (an upper bound with a witness; docs/RANKING.md "Rigging margins").
   * null on the last row, on balanced-weight boards and where it cannot be computed; absent from
   * servers before it existed.
   */
  riggingMargin: z.number().int().min(0).nullable().optional(),
});
export type LeaderboardRow = z.infer<typeof LeaderboardRow>;

export const LeaderboardResponse = z.object({
  segment: SegmentFilter,
  withheld: z.boolean(),
  /** Clear English when withheld; it never says how many raters or votes the segment has. */
  withheldReason: z.string().optional(),
  minRaters: z.number().int().min(1),
  /** Distinct raters and counted votes; only when the segment is released. */
  raters: z.number().int().min(0).optional(),
  votes: z.number().int().min(0).optional(),
  method: z.string(),
  /** The weighting the fit used (absent in answers from servers before it existed: `none`). */
  weights: WeightScheme.optional(),
  /** Models with fewer votes than this are `provisional` and unranked. */
  provisionalMinVotes: z.number().int().min(0).optional(),
  /** True when the ratings are style-controlled (`style=on`). */
  style: z.boolean().optional(),
  /** With `style=on`: each style coefficient (natural-log odds per RMS-scaled contrast) with its 95% interval. */
  styleCoefficients: z
    .record(z.string(), z.object({ estimate: z.number(), lower: z.number(), upper: z.number() }))
    .optional(),
  models: z.array(LeaderboardRow),
  /** shared/ranking's structured warnings (disconnected graph, undefeated model, …), passed through. */
  warnings: z.array(z.looseObject({ kind: z.string() })),
  version: z.number().int().min(0),
  computedAt: IsoDateTime,
});
export type LeaderboardResponse = z.infer<typeof LeaderboardResponse>;
