import { z } from 'zod';
import { ErrorBody } from '../../../../shared/protocol/errors';
import type { HttpPort } from '../../ports';
import type { ServerClock } from './serverClock';

/**
 * Why a backend call failed, in the terms callers decide on:
 * - network: never reached the server or no answer (retry later);
 * - http: the server answered with an error status and its machine code;
 * - protocol: the server answered 2xx with a body that breaks the contract.
 *   Never trusted, never retried blindly, always reported.
 */
export type ApiErrorKind = 'network' | 'http' | 'protocol';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export interface ApiCall<T> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  accessToken?: string;
  schema: z.ZodType<T>;
  timeoutMs?: number;
}

export interface ApiClient {
  call<T>(baseUrl: string, request: ApiCall<T>): Promise<T>;
}

/**
 * Every call validates the answer against the contract's schema, and every
 * answer also feeds the server clock (its serverTime field, else the HTTP Date
 * header), so token expiry is judged on the server's clock, not the rater's.
 */
export function createApiClient(http: HttpPort, clock: ServerClock, defaultTimeoutMs = 15_000): ApiClient {
  return {
    async call(baseUrl, { method, path, body, accessToken, schema, timeoutMs }) {
      const url = new URL(path, baseUrl).toString();
      const headers = accessToken ? { authorization: `Bearer ${accessToken}` } : undefined;
      let response;
      const sentAt = clock.localNow();
      try {
        response = await http.request({ method, url, body, headers, timeoutMs: timeoutMs ?? defaultTimeoutMs });
      } catch (error) {
        throw new ApiError('network', `${method} ${path}: ${(error as Error).message || 'no answer'}`);
      }
      const serverTime = (response.body as { serverTime?: unknown } | null)?.serverTime;
      const stated = typeof serverTime === 'string' ? serverTime : response.headers.date;
      if (stated) clock.observe(sentAt, clock.localNow(), stated);
      if (response.status < 200 || response.status > 299) throw httpError(method, path, response.status, response.body, response.headers);
      const parsed = schema.safeParse(response.body);
      if (!parsed.success) {
        throw new ApiError('protocol', `${method} ${path}: the server's answer breaks the contract: ${z.prettifyError(parsed.error)}`, response.status);
      }
      return parsed.data;
    },
  };
}

function httpError(method: string, path: string, status: number, body: unknown, headers: Record<string, string>): ApiError {
  const parsed = ErrorBody.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : null;
  const message = parsed.success ? parsed.data.error.message : `HTTP ${status}`;
  return new ApiError('http', `${method} ${path}: ${message}`, status, code, parseRetryAfter(headers['retry-after']));
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/** Transient failures worth retrying with backoff: no answer, overload, server errors. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'network') return true;
  return error.kind === 'http' && error.status !== null && (error.status === 429 || error.status === 408 || error.status >= 500);
}
