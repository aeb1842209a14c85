import { z } from 'zod';
import { CanonicalId, IsoDateTime, LanguageTag, OpaqueId } from './primitives';

export const TASKS_LEASE_PATH = '/v1/tasks/lease';
export const TASKS_LEASES_PATH = '/v1/tasks/leases';

/** The most tasks one lease call hands out; prefetching more means calling again. */
export const MAX_LEASE_COUNT = 50;

export const LeaseRequest = z.strictObject({
  count: z.number().int().min(1).max(MAX_LEASE_COUNT),
});
export type LeaseRequest = z.infer<typeof LeaseRequest>;

export const ConversationTurn = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
});
export type ConversationTurn = z.infer<typeof ConversationTurn>;

/** One response as displayed. The handle is opaque and per lease; it never names a model. */
export const TaskResponse = z.object({
  handle: z.string(),
  content: z.string(),
});
export type TaskResponse = z.infer<typeof TaskResponse>;

export const RationalePolicy = z.enum(['off', 'optional', 'required']);
export type RationalePolicy = z.infer<typeof RationalePolicy>;

/** What the rater may fill in beyond the choice; ids are canonical, labels come from locales. */
export const CriteriaConfig = z.object({
  criteria: z.array(CanonicalId),
  reasonTags: z.array(CanonicalId),
  rationale: RationalePolicy,
});
export type CriteriaConfig = z.infer<typeof CriteriaConfig>;

/**
 * A leased task. `taskId` names this assignment (one rater, one side order),
 * not the underlying item, so a re-shown item is indistinguishable from a new
 * one. `responses` are in display order: the vote's 'first' means responses[0].
 */
export const Task = z.object({
  taskId: OpaqueId,
  ticket: z.string(),
  language: LanguageTag,
  category: z.string(),
  conversation: z.array(ConversationTurn).min(1),
  responses: z.tuple([TaskResponse, TaskResponse]),
  leaseExpiresAt: IsoDateTime,
  criteria: CriteriaConfig,
});
export type Task = z.infer<typeof Task>;

/** Answer to POST /v1/tasks/lease (new tasks) and GET /v1/tasks/leases (open, unvoted ones). */
export const LeaseResponse = z.object({
  tasks: z.array(Task),
  serverTime: IsoDateTime,
});
export type LeaseResponse = z.infer<typeof LeaseResponse>;
