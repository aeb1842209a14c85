import { z } from 'zod';
import { IsoDateTime } from '../../protocol/primitives';
import { PairCounts, SegmentFilter, StyleCounts } from '../../protocol/leaderboard';

/**
 * Schemas of the leaderboard preview's IPC calls and events, merged into ../contract.ts.
 * Main fetches and caches pair counts per slice (GET /v1/leaderboard/counts); the renderer
 * ranks them in a Web Worker. See docs/ARCHITECTURE.md, "Leaderboard preview".
 */

/** Why the answer is not straight from the server just now. */
export const SliceShortfall = z.enum(['offline', 'reauth_required', 'error']);
export type SliceShortfall = z.infer<typeof SliceShortfall>;

/** One slice's counts as fetched from the server (and kept on disk). */
export const SliceSnapshot = z.object({
  filter: SegmentFilter,
  serverUrl: z.string(),
  fetchedAt: IsoDateTime,
  /** When the server computed the counts. */
  computedAt: IsoDateTime,
  serverVersion: z.number().int().min(0),
  minRaters: z.number().int().min(1),
  /** Distinct raters and counted votes; the server reports them only for released slices. */
  raters: z.number().int().min(0).optional(),
  votes: z.number().int().min(0).optional(),
  /** Withheld by the server for privacy: counts are empty and nothing may be shown. */
  withheld: z.boolean(),
  counts: PairCounts,
  /**
   * The slice's style rows (`style=on`), so the style-controlled board can be ranked offline
   * from the cache; absent from servers before style control and from snapshots cached before it.
   */
  style: StyleCounts.optional(),
  /**
   * The highest seq among this installation's votes the server had answered when the counts
   * were fetched: own votes accepted with a higher seq are not in `counts` yet.
   */
  ownSeqAtFetch: z.number().int().min(0),
});
export type SliceSnapshot = z.infer<typeof SliceSnapshot>;

export const SliceAnswer = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signed_out'), filter: SegmentFilter }),
  /** Never fetched, and it cannot be fetched now. */
  z.object({ state: z.literal('missing'), filter: SegmentFilter, shortfall: SliceShortfall, detail: z.string().nullable() }),
  z.object({
    state: z.literal('ready'),
    filter: SegmentFilter,
    /** 'server': fetched by this run of the app moments ago; 'cache': read from disk. */
    source: z.enum(['server', 'cache']),
    shortfall: SliceShortfall.nullable(),
    detail: z.string().nullable(),
    snapshot: SliceSnapshot,
  }),
]);
export type SliceAnswer = z.infer<typeof SliceAnswer>;

export const CatalogValue = z.object({
  value: z.string(),
  /** Absent for a withheld value: the server says nothing about it but its name. */
  raters: z.number().int().min(0).optional(),
  votes: z.number().int().min(0).optional(),
  withheld: z.boolean(),
});
export type CatalogValue = z.infer<typeof CatalogValue>;

/** The values each segment field takes on the server, for the filter menus. */
export const SegmentCatalog = z.object({
  source: z.enum(['server', 'cache', 'none']),
  fetchedAt: IsoDateTime.nullable(),
  minRaters: z.number().int().min(1).nullable(),
  fields: z.object({
    language: z.array(CatalogValue),
    country: z.array(CatalogValue),
    age_band: z.array(CatalogValue),
    education: z.array(CatalogValue),
    category: z.array(CatalogValue),
  }),
});
export type SegmentCatalog = z.infer<typeof SegmentCatalog>;

/** outcome index: 0 = A won, 1 = B won, 2 = tie, 3 = both bad (shared/ranking's Outcome order). */
export const OwnBattle = z.tuple([
  z.number().int().min(0), // model A: index into models (A was shown first)
  z.number().int().min(0), // model B
  z.number().int().min(0).max(3), // outcome
  z.number().int().min(0), // index into segments
  z.number().int().min(1), // the vote's seq
]);
export type OwnBattle = z.infer<typeof OwnBattle>;

/**
 * The rater's own votes on this installation. Only accepted, revealed, decisive votes become
 * battles; everything else is only counted. `segments` hold the fields that are known for a
 * vote (language and category from the task as shown, the rest from the profile).
 */
export const OwnVotes = z.object({
  revision: z.number().int().min(0),
  models: z.array(z.string()),
  segments: z.array(SegmentFilter),
  battles: z.array(OwnBattle),
  /** Cast but not yet answered by the server: never attributed to a model. */
  pending: z.number().int().min(0),
  /** Accepted without a reveal (the server's policy may keep models secret). */
  unrevealed: z.number().int().min(0),
  /** "Can't read" votes: not battles at all. */
  cantRead: z.number().int().min(0),
  /** Battles whose task language and category were never seen by this installation. */
  unattributed: z.number().int().min(0),
});
export type OwnVotes = z.infer<typeof OwnVotes>;

export const OwnVotesChanged = z.object({ revision: z.number().int().min(0), battles: z.number().int().min(0), pending: z.number().int().min(0) });
export type OwnVotesChanged = z.infer<typeof OwnVotesChanged>;

const Refresh = z.boolean().optional();

export const leaderboardInvokeContract = {
  /** One slice's counts: fetched when online (or served from this run's memory for a few seconds), else from disk. */
  'leaderboard.getSlice': { args: z.strictObject({ filter: SegmentFilter, refresh: Refresh }), result: SliceAnswer },
  'leaderboard.getCatalog': { args: z.strictObject({ refresh: Refresh }), result: SegmentCatalog },
  'leaderboard.getOwnVotes': { args: z.strictObject({}), result: OwnVotes },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export const leaderboardEventContract = {
  /** The own votes changed (a vote cast, answered or revealed): fetch them again if shown. */
  'leaderboard.ownVotes': OwnVotesChanged,
} as const satisfies Record<string, z.ZodType>;
