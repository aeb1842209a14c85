import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../../shared/protocol/auth';
import { ErrorBody } from '../../../shared/protocol/errors';
import { addContributor, setSuspended } from '../../../server/admin/contributors';
import { call, login, startTestServer, type TestServer } from './helpers';

describe('auth: only vetted contributors sign in', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ accessTtlMs: 300, loginLimit: { max: 4, windowMs: 60_000 } });
  });
  afterAll(() => t.close());

  it('signs in a demo rater and returns a session with the profile', async () => {
    const reply = await call(t.url, 'POST', '/v1/auth/login', {
      body: { email: t.accounts.rater1.email, password: t.accounts.rater1.password },
    });
    expect(reply.status).toBe(200);
    const session = Session.parse(reply.body);
    expect(session.account).toMatchObject({ email: 'rater1@verdict.example', role: 'rater' });
    expect(session.account.profile).toMatchObject({ country: 'DE', ageBand: '25-34', education: 'master' });
    const me = await call(t.url, 'GET', '/v1/me', { token: session.accessToken });
    expect(me.body.id).toBe(session.account.id);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await call(t.url, 'POST', '/v1/auth/login', {
      body: { email: t.accounts.rater2.email, password: 'nope' },
    });
    const unknown = await call(t.url, 'POST', '/v1/auth/login', {
      body: { email: 'ghost@verdict.example', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(ErrorBody.parse(wrong.body).error.code).toBe('invalid_credentials');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses an account that an admin created but did not vet', async () => {
    const db = t.server.context.db;
    const { password } = await addContributor(db, 'test', {
      email: 'new@verdict.example',
      displayName: 'New',
      role: 'rater',
      vetted: false,
    });
    const reply = await call(t.url, 'POST', '/v1/auth/login', { body: { email: 'new@verdict.example', password } });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('not_vetted');
  });

  it('locks out a suspended rater at once, even with a live access token', async () => {
    const db = t.server.context.db;
    const { password } = await addContributor(db, 'test', {
      email: 'sus@verdict.example',
      displayName: 'S',
      role: 'rater',
      vetted: true,
    });
    const session = await login(t.url, { email: 'sus@verdict.example', password });
    await setSuspended(db, 'test', 'sus@verdict.example', true, 'test');
    const me = await call(t.url, 'GET', '/v1/me', { token: session.accessToken });
    expect(me.status).toBe(403);
    expect(me.body.error.code).toBe('suspended');
    const again = await call(t.url, 'POST', '/v1/auth/login', { body: { email: 'sus@verdict.example', password } });
    expect(again.body.error.code).toBe('suspended');
    const refreshed = await call(t.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(refreshed.status).toBe(401);
  });

  it('tells an expired access token apart from a forged one', async () => {
    const session = await login(t.url, t.accounts.supervisor);
    const forged = `${session.accessToken.slice(0, -4)}AAAA`;
    const bad = await call(t.url, 'GET', '/v1/me', { token: forged });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('unauthorized');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const expired = await call(t.url, 'GET', '/v1/me', { token: session.accessToken });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('token_expired');
  });

  it('rotates refresh tokens, and a replayed refresh token ends the whole session', async () => {
    const first = await login(t.url, t.accounts.admin);
    const second = await call(t.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const replay = await call(t.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toMatch(/already used/);
    // The thief's replay also kills the token the honest client got, so both must sign in again.
    const honest = await call(t.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    expect(honest.status).toBe(401);
    // …and every access token of that session stops working at once, not when it expires.
    for (const token of [first.accessToken, second.body.accessToken as string]) {
      const me = await call(t.url, 'GET', '/v1/me', { token });
      expect(me.status).toBe(401);
      expect(me.body.error.message).toMatch(/session was ended/);
    }
  });

  it('logout revokes the refresh token and ends the access token at once; other sessions live on', async () => {
    const session = await login(t.url, t.accounts.rater2);
    const other = await login(t.url, t.accounts.rater2);
    expect((await call(t.url, 'GET', '/v1/me', { token: session.accessToken })).status).toBe(200);
    const out = await call(t.url, 'POST', '/v1/auth/logout', { body: { refreshToken: session.refreshToken } });
    expect(out.body).toEqual({ loggedOut: true });
    const after = await call(t.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(after.status).toBe(401);
    expect((await call(t.url, 'GET', '/v1/me', { token: session.accessToken })).status).toBe(401);
    expect((await call(t.url, 'GET', '/v1/me', { token: other.accessToken })).status).toBe(200);
  });

  it('rate-limits sign-in attempts per email with 429 and Retry-After', async () => {
    const attempt = () =>
      call(t.url, 'POST', '/v1/auth/login', { body: { email: 'target@verdict.example', password: 'guess' } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('per-rater rate limit', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ raterLimit: { burst: 3, perSecond: 0.01 } });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once an account spends its burst, without affecting other accounts', async () => {
    const token = (await login(t.url, t.accounts.rater1)).accessToken;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(t.url, 'GET', '/v1/me', { token })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(t.url, 'GET', '/v1/me', { token });
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const other = (await login(t.url, t.accounts.rater2)).accessToken;
    expect((await call(t.url, 'GET', '/v1/me', { token: other })).status).toBe(200);
  });
});
