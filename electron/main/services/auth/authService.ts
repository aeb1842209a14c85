import { z } from 'zod';
import type { AuthState, SignInFailure } from '../../../../shared/ipc/contract';
import { AUTH_LOGIN_PATH, AUTH_LOGOUT_PATH, AUTH_REFRESH_PATH, Session } from '../../../../shared/protocol/auth';
import { API_VERSION, HEALTH_PATH, HealthResponse } from '../../../../shared/protocol/health';
import type { TokenVault } from '../../ports';
import { ApiError, type ApiClient } from '../backend/apiClient';
import type { ServerClock } from '../backend/serverClock';

/** What the vault keeps: the server's session plus which server it belongs to. */
export const StoredSession = Session.extend({ serverUrl: z.string(), reauthRequired: z.boolean().default(false) });
export type StoredSession = z.infer<typeof StoredSession>;

/** Thrown when no valid session exists: the rater must sign in (pending votes stay on disk). */
export class AuthRequiredError extends Error {
  override name = 'AuthRequiredError';
}

/** Refresh this long before the access token expires, so a request never races the expiry. */
const EXPIRY_MARGIN_MS = 30_000;

export interface AuthServiceDeps {
  api: ApiClient;
  vault: TokenVault<StoredSession>;
  clock: ServerClock;
  onChange: (state: AuthState) => void;
  /** Waits between sign-in attempts; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
}

/** Sign-in tries again after a dropped connection or a 5xx: waits before the 2nd and 3rd attempt. */
const SIGN_IN_RETRY_DELAYS_MS = [500, 1_500];
const TRANSIENT_SIGN_IN_FAILURES = new Set<SignInFailure['reason']>(['unreachable', 'bad_response', 'server_error']);

/**
 * Signs in, keeps the tokens in main, and hands out a valid access token,
 * refreshing it when needed (also after days offline). If the refresh token
 * is dead, the state turns to `reauth_required`: sync pauses, nothing queued
 * is dropped, and it resumes after the rater signs in again.
 */
export class AuthService {
  private session: StoredSession | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(private readonly deps: AuthServiceDeps) {}

  async load(): Promise<void> {
    this.session = await this.deps.vault.read();
    this.deps.onChange(this.state());
  }

  state(): AuthState {
    const session = this.session;
    if (!session) return { status: 'signed_out', serverUrl: null, account: null };
    const { displayName, email, role } = session.account;
    return {
      status: session.reauthRequired ? 'reauth_required' : 'signed_in',
      serverUrl: session.serverUrl,
      account: { displayName, email, role, languages: session.account.profile.languages.map((skill) => skill.tag) },
    };
  }

  /** The signed-in account's server-side id (null when signed out). */
  accountId(): string | null {
    return this.session?.account.id ?? null;
  }

  serverUrl(): string | null {
    return this.session?.serverUrl ?? null;
  }

  /**
   * The same server, at a new address (the bundled demo backend came back on
   * another port): the session and its tokens are still valid there.
   */
  async moveServer(serverUrl: string): Promise<void> {
    if (this.session) await this.store({ ...this.session, serverUrl });
  }

  /**
   * Signs in; a passing fault (no answer, a garbled answer, a 5xx) is tried
   * again twice before the rater is told, so one dropped connection never
   * reads as "server unreachable". Wrong credentials and the like answer at once.
   */
  async signIn(serverUrl: string, email: string, password: string): Promise<{ ok: true } | { ok: false; failure: SignInFailure }> {
    if (!isHttpUrl(serverUrl)) return { ok: false, failure: { reason: 'invalid_server_url' } };
    if (!isSecureOrLoopback(serverUrl)) return { ok: false, failure: { reason: 'insecure_server_url' } };
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    let result = await this.signInOnce(serverUrl, email, password);
    for (const delay of SIGN_IN_RETRY_DELAYS_MS) {
      if (result.ok || !TRANSIENT_SIGN_IN_FAILURES.has(result.failure.reason)) break;
      await sleep(delay);
      result = await this.signInOnce(serverUrl, email, password);
    }
    return result;
  }

