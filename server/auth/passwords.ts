import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt with N=2^15, r=8, p=1 (OWASP's minimum is N=2^17 at r=8 for a
 * dedicated login server; we trade some of that for logins that stay under
 * ~100 ms on a two-core laptop). Parameters are stored with the hash so they
 * can be raised later without invalidating existing passwords.
 */
export const DEFAULT_SCRYPT_LOG2N = 15;
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** `log2N` below the default is for throw-away data (test fixtures); verification reads N from the hash. */
export async function hashPassword(password: string, log2N = DEFAULT_SCRYPT_LOG2N): Promise<string> {
  const params = { N: 2 ** log2N, r: 8, p: 1 };
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

/** Spends the same time as a real check, so a missing account is not revealed by timing. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-account');
  await verifyPassword(password, await dummyHash);
}

/** 18 random bytes as base64url: 24 characters, ~144 bits, easy to paste. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
