import { z } from 'zod';
import { OpaqueId } from '../../protocol/primitives';
import { DisagreementsResponse, Flag, RatersResponse, RaterVotesResponse, SupervisorItem } from '../../protocol/supervisor';

/**
 * Schemas of the supervisor feature's IPC calls, merged into ../contract.ts.
 * Every call is a thin proxy to the server's /v1/supervisor endpoints made by
 * main with the signed-in account's token; the token never reaches the renderer.
 */

/** Why a supervisor call failed; the renderer shows a translated message per reason. */
export const SupervisorFailure = z.object({
  reason: z.enum([
    'forbidden',
    'not_found',
    'signed_out',
    'unreachable',
    'rate_limited',
    'bad_response',
    'server_error',
  ]),
  /** English detail for logs and tooltips. */
  detail: z.string(),
});
export type SupervisorFailure = z.infer<typeof SupervisorFailure>;

/**
 * A server refusal is an answer, not a crash: a rater who reaches the section
 * gets `forbidden` and sees "supervisors only" instead of an internal error.
 */
function answer<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), failure: SupervisorFailure }),
  ]);
}
export type SupervisorAnswer<T> = { ok: true; data: T } | { ok: false; failure: SupervisorFailure };

/**
 * What a flag record means. The server stores free-text notes on a rater
 * (optionally on one vote); main writes the kind as a `[kind] ` prefix of the
 * note and reads it back, so that unflagging and item marks are stored and
 * audit-logged on the server until it has endpoints of its own for them.
 */
export const FlagKind = z.enum(['flag', 'unflag', 'ambiguous', 'vote_wrong']);
export type FlagKind = z.infer<typeof FlagKind>;
export const ItemMark = z.enum(['ambiguous', 'vote_wrong']);
export type ItemMark = z.infer<typeof ItemMark>;

export const FlagEntry = Flag.extend({
  kind: FlagKind,
  /** The supervisor's note without the kind prefix. */
  text: z.string(),
});
export type FlagEntry = z.infer<typeof FlagEntry>;

/** The server accepts 2,000 characters; the kind prefix needs a few of them. */
export const MAX_SUPERVISOR_NOTE_CHARS = 1900;
const Note = z.string().trim().min(1).max(MAX_SUPERVISOR_NOTE_CHARS);
const VoteId = z.string().min(1).max(64);

export const SupervisorExport = z.object({ fileName: z.string(), mediaType: z.string(), content: z.string() });
export type SupervisorExport = z.infer<typeof SupervisorExport>;

export const supervisorInvokeContract = {
  'supervisor.raters': { args: z.strictObject({}), result: answer(RatersResponse) },
  'supervisor.item': { args: z.strictObject({ itemId: OpaqueId }), result: answer(SupervisorItem) },
  'supervisor.raterVotes': {
    args: z.strictObject({
      raterId: OpaqueId,
      cursor: z.string().min(1).max(256).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    result: answer(RaterVotesResponse),
  },
  'supervisor.disagreements': { args: z.strictObject({ raterId: OpaqueId }), result: answer(DisagreementsResponse) },
  'supervisor.flags': {
    args: z.strictObject({ raterId: OpaqueId.optional() }),
    result: answer(z.object({ flags: z.array(FlagEntry) })),
  },
  'supervisor.flag': { args: z.strictObject({ raterId: OpaqueId, note: Note }), result: answer(FlagEntry) },
  'supervisor.unflag': { args: z.strictObject({ raterId: OpaqueId, note: Note }), result: answer(FlagEntry) },
  /** Marks one vote's item ambiguous, or the vote wrong; stored on the vote's rater. */
  'supervisor.markVote': {
    args: z.strictObject({ raterId: OpaqueId, voteId: VoteId, mark: ItemMark, note: Note }),
    result: answer(FlagEntry),
  },
  /** One rater's votes (or the whole team's) as the server exports them: pseudonymous rater ids only. */
  'supervisor.export': {
    args: z.strictObject({ format: z.enum(['csv', 'jsonl']), raterId: OpaqueId.optional() }),
    result: answer(SupervisorExport),
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
export const supervisorEventContract = {} as const satisfies Record<string, z.ZodType>;