  private async signInOnce(serverUrl: string, email: string, password: string): Promise<{ ok: true } | { ok: false; failure: SignInFailure }> {
    const compatibility = await this.checkCompatible(serverUrl);
    if (compatibility) return { ok: false, failure: compatibility };
    try {
      const session = await this.deps.api.call(serverUrl, { method: 'POST', path: AUTH_LOGIN_PATH, body: { email, password }, schema: Session });
      await this.store({ ...session, serverUrl, reauthRequired: false });
      return { ok: true };
    } catch (error) {
      return { ok: false, failure: signInFailureOf(error) };
    }
  }

  async signOut(): Promise<void> {
    const session = this.session;
    this.session = null;
    await this.deps.vault.clear();
    this.deps.onChange(this.state());
    if (!session) return;
    // Best effort: the tokens are already gone locally, which is what matters.
    await this.deps.api
      .call(session.serverUrl, { method: 'POST', path: AUTH_LOGOUT_PATH, body: { refreshToken: session.refreshToken }, schema: z.unknown(), timeoutMs: 3_000 })
      .catch(() => undefined);
  }

  /** A valid access token, refreshed if needed; throws AuthRequiredError or a transient ApiError. */
  async accessToken(): Promise<string> {
    const session = this.session;
    if (!session || session.reauthRequired) throw new AuthRequiredError('sign in to continue syncing');
    if (Date.parse(session.accessExpiresAt) - this.deps.clock.serverNow() > EXPIRY_MARGIN_MS) return session.accessToken;
    this.refreshing ??= this.refresh(session).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** Called when the server said the access token expired although our clock thought otherwise. */
  invalidateAccessToken(): void {
    if (this.session) this.session = { ...this.session, accessExpiresAt: new Date(0).toISOString() };
  }

  private async refresh(session: StoredSession): Promise<string> {
    try {
      const next = await this.deps.api.call(session.serverUrl, {
        method: 'POST',
        path: AUTH_REFRESH_PATH,
        body: { refreshToken: session.refreshToken },
        schema: Session,
      });
      await this.store({ ...next, serverUrl: session.serverUrl, reauthRequired: false });
      return next.accessToken;
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'http' && (error.status === 401 || error.status === 403)) {
        await this.store({ ...session, reauthRequired: true });
        throw new AuthRequiredError(`the session ended (${error.code ?? error.status}); sign in again`);
      }
      throw error;
    }
  }

  private async store(session: StoredSession): Promise<void> {
    this.session = session;
    await this.deps.vault.write(session);
    this.deps.onChange(this.state());
  }

  private async checkCompatible(serverUrl: string): Promise<SignInFailure | null> {
    try {
      const health = await this.deps.api.call(serverUrl, { method: 'GET', path: HEALTH_PATH, schema: HealthResponse, timeoutMs: 5_000 });
      return health.apiVersion === API_VERSION ? null : { reason: 'incompatible', serverApiVersion: health.apiVersion };
    } catch (error) {
      return error instanceof ApiError && error.kind === 'network' ? { reason: 'unreachable' } : { reason: 'bad_response' };
    }
  }
}

/**
 * Passwords and tokens never cross a network in clear: plain http is for a
 * server on this machine only (127.0.0.0/8, ::1, localhost), as `npm start`'s
 * demo backend is. Anything else must be https.
 */
export function isSecureOrLoopback(value: string): boolean {
  const { protocol, hostname } = new URL(value);
  if (protocol === 'https:') return true;
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

function signInFailureOf(error: unknown): SignInFailure {
  if (!(error instanceof ApiError)) return { reason: 'server_error' };
  if (error.kind === 'network') return { reason: 'unreachable' };
  if (error.kind === 'protocol') return { reason: 'bad_response' };
  switch (error.code) {
    case 'invalid_credentials':
    case 'validation_failed':
      return { reason: 'wrong_credentials' };
    case 'not_vetted':
      return { reason: 'not_vetted' };
    case 'suspended':
      return { reason: 'suspended' };
    case 'rate_limited':
      return { reason: 'rate_limited', retryAfterSeconds: Math.ceil((error.retryAfterMs ?? 60_000) / 1000) };
    default:
      return { reason: 'server_error' };
  }
}
