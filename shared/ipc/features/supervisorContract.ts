import { z } from 'zod';
import { OpaqueId } from '../../protocol/primitives';
import {
  DisagreementsResponse,
  Flag,
  FlagsResponse,
  ItemMark,
  ItemMarksResponse,
  MarkKind,
  RatersResponse,
  RaterVotesResponse,
  SupervisorItem,
  SupervisorNote,
} from '../../protocol/supervisor';

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

export const MAX_SUPERVISOR_NOTE_CHARS = 2000;
const Note = SupervisorNote;
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
  /** The whole team's votes, one cursor for all raters (instead of paging rater by rater). */
  'supervisor.teamVotes': {
    args: z.strictObject({
      cursor: z.string().min(1).max(256).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    result: answer(RaterVotesResponse),
  },
  'supervisor.disagreements': { args: z.strictObject({ raterId: OpaqueId }), result: answer(DisagreementsResponse) },
  'supervisor.flags': {
    args: z.strictObject({ raterId: OpaqueId.optional() }),
    result: answer(FlagsResponse),
  },
  'supervisor.flag': { args: z.strictObject({ raterId: OpaqueId, note: Note }), result: answer(Flag) },
  'supervisor.unflag': { args: z.strictObject({ raterId: OpaqueId, note: Note }), result: answer(Flag) },
  'supervisor.marks': { args: z.strictObject({ raterId: OpaqueId.optional() }), result: answer(ItemMarksResponse) },
  /** Marks one vote's item ambiguous, or the vote wrong (the server finds the vote's rater). */
  'supervisor.markVote': {
    args: z.strictObject({ voteId: VoteId, mark: MarkKind, note: Note }),
    result: answer(ItemMark),
  },
  /** One rater's votes (or the whole team's) as the server exports them: pseudonymous rater ids only. */
  'supervisor.export': {
    args: z.strictObject({ format: z.enum(['csv', 'jsonl']), raterId: OpaqueId.optional() }),
    result: answer(SupervisorExport),
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
export const supervisorEventContract = {} as const satisfies Record<string, z.ZodType>;
