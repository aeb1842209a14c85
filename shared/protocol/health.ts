import { z } from 'zod';

/**
 * The HTTP API version this build speaks. The server announces its own in
 * GET /v1/health; a client that sees a different major refuses to sync
 * rather than guessing at a contract it does not know.
 */
export const API_VERSION = 1;

export const HEALTH_PATH = '/v1/health';

/**
 * The rules a vote must meet to be accepted, published so that a client
 * accepts only votes the server will accept (optional: older servers omit it).
 */
export const VoteRules = z.object({
  /** Minimum active time on a task, and since its lease, in milliseconds. */
  minActiveMs: z.number().int().min(0).max(600_000),
});
export type VoteRules = z.infer<typeof VoteRules>;

/** What a client assumes when the server has not said (the reference server's default). */
export const DEFAULT_VOTE_RULES: VoteRules = { minActiveMs: 3_000 };

export const HealthResponse = z.object({
  status: z.literal('ok'),
  apiVersion: z.number().int().positive(),
  serverTime: z.iso.datetime(),
  voteRules: VoteRules.optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
