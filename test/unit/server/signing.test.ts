import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signPayload, verifyPayload } from '../../../server/auth/signing';
import { checkAccessToken, issueAccessToken } from '../../../server/auth/tokens';
import { loadOrCreateSecrets, rotateSecrets } from '../../../server/secrets';
import { readTicket, responseHandle, signTicket } from '../../../server/tasks/tickets';

const dir = mkdtempSync(join(tmpdir(), 'verdict-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secrets', () => {
  it('are created once, private, and rotation keeps the previous key for verification', () => {
    const first = loadOrCreateSecrets(dir);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecrets(dir).token.current.kid).toBe(first.token.current.kid);
    const signedBefore = signPayload(first.ticket, { x: 1 });
    rotateSecrets(dir, { dropPrevious: false });
    const rotated = loadOrCreateSecrets(dir);
    expect(rotated.ticket.current.kid).not.toBe(first.ticket.current.kid);
    expect(verifyPayload(rotated.ticket, signedBefore)).toEqual({ x: 1 });
    rotateSecrets(dir, { dropPrevious: true });
    expect(verifyPayload(loadOrCreateSecrets(dir).ticket, signedBefore)).toBeNull();
  });
});

describe('signed envelopes', () => {
  const secrets = loadOrCreateSecrets(mkdtempSync(join(dir, 'k-')));

  it('round-trip, and refuse any change to body, MAC or key id', () => {
    const token = signPayload(secrets.token, { sub: 7 });
    expect(verifyPayload(secrets.token, token)).toEqual({ sub: 7 });
    const [kid, body, mac] = token.split('.') as [string, string, string];
    const otherBody = Buffer.from(JSON.stringify({ sub: 8 })).toString('base64url');
    expect(verifyPayload(secrets.token, `${kid}.${otherBody}.${mac}`)).toBeNull();
    expect(verifyPayload(secrets.token, `${kid}.${body}.${mac.slice(0, -2)}AA`)).toBeNull();
    expect(verifyPayload(secrets.token, `nokid.${body}.${mac}`)).toBeNull();
    for (const garbage of ['', 'a.b', 'a.b.c.d', '...', 'x'.repeat(500)])
      expect(verifyPayload(secrets.token, garbage)).toBeNull();
  });

  it('keep tickets and access tokens apart: one is never accepted as the other', () => {
    const ticket = signTicket(secrets.ticket, {
      leaseId: 't_1',
      raterId: 'r_1',
      swapped: true,
      expiresAt: Date.now() + 1000,
    });
    expect(checkAccessToken(secrets.token, ticket)).toEqual({ ok: false, reason: 'invalid' });
    const { token } = issueAccessToken(secrets.token, 1, 'session-1', 60_000);
    expect(readTicket(secrets.ticket, token)).toBeNull();
  });

  it('report an expired access token as expired, not invalid', () => {
    const { token } = issueAccessToken(secrets.token, 1, 'session-1', 1000, 0);
    expect(checkAccessToken(secrets.token, token, 999)).toEqual({ ok: true, accountId: 1, sessionId: 'session-1' });
    expect(checkAccessToken(secrets.token, token, 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('give opaque response handles that differ per lease and per side', () => {
    const handles = [
      responseHandle(secrets.ticket, 't_1', 0),
      responseHandle(secrets.ticket, 't_1', 1),
      responseHandle(secrets.ticket, 't_2', 0),
    ];
    expect(new Set(handles).size).toBe(3);
    expect(responseHandle(secrets.ticket, 't_1', 0)).toBe(handles[0]);
    for (const handle of handles) expect(handle).toMatch(/^h_[A-Za-z0-9_-]{16}$/);
  });
});
