/**
 * Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff
 * and Jitter"): the wait is uniform in [0, min(cap, base·2^attempt)], which
 * spreads many clients apart after an outage instead of synchronising them.
 * A server's Retry-After is a floor, never shortened by the jitter.
 *
 * `attempt` counts the current failure streak only: any successful request
 * resets it (SyncEngine). The cap is 30 s because the health monitor kicks a
 * sync the moment the backend answers again, so long waits buy nothing and a
 * rater back online after an outage should see votes move within seconds.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 30_000 };

export function backoffDelay(attempt: number, random: () => number, policy = DEFAULT_BACKOFF, retryAfterMs: number | null = null): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === null ? jittered : Math.max(jittered, retryAfterMs);
}
