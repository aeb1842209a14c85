import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/auth/passwords';
import { HttpError } from '../../../server/http/errors';
import { FixedWindowLimiter, TokenBucketLimiter } from '../../../server/http/rate-limit';

describe('passwords', () => {
  it('are salted scrypt hashes that verify only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horse!', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

function retryAfter(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).code).toBe('rate_limited');
    return (error as HttpError).headers['retry-after'];
  }
}

describe('rate limiters', () => {
  it('a fixed window allows max hits, then asks to retry when the window ends', () => {
    const limiter = new FixedWindowLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) expect(retryAfter(() => limiter.hit('k', 1000))).toBeUndefined();
    expect(retryAfter(() => limiter.hit('k', 1000))).toBe('60');
    expect(retryAfter(() => limiter.hit('other', 1000))).toBeUndefined();
    expect(retryAfter(() => limiter.hit('k', 61_000))).toBeUndefined();
  });

  it('a token bucket allows a burst and then refills at its rate', () => {
    const bucket = new TokenBucketLimiter(2, 1);
    expect(retryAfter(() => bucket.take('r', 0))).toBeUndefined();
    expect(retryAfter(() => bucket.take('r', 0))).toBeUndefined();
    expect(retryAfter(() => bucket.take('r', 0))).toBe('1');
    expect(retryAfter(() => bucket.take('r', 1000))).toBeUndefined();
  });
});
