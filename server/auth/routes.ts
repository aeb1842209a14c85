import {
  Account,
  AUTH_LOGIN_PATH,
  AUTH_LOGOUT_PATH,
  AUTH_REFRESH_PATH,
  LoginRequest,
  LogoutRequest,
  LogoutResponse,
  ME_PATH,
  RefreshRequest,
  Session,
} from '../../shared/protocol/auth';
import { findAccountByEmail, findAccountById, toAccount, type AccountRow } from '../accounts/repo';
import type { AppContext } from '../context';
import { transaction } from '../db/open';
import { HttpError } from '../http/errors';
import type { RouteTable } from '../http/route';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { issueAccessToken, issueRefreshToken, revokeByToken, spendRefreshToken } from './tokens';

function gate(account: AccountRow): void {
  if (!account.vetted) throw new HttpError('not_vetted', 'this account has not been vetted by an administrator yet');
  if (account.suspended) throw new HttpError('suspended', 'this account is suspended; contact your supervisor');
}

async function newSession(ctx: AppContext, account: AccountRow, family?: string): Promise<Session> {
  const refresh = await issueRefreshToken(ctx.db, account.id, ctx.options.refreshTtlMs, family);
  const access = issueAccessToken(ctx.secrets.token, account.id, refresh.family, ctx.options.accessTtlMs);
  return {
    accessToken: access.token,
    accessExpiresAt: new Date(access.expiresAt).toISOString(),
    refreshToken: refresh.token,
    refreshExpiresAt: new Date(refresh.expiresAt).toISOString(),
    account: toAccount(account),
  };
}

async function login(ctx: AppContext, email: string, password: string, ip: string): Promise<Session> {
  await ctx.limits.loginByIp.hit(ip);
  await ctx.limits.loginByEmail.hit(email.toLowerCase());
  const account = await findAccountByEmail(ctx.db, email);
  if (!account?.password_hash) {
    await burnPasswordCheck(password);
    throw new HttpError('invalid_credentials', 'email or password is wrong');
  }
  if (!(await verifyPassword(password, account.password_hash))) {
    throw new HttpError('invalid_credentials', 'email or password is wrong');
  }
  // Vetting is checked only after the password, so the answer reveals nothing to a stranger.
  gate(account);
  return await newSession(ctx, account);
}

async function refresh(ctx: AppContext, token: string): Promise<Session> {
  // The transaction commits even when the token is refused: revoking a
  // replayed token's family must stick, so errors are raised after COMMIT.
  const outcome = await transaction(ctx.db, async () => {
    const spent = await spendRefreshToken(ctx.db, token);
    if (!spent.ok) return spent;
    const account = (await findAccountById(ctx.db, spent.accountId)) as AccountRow;
    if (!account.vetted || account.suspended) return { ok: false as const, reuse: false, account };
    return { ok: true as const, session: await newSession(ctx, account, spent.family) };
  });
  if (outcome.ok) return outcome.session;
  if ('account' in outcome) gate(outcome.account);
  const why = outcome.reuse
    ? 'was already used, so this session was ended for safety'
    : 'is unknown, expired or revoked';
  throw new HttpError('unauthorized', `refresh token ${why}; sign in again`);
}

export function registerAuthRoutes(routes: RouteTable, ctx: AppContext): void {
  routes.add({
    method: 'POST',
    url: AUTH_LOGIN_PATH,
    tag: 'auth',
    summary: 'Sign in a vetted contributor; returns a short-lived access token and a rotating refresh token',
    auth: null,
    body: LoginRequest,
    response: Session,
    handler: async ({ body, request }) => login(ctx, body.email, body.password, request.ip),
  });
  routes.add({
    method: 'POST',
    url: AUTH_REFRESH_PATH,
    tag: 'auth',
    summary: 'Trade a refresh token (single use) for a new access and refresh token',
    auth: null,
    body: RefreshRequest,
    response: Session,
    handler: async ({ body }) => await refresh(ctx, body.refreshToken),
  });
  routes.add({
    method: 'POST',
    url: AUTH_LOGOUT_PATH,
    tag: 'auth',
    summary: 'End the session that this refresh token belongs to',
    auth: null,
    body: LogoutRequest,
    response: LogoutResponse,
    handler: async ({ body }) => {
      await revokeByToken(ctx.db, body.refreshToken);
      return { loggedOut: true as const };
    },
  });
  routes.add({
    method: 'GET',
    url: ME_PATH,
    tag: 'auth',
    summary: 'The signed-in account and its profile',
    auth: {},
    response: Account,
    handler: async ({ account }) => toAccount(account as AccountRow),
  });
}
