/**
 * Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff
 * and Jitter"): the wait is uniform in [0, min(cap, base·2^attempt)], which
 * spreads many clients apart after an outage instead of synchronising them.
 * A server's Retry-After is a floor, never shortened by the jitter.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

export function backoffDelay(attempt: number, random: () => number, policy = DEFAULT_BACKOFF, retryAfterMs: number | null = null): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === null ? jittered : Math.max(jittered, retryAfterMs);
}
