import type { z } from 'zod';
import type { SupervisorAnswer, SupervisorFailure } from '../../../../shared/ipc/features/supervisorContract';
import { AuthRequiredError, type AuthService } from '../auth/authService';
import { ApiError, type ApiClient } from '../backend/apiClient';

export type SupervisorAuth = Pick<AuthService, 'serverUrl' | 'accessToken' | 'invalidateAccessToken'>;

export interface SupervisorRequest<T> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  schema: z.ZodType<T>;
}

/** Reads may wait out the server's per-account rate limit this many times before giving up. */
const RATE_LIMIT_RETRIES = 8;
const MAX_WAIT_MS = 5_000;

export interface SupervisorClientDeps {
  api: ApiClient;
  auth: SupervisorAuth;
  sleep(ms: number): Promise<void>;
}

/**
 * Calls the server's supervisor endpoints with the signed-in account's token
 * and turns every failure into a reason the renderer can show. The server
 * decides who is a supervisor: a 403 here is the answer, not a bug.
 */
export class SupervisorClient {
  constructor(private readonly deps: SupervisorClientDeps) {}

  async request<T>(request: SupervisorRequest<T>): Promise<SupervisorAnswer<T>> {
    const serverUrl = this.deps.auth.serverUrl();
    if (!serverUrl) return fail('signed_out', 'not signed in');
    try {
      return { ok: true, data: await this.withinRateLimit(serverUrl, request) };
    } catch (error) {
      return { ok: false, failure: failureOf(error) };
    }
  }

  /**
   * Loading a team means one request per thousand votes, which can meet the server's
   * per-account budget (a 429 with Retry-After). Reads are idempotent, so they
   * wait and go again; writes are never repeated behind the supervisor's back.
   */
  private async withinRateLimit<T>(serverUrl: string, request: SupervisorRequest<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.withFreshToken(serverUrl, request);
      } catch (error) {
        const limited = error instanceof ApiError && error.status === 429;
        if (!limited || request.method !== 'GET' || attempt >= RATE_LIMIT_RETRIES) throw error;
        await this.deps.sleep(Math.min(MAX_WAIT_MS, Math.max(50, error.retryAfterMs ?? 1_000)));
      }
    }
  }

  /** A token our clock thought valid may still be refused: refresh once and retry, as sync does. */
  private async withFreshToken<T>(serverUrl: string, request: SupervisorRequest<T>): Promise<T> {
    const send = async () =>
      this.deps.api.call(serverUrl, { ...request, accessToken: await this.deps.auth.accessToken() });
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      this.deps.auth.invalidateAccessToken();
      return send();
    }
  }
}

function fail(reason: SupervisorFailure['reason'], detail: string): { ok: false; failure: SupervisorFailure } {
  return { ok: false, failure: { reason, detail } };
}

export function failureOf(error: unknown): SupervisorFailure {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof AuthRequiredError) return { reason: 'signed_out', detail };
  if (!(error instanceof ApiError)) return { reason: 'server_error', detail };
  if (error.kind === 'network') return { reason: 'unreachable', detail };
  if (error.kind === 'protocol') return { reason: 'bad_response', detail };
  if (error.status === 401) return { reason: 'signed_out', detail };
  if (error.status === 403) return { reason: 'forbidden', detail };
  if (error.status === 404) return { reason: 'not_found', detail };
  if (error.status === 429) return { reason: 'rate_limited', detail };
  return { reason: 'server_error', detail };
}
