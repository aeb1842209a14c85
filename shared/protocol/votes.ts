import { z } from 'zod';
import { CanonicalId, IsoDateTime, LanguageTag, OpaqueId } from './primitives';

export const VOTES_PUSH_PATH = '/v1/votes/push';
export const VOTES_CURSOR_PATH = '/v1/votes/cursor';

export const MAX_PUSH_VOTES = 1000;
export const MAX_RATIONALE_CHARS = 5000;

/** In display terms: 'first' is responses[0] as leased. The server un-swaps through the ticket. */
export const Choice = z.enum(['first', 'second', 'tie', 'both_bad', 'cant_read']);
export type Choice = z.infer<typeof Choice>;

export const CriterionRating = z.union([z.number().int().min(1).max(5), z.enum(['first', 'second', 'tie'])]);
export type CriterionRating = z.infer<typeof CriterionRating>;

export const VoteFlag = z.enum(['harmful', 'broken_task', 'reveals_model']);
export type VoteFlag = z.infer<typeof VoteFlag>;

export const Vote = z.strictObject({
  /** UUIDv7 made by the client; the idempotency key. */
  id: z.uuidv7(),
  /** Per installation, gap-free from 1, assigned when the vote is journaled. */
  seq: z.number().int().min(1),
  taskId: OpaqueId,
  ticket: z.string().min(1).max(2048),
  choice: Choice,
  criteria: z.record(CanonicalId, CriterionRating).optional(),
  rationale: z.string().max(MAX_RATIONALE_CHARS).optional(),
  reasonTags: z.array(CanonicalId).max(32).optional(),
  flags: z.array(VoteFlag).max(3).optional(),
  confidence: z.number().int().min(1).max(5).optional(),
  /**
   * The two response handles in the order the rater saw them (reading order). `choice`
   * stays in the task's terms ('first' = responses[0]); this says what was on screen
   * first, so position bias is measured on what the rater saw. Optional: older clients
   * do not send it, and the server then takes the task's order as the display order.
   */
  shownOrder: z.tuple([z.string().min(1).max(64), z.string().min(1).max(64)]).optional(),
  activeMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600 * 1000),
  shownAt: IsoDateTime,
  votedAt: IsoDateTime,
  clockOffsetMs: z.number().int().min(-1e12).max(1e12),
  locale: LanguageTag,
  appVersion: z.string().min(1).max(64),
});
export type Vote = z.infer<typeof Vote>;

export const PushRequest = z
  .strictObject({
    installationId: z.uuid(),
    votes: z.array(Vote).min(1).max(MAX_PUSH_VOTES),
  })
  .superRefine((body, ctx) => {
    for (let i = 1; i < body.votes.length; i++) {
      const previous = body.votes[i - 1] as Vote;
      const current = body.votes[i] as Vote;
      if (current.seq <= previous.seq) {
        ctx.addIssue({
          code: 'custom',
          path: ['votes', i, 'seq'],
          message: `votes must be in strictly ascending seq order (seq ${current.seq} follows ${previous.seq})`,
        });
      }
    }
  });
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * Why a vote was rejected. A rejected vote is final: it still advances the
 * cursor, and the client shows it to the rater instead of retrying it.
 */
export const REJECT_REASONS = [
  'invalid_ticket',
  'foreign_ticket',
  'ticket_task_mismatch',
  'ticket_expired',
  'task_already_voted',
  'too_fast',
  'rater_suspended',
  'invalid_vote',
  'seq_conflict',
] as const;
export const RejectReason = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof RejectReason>;

export const Reveal = z.object({ first: z.string(), second: z.string() });
export type Reveal = z.infer<typeof Reveal>;

export const VoteStatus = z.enum(['accepted', 'duplicate', 'rejected']);
export type VoteStatus = z.infer<typeof VoteStatus>;

/**
 * One entry per processed vote, in seq order. For 'duplicate', `original`
 * says what the first delivery got and `reason`/`reveal` repeat it, so a
 * client whose first response was lost learns the same answer.
 */
export const VoteResult = z.object({
  id: z.string(),
  seq: z.number().int(),
  status: VoteStatus,
  original: z.enum(['accepted', 'rejected']).optional(),
  reason: RejectReason.optional(),
  message: z.string().optional(),
  reveal: Reveal.optional(),
});
export type VoteResult = z.infer<typeof VoteResult>;

export const PushResponse = z.object({
  /** The server's cursor for this installation after the batch; resume at lastSeq + 1. */
  lastSeq: z.number().int().min(0),
  results: z.array(VoteResult),
  serverTime: IsoDateTime,
});
export type PushResponse = z.infer<typeof PushResponse>;

export const CursorQuery = z.strictObject({ installationId: z.uuid() });
export type CursorQuery = z.infer<typeof CursorQuery>;

export const CursorResponse = z.object({
  installationId: z.string(),
  lastSeq: z.number().int().min(0),
  serverTime: IsoDateTime,
});
export type CursorResponse = z.infer<typeof CursorResponse>;
