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

export const LeaderboardQuery = SegmentFilter;
export type LeaderboardQuery = SegmentFilter;

/** `by` splits the filtered votes into one entry per value of that field. */
export const CountsQuery = SegmentFilter.extend({ by: SegmentField.optional() });
export type CountsQuery = z.infer<typeof CountsQuery>;

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
 * A segment with fewer than `minRaters` distinct raters is withheld: its
 * counts come back empty, because a tiny segment would expose individual votes.
 */
export const CountsSegment = z.object({
  segment: SegmentFilter,
  raters: z.number().int().min(0),
  votes: z.number().int().min(0),
  withheld: z.boolean(),
  counts: PairCounts,
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
  rank: z.number().int().min(1),
  votes: z.number().int().min(0),
  wins: z.number().min(0),
  losses: z.number().min(0),
  ties: z.number().min(0),
});
export type LeaderboardRow = z.infer<typeof LeaderboardRow>;

export const LeaderboardResponse = z.object({
  segment: SegmentFilter,
  withheld: z.boolean(),
  /** Clear English when withheld, e.g. "3 distinct raters; at least 5 are needed". */
  withheldReason: z.string().optional(),
  minRaters: z.number().int().min(1),
  raters: z.number().int().min(0),
  votes: z.number().int().min(0),
  method: z.string(),
  models: z.array(LeaderboardRow),
  /** shared/ranking's structured warnings (disconnected graph, undefeated model, …), passed through. */
  warnings: z.array(z.looseObject({ kind: z.string() })),
  version: z.number().int().min(0),
  computedAt: IsoDateTime,
});
export type LeaderboardResponse = z.infer<typeof LeaderboardResponse>;
