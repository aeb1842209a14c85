import { createHmac } from 'node:crypto';
import type { KeyRing } from '../secrets';
import { signPayload, verifyPayload } from '../auth/signing';

/**
 * What a ticket binds: the assignment (= the taskId the client sees), the
 * rater, the side order and the expiry. It says nothing about whether the
 * item is gold or a repeat, so the client cannot tell.
 */
export interface TicketClaims {
  leaseId: string;
  raterId: string;
  swapped: boolean;
  expiresAt: number;
}

export function signTicket(ring: KeyRing, claims: TicketClaims): string {
  return signPayload(ring, {
    v: 1,
    l: claims.leaseId,
    r: claims.raterId,
    s: claims.swapped ? 1 : 0,
    e: claims.expiresAt,
  });
}

export function readTicket(ring: KeyRing, ticket: string): TicketClaims | null {
  const p = verifyPayload(ring, ticket);
  if (!p || p.v !== 1 || typeof p.l !== 'string' || typeof p.r !== 'string' || typeof p.e !== 'number') return null;
  if (p.s !== 0 && p.s !== 1) return null;
  return { leaseId: p.l, raterId: p.r, swapped: p.s === 1, expiresAt: p.e };
}

/** Opaque per-lease response handles: stable for one lease, unlinkable across leases and models. */
export function responseHandle(ring: KeyRing, leaseId: string, position: 0 | 1): string {
  return `h_${createHmac('sha256', ring.current.key).update(`${leaseId}:${position}`).digest('base64url').slice(0, 16)}`;
}
