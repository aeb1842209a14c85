import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/open';
import { sql } from '../db/statements';
import type { KeyRing } from '../secrets';
import { signPayload, verifyPayload } from './signing';

/**
 * An access token names its session (`sid`, the refresh-token family), so
 * ending the session — logout, or a replayed refresh token — ends its access
 * tokens at once rather than when they expire (see isSessionRevoked).
 */
export function issueAccessToken(
  ring: KeyRing,
  accountId: number,
  sessionId: string,
  ttlMs: number,
  now = Date.now(),
): { token: string; expiresAt: number } {
  const expiresAt = now + ttlMs;
  return { token: signPayload(ring, { typ: 'access', sub: accountId, sid: sessionId, iat: now, exp: expiresAt }), expiresAt };
}

export type AccessCheck = { ok: true; accountId: number; sessionId: string } | { ok: false; reason: 'invalid' | 'expired' };

export function checkAccessToken(ring: KeyRing, token: string, now = Date.now()): AccessCheck {
  const payload = verifyPayload(ring, token);
  if (
    !payload ||
    payload.typ !== 'access' ||
    typeof payload.sub !== 'number' ||
    typeof payload.sid !== 'string' ||
    typeof payload.exp !== 'number'
  ) {
    return { ok: false, reason: 'invalid' };
  }
  if (payload.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, accountId: payload.sub, sessionId: payload.sid };
}

/** True once the session was ended: every token of its family carries revoked_at (revokeFamily). */
export async function isSessionRevoked(db: Db, sessionId: string): Promise<boolean> {
  return await sql(db, 'SELECT 1 FROM refresh_tokens WHERE family = ? AND revoked_at IS NOT NULL LIMIT 1').get(sessionId) !== undefined;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Refresh tokens are random and stored hashed, so a database leak does not yield live sessions. */
export async function issueRefreshToken(db: Db, accountId: number, ttlMs: number, family?: string, now = Date.now()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + ttlMs;
  const sessionId = family ?? randomBytes(12).toString('base64url');
  await sql(db, 'INSERT INTO refresh_tokens (token_hash, account_id, family, expires_at) VALUES (?, ?, ?, ?)').run(
    hashToken(token),
    accountId,
    sessionId,
    expiresAt,
  );
  return { token, expiresAt, family: sessionId };
}

interface RefreshRow {
  account_id: number;
  family: string;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

export type RefreshOutcome = { ok: true; accountId: number; family: string } | { ok: false; reuse: boolean };

/**
 * Spends a refresh token (call inside a transaction). A token that was
 * already spent means two parties hold it, i.e. it was stolen: the whole
 * family (this session) is revoked, and the honest client signs in again.
 */
export async function spendRefreshToken(db: Db, token: string, now = Date.now()): Promise<RefreshOutcome> {
  const hash = hashToken(token);
  const row = await sql(
    db,
    'SELECT account_id, family, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = ?',
  ).get(hash) as RefreshRow | undefined;
  if (!row || row.revoked_at !== null || row.expires_at <= now) return { ok: false, reuse: false };
  if (row.used_at !== null) {
    await revokeFamily(db, row.family, now);
    return { ok: false, reuse: true };
  }
  await sql(db, 'UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?').run(now, hash);
  return { ok: true, accountId: row.account_id, family: row.family };
}

export async function revokeFamily(db: Db, family: string, now = Date.now()): Promise<void> {
  await sql(db, 'UPDATE refresh_tokens SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL').run(now, family);
}

export async function revokeByToken(db: Db, token: string, now = Date.now()): Promise<void> {
  const row = await sql(db, 'SELECT family FROM refresh_tokens WHERE token_hash = ?').get(hashToken(token)) as
    { family: string } | undefined;
  if (row) await revokeFamily(db, row.family, now);
}

export async function revokeAllForAccount(db: Db, accountId: number, now = Date.now()): Promise<void> {
  await sql(db, 'UPDATE refresh_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL').run(now, accountId);
}
