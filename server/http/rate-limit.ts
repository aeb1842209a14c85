import type { Store } from '../store/types';
import { HttpError } from './errors';

/**
 * In-memory limiters, for the one process that owns a SQLite file. They reset
 * on restart, which is acceptable there: their job is to slow down guessing
 * and runaway clients, not to meter billing. Several processes on one
 * PostgreSQL database use the stored limiters below instead, so that a
 * client cannot multiply its allowance by the number of processes.
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
  loginByEmail: { hit(key: string, now?: number): void | Promise<void> };
  loginByIp: { hit(key: string, now?: number): void | Promise<void> };
  perAccount: { take(key: string, now?: number): void | Promise<void> };
}

/** Rows of expired windows are swept now and then, so guessed emails do not pile up. */
const SWEEP_EVERY = 1000;

/** FixedWindowLimiter with its counts in the database: one atomic upsert per attempt. */
export class StoredWindowLimiter {
  private calls = 0;
  constructor(
    private readonly db: Store,
    private readonly prefix: string,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  async hit(key: string, now = Date.now()): Promise<void> {
    if (++this.calls % SWEEP_EVERY === 0) await this.db.run('DELETE FROM rate_limits WHERE reset_at < ?', [now]);
    const row = await this.db.one<{ hits: number; reset_at: number }>(
      `INSERT INTO rate_limits (key, hits, tokens, at, reset_at) VALUES (?, 1, 0, ?, ?)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.reset_at <= excluded.at THEN 1 ELSE rate_limits.hits + 1 END,
         reset_at = CASE WHEN rate_limits.reset_at <= excluded.at THEN excluded.reset_at ELSE rate_limits.reset_at END,
         at = excluded.at
       RETURNING hits, reset_at`,
      [`${this.prefix}:${key}`, now, now + this.windowMs],
    );
    if (row && row.hits > this.max) throw tooMany(row.reset_at - now, 'too many sign-in attempts');
  }
}

/** TokenBucketLimiter with its buckets in the database; `hits` records whether this take got a token. */
export class StoredBucketLimiter {
  constructor(
    private readonly db: Store,
    private readonly prefix: string,
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  async take(key: string, now = Date.now()): Promise<void> {
    const refilled = `LEAST(${this.burst}, rate_limits.tokens + (excluded.at - rate_limits.at) / 1000.0 * ${this.perSecond})`;
    const row = await this.db.one<{ hits: number; tokens: number }>(
      `INSERT INTO rate_limits (key, hits, tokens, at, reset_at) VALUES (?, 1, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END,
         tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
         at = excluded.at, reset_at = excluded.reset_at
       RETURNING hits, tokens`,
      [`${this.prefix}:${key}`, this.burst - 1, now, now + (this.burst / this.perSecond) * 1000],
    );
    if (row && row.hits === 0) {
      throw tooMany(((1 - row.tokens) / this.perSecond) * 1000, 'too many requests from this account');
    }
  }
}

type LimitOptions = {
  loginLimit: { max: number; windowMs: number };
  raterLimit: { burst: number; perSecond: number };
};

/** Limiters whose state every process sharing the database sees (PostgreSQL). */
export function createStoredRateLimiters(db: Store, options: LimitOptions): RateLimiters {
  return {
    loginByEmail: new StoredWindowLimiter(db, 'login-email', options.loginLimit.max, options.loginLimit.windowMs),
    loginByIp: new StoredWindowLimiter(db, 'login-ip', options.loginLimit.max * 5, options.loginLimit.windowMs),
    perAccount: new StoredBucketLimiter(db, 'account', options.raterLimit.burst, options.raterLimit.perSecond),
  };
}

export function createRateLimiters(options: LimitOptions): RateLimiters {
  return {
    loginByEmail: new FixedWindowLimiter(options.loginLimit.max, options.loginLimit.windowMs),
    // One address may front several raters (an office NAT), so it gets more room than one email.
    loginByIp: new FixedWindowLimiter(options.loginLimit.max * 5, options.loginLimit.windowMs),
    perAccount: new TokenBucketLimiter(options.raterLimit.burst, options.raterLimit.perSecond),
  };
}
