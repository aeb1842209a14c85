import { z } from 'zod';
import { Profile, Role } from './auth';
import { IsoDateTime, OpaqueId } from './primitives';
import { Choice, CriterionRating, VoteFlag } from './votes';

export const SUPERVISOR_RATERS_PATH = '/v1/supervisor/raters';
export const SUPERVISOR_FLAGS_PATH = '/v1/supervisor/flags';
export const SUPERVISOR_EXPORT_PATH = '/v1/supervisor/export';
export const SUPERVISOR_MARKS_PATH = '/v1/supervisor/marks';
export const SUPERVISOR_VOTES_PATH = '/v1/supervisor/votes';
export const supervisorUnflagPath = (raterId: string) => `/v1/supervisor/raters/${encodeURIComponent(raterId)}/unflag`;
export const supervisorItemPath = (itemId: string) => `/v1/supervisor/items/${encodeURIComponent(itemId)}`;
export const supervisorRaterVotesPath = (raterId: string) =>
  `/v1/supervisor/raters/${encodeURIComponent(raterId)}/votes`;
export const supervisorDisagreementsPath = (raterId: string) =>
  `/v1/supervisor/raters/${encodeURIComponent(raterId)}/disagreements`;

/**
 * Per-rater consistency, computed by shared/quality over the stored votes
 * (see docs/RANKING.md for each metric). A rate is null when there is
 * nothing to measure yet: no gold items seen, no swapped repeats, no
 * co-raters with a strict majority on the rater's items.
 */
/**
 * How the defended ranking pipeline treats a rater (docs/RANKING.md "Robustness to rigging"):
 * the screens it fails and, if it passes them, its CrowdBT accuracy η and the weight 2η − 1 its
 * votes get. Fitted on the votes around the team (every rater's votes on the team's items).
 */
export const RaterReliability = z.object({
  /** η; null when a screen excluded the rater before the fit. */
  accuracy: z.number().nullable(),
  /** Weight of the rater's votes in the defended fit (0 = ignored), and that over the median rater's. */
  weight: z.number(),
  relativeWeight: z.number(),
  decisive: z.number().int().min(0),
  /** Share of decisive votes for the side shown first, and its z against ½. */
  firstSideRate: z.number().nullable(),
  firstSideZ: z.number(),
  /** The model the rater saw most, and the z of that count against uniform leasing. */
  topModel: z.string().nullable(),
  concentrationZ: z.number(),
  failed: z.array(z.enum(['gold', 'firstSide', 'concentration'])),
  /**
   * A model the rater picks (`favours`) or passes over more than its strength explains, as one of
   * a group the favouritism test found; their votes on it count 1 − posterior. Absent from older servers.
   */
  partisan: z
    .object({ model: z.string(), posterior: z.number().min(0).max(1), favours: z.boolean() })
    .nullable()
    .optional(),
  /** Screened out, weighted below half the median rater's weight, or partisan about a model. */
  downWeighted: z.boolean(),
});
export type RaterReliability = z.infer<typeof RaterReliability>;

export const RaterQuality = z.object({
  votes: z.number().int().min(0),
  items: z.number().int().min(0),
  /** Leave-one-out agreement with the other raters' strict majority. */
  agreement: z.number().nullable(),
  agreementCompared: z.number().int().min(0),
  meanCohenKappa: z.number().nullable(),
  tieRate: z.number().nullable(),
  bothBadRate: z.number().nullable(),
  /** Share of decisive votes for the side shown first (½ = unbiased) and its binomial p-value. */
  positionBias: z.number().nullable(),
  positionBiasPValue: z.number().nullable(),
  /** Same answer on swapped re-showings. */
  selfConsistency: z.number().nullable(),
  repeats: z.number().int().min(0),
  goldAccuracy: z.number().nullable(),
  goldItems: z.number().int().min(0),
  medianActiveMs: z.number().nullable(),
  /** Share of vote attempts under the minimum time on task: accepted fast votes plus those the server rejected as too fast. */
  tooFastShare: z.number().nullable(),
  /** Attempts the server rejected as too fast (they are not votes, so they are counted from the push results). */
  tooFastRejected: z.number().int().min(0),
  /** LMArena's sequential test: max of the two running products; flagged above 20 (α = 0.05). */
  anomalyScore: z.number().nullable(),
  anomalous: z.boolean(),
  /** Absent from servers before it existed, and for a rater without votes. */
  reliability: RaterReliability.optional(),
});
export type RaterQuality = z.infer<typeof RaterQuality>;

export const RaterSummary = z.object({
  id: OpaqueId,
  displayName: z.string(),
  email: z.string().nullable(),
  role: Role,
  vetted: z.boolean(),
  suspended: z.boolean(),
  profile: Profile,
  lastVoteAt: IsoDateTime.nullable(),
  openFlags: z.number().int().min(0),
  quality: RaterQuality,
});
export type RaterSummary = z.infer<typeof RaterSummary>;

export const PoolAgreement = z.object({
  votes: z.number().int().min(0),
  raters: z.number().int().min(0),
  items: z.number().int().min(0),
  krippendorffAlphaNominal: z.number().nullable(),
  krippendorffAlphaOrdinal: z.number().nullable(),
  fleissKappa: z.number().nullable(),
  meanCohenKappa: z.number().nullable(),
});
export type PoolAgreement = z.infer<typeof PoolAgreement>;

