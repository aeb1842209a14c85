import { HttpError } from './errors';

/**
 * In-memory limiters. They reset on restart, which is acceptable for a
 * single-process reference server: their job is to slow down guessing and
 * runaway clients, not to meter billing.
 */
export class FixedWindowLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt for key; throws 429 with Retry-After once the window is full. */
  hit(key: string, now = Date.now()): void {
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.hits.size > 100_000) this.sweep(now);
      entry = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, entry);
    }
    entry.count += 1;
    if (entry.count > this.max) throw tooMany(entry.resetAt - now, 'too many sign-in attempts');
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  take(key: string, now = Date.now()): void {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1)
      throw tooMany(((1 - bucket.tokens) / this.perSecond) * 1000, 'too many requests from this account');
    bucket.tokens -= 1;
  }
}

function tooMany(waitMs: number, what: string): HttpError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new HttpError('rate_limited', `${what}; retry in ${seconds} s`, { 'retry-after': String(seconds) });
}

export interface RateLimiters {
  loginByEmail: FixedWindowLimiter;
  loginByIp: FixedWindowLimiter;
  perAccount: TokenBucketLimiter;
}

export function createRateLimiters(options: {
  loginLimit: { max: number; windowMs: number };
  raterLimit: { burst: number; perSecond: number };
}): RateLimiters {
  return {
    loginByEmail: new FixedWindowLimiter(options.loginLimit.max, options.loginLimit.windowMs),
    // One address may front several raters (an office NAT), so it gets more room than one email.
    loginByIp: new FixedWindowLimiter(options.loginLimit.max * 5, options.loginLimit.windowMs),
    perAccount: new TokenBucketLimiter(options.raterLimit.burst, options.raterLimit.perSecond),
  };
}
