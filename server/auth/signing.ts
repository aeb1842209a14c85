import { createHmac, timingSafeEqual } from 'node:crypto';
import type { KeyRing } from '../secrets';

/**
 * Compact HMAC-SHA256 envelope: `<kid>.<base64url JSON>.<base64url MAC>`.
 * Used for access tokens and task tickets, each with its own key ring, so
 * one can never be replayed as the other.
 */
export function signPayload(ring: KeyRing, payload: object): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const head = `${ring.current.kid}.${body}`;
  const mac = createHmac('sha256', ring.current.key).update(head).digest('base64url');
  return `${head}.${mac}`;
}

/** The payload if the MAC verifies under a known key, else null. Never throws on garbage. */
export function verifyPayload(ring: KeyRing, token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [kid, body, mac] = parts as [string, string, string];
  const key = ring.byKid.get(kid);
  if (!key) return null;
  const expected = createHmac('sha256', key).update(`${kid}.${body}`).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