export const RatersResponse = z.object({
  raters: z.array(RaterSummary),
  pool: PoolAgreement,
  computedAt: IsoDateTime,
});
export type RatersResponse = z.infer<typeof RatersResponse>;

export const VoteKind = z.enum(['normal', 'gold', 'repeat', 'import']);
export type VoteKind = z.infer<typeof VoteKind>;

/** A stored vote as a supervisor sees it: models named, sides as the rater saw them. */
export const RaterVote = z.object({
  voteId: z.string(),
  raterId: OpaqueId,
  itemId: OpaqueId,
  kind: VoteKind,
  language: z.string(),
  category: z.string(),
  shownFirst: z.string(),
  shownSecond: z.string(),
  choice: Choice,
  /** The chosen model, null for tie, both bad and can't read. */
  winner: z.string().nullable(),
  goldCorrect: z.boolean().nullable(),
  criteria: z.record(z.string(), CriterionRating),
  rationale: z.string().nullable(),
  reasonTags: z.array(z.string()),
  flags: z.array(VoteFlag),
  confidence: z.number().int().nullable(),
  activeMs: z.number().int().nullable(),
  votedAt: IsoDateTime,
  receivedAt: IsoDateTime,
  segment: z.object({
    country: z.string().nullable(),
    age_band: z.string().nullable(),
    education: z.string().nullable(),
  }),
});
export type RaterVote = z.infer<typeof RaterVote>;

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(256).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const RaterVotesResponse = z.object({
  votes: z.array(RaterVote),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type RaterVotesResponse = z.infer<typeof RaterVotesResponse>;

export const Disagreement = z.object({
  vote: RaterVote,
  /** The strict majority outcome of the other raters on the item, as a model name, 'tie' or 'both_bad'. */
  consensus: z.string(),
  agreeing: z.number().int().min(0),
  others: z.number().int().min(1),
});
export type Disagreement = z.infer<typeof Disagreement>;

export const DisagreementsResponse = z.object({
  disagreements: z.array(Disagreement),
});
export type DisagreementsResponse = z.infer<typeof DisagreementsResponse>;

/** A supervisor's note on a flag, unflag or mark. */
export const SupervisorNote = z.string().trim().min(1).max(2000);

/**
 * A flag history is a list of events: a flag raises concern about a rater (or one of their
 * votes), an unflag clears every flag before it. A rater is flagged while their latest
 * rater-level entry is a flag.
 */
export const FlagKind = z.enum(['flag', 'unflag']);
export type FlagKind = z.infer<typeof FlagKind>;

export const Flag = z.object({
  id: z.number().int(),
  kind: FlagKind,
  raterId: OpaqueId,
  voteId: z.string().nullable(),
  note: z.string(),
  source: z.enum(['supervisor', 'anomaly_test']),
  createdBy: z.string().nullable(),
  /** The supervisor's display name, so a flag's history says who, not which id. */
  createdByName: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type Flag = z.infer<typeof Flag>;

export const CreateFlagRequest = z.strictObject({
  raterId: OpaqueId,
  voteId: z.string().max(64).optional(),
  note: SupervisorNote,
});
export type CreateFlagRequest = z.infer<typeof CreateFlagRequest>;

export const UnflagRequest = z.strictObject({ note: SupervisorNote });
export type UnflagRequest = z.infer<typeof UnflagRequest>;

export const FlagsQuery = z.strictObject({ raterId: OpaqueId.optional() });
export type FlagsQuery = z.infer<typeof FlagsQuery>;

export const FlagsResponse = z.object({ flags: z.array(Flag) });
export type FlagsResponse = z.infer<typeof FlagsResponse>;

/** What a supervisor says about one vote: its item is ambiguous, or the vote is wrong. */
export const MarkKind = z.enum(['ambiguous', 'vote_wrong']);
export type MarkKind = z.infer<typeof MarkKind>;

export const ItemMark = z.object({
  id: z.number().int(),
  mark: MarkKind,
  voteId: z.string(),
  itemId: OpaqueId,
  /** The rater whose vote is marked. */
  raterId: OpaqueId,
  note: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type ItemMark = z.infer<typeof ItemMark>;

export const CreateItemMarkRequest = z.strictObject({
  voteId: z.string().min(1).max(64),
  mark: MarkKind,
  note: SupervisorNote,
});
export type CreateItemMarkRequest = z.infer<typeof CreateItemMarkRequest>;

export const ItemMarksQuery = z.strictObject({ raterId: OpaqueId.optional() });
export const ItemMarksResponse = z.object({ marks: z.array(ItemMark) });
export type ItemMarksResponse = z.infer<typeof ItemMarksResponse>;

export const ExportQuery = z.strictObject({
  format: z.enum(['csv', 'jsonl']),
  raterId: OpaqueId.optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/**
 * One item as a supervisor judges it: the prompt and both responses with
 * their models named (after the fact, models are no secret to a supervisor).
 */
export const SupervisorItem = z.object({
  itemId: OpaqueId,
  language: z.string(),
  category: z.string(),
  conversation: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })),
  responses: z.tuple([
    z.object({ model: z.string(), content: z.string() }),
    z.object({ model: z.string(), content: z.string() }),
  ]),
});
export type SupervisorItem = z.infer<typeof SupervisorItem>;
