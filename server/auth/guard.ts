import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/protocol/auth';
import { findAccountById, type AccountRow } from '../accounts/repo';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { checkAccessToken, isSessionRevoked } from './tokens';

export interface GuardOptions {
  roles?: readonly Role[];
  /** Push lets a suspended rater through so each vote gets a clear 'rater_suspended' rejection. */
  allowSuspended?: boolean;
}

/**
 * Resolves the bearer token to a live account row. The account and the
 * session are read on every request, so suspension, un-vetting, role changes,
 * logout and a replayed refresh token apply at once, not when the 15-minute
 * token runs out.
 */
export async function authenticate(ctx: AppContext, request: FastifyRequest, guard: GuardOptions): Promise<AccountRow> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header) : null;
  if (!match)
    throw new HttpError('unauthorized', 'missing or malformed Authorization header; send "Bearer <access token>"');
  const check = checkAccessToken(ctx.secrets.token, match[1] as string);
  if (!check.ok) {
    if (check.reason === 'expired')
      throw new HttpError('token_expired', 'access token expired; refresh it with POST /v1/auth/refresh');
    throw new HttpError('unauthorized', 'access token is not valid');
  }
  const account = await findAccountById(ctx.db, check.accountId);
  if (!account) throw new HttpError('unauthorized', 'access token names an account that does not exist');
  if (!account.vetted) throw new HttpError('not_vetted', 'this account has not been vetted by an administrator');
  // A suspension also revokes the sessions; "suspended" is the clearer answer, so it comes first.
  if (account.suspended && !guard.allowSuspended) throw new HttpError('suspended', 'this account is suspended');
  if (await isSessionRevoked(ctx.db, check.sessionId) && !account.suspended) {
    throw new HttpError('unauthorized', 'this session was ended (signed out, or its refresh token was reused); sign in again');
  }
  if (guard.roles && !guard.roles.includes(account.role)) {
    throw new HttpError('forbidden', `this endpoint needs one of the roles: ${guard.roles.join(', ')}`);
  }
  await ctx.limits.perAccount.take(account.public_id);
  return account;
}
