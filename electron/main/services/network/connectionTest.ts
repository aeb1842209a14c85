import { API_VERSION, HEALTH_PATH, HealthResponse } from '../../../../shared/protocol/health';
import type { ConnectionReport } from '../../../../shared/ipc/features/desktopContract';
import type { HttpPort } from '../../ports';
import { isSecureOrLoopback } from '../auth/authService';
import { classifyNetworkError } from './classifyNetworkError';

/** Long enough for a slow satellite link or a proxy that authenticates; the rater is waiting on a button. */
export const CONNECTION_TEST_TIMEOUT_MS = 15_000;

export interface ConnectionTestDeps {
  http: HttpPort;
  now: () => number;
  timeoutMs?: number;
}

/**
 * "Test connection" in Settings: one GET /v1/health through the same
 * transport the app uses (Electron: Chromium's network stack with the proxy
 * setting applied), and an answer that names the first thing that failed —
 * DNS, refused, timeout, proxy, proxy authentication, TLS, an HTTP error, an
 * answer that is not a Verdict server (a captive portal, a block page), or a
 * server speaking another API version.
 */
export async function testConnection(serverUrl: string, deps: ConnectionTestDeps): Promise<ConnectionReport> {
  const started = deps.now();
  const report = (fields: Partial<ConnectionReport> & Pick<ConnectionReport, 'outcome'>): ConnectionReport => ({
    serverUrl,
    apiVersion: null,
    httpStatus: null,
    detail: null,
    elapsedMs: Math.max(0, Math.round(deps.now() - started)),
    ...fields,
  });

  const base = parseServerUrl(serverUrl);
  if (!base) return report({ outcome: 'invalid_url' });
  if (!isSecureOrLoopback(base.toString())) return report({ outcome: 'insecure_url' });

  let response;
  try {
    response = await deps.http.request({ method: 'GET', url: new URL(HEALTH_PATH, base).toString(), timeoutMs: deps.timeoutMs ?? CONNECTION_TEST_TIMEOUT_MS });
  } catch (error) {
    const failure = classifyNetworkError(error);
    return report({ outcome: failure.outcome, detail: failure.detail });
  }
  if (response.status === 407) return report({ outcome: 'proxy_auth', httpStatus: 407 });
  if (response.status !== 200) return report({ outcome: 'http_error', httpStatus: response.status });
  const health = HealthResponse.safeParse(response.body);
  if (!health.success) return report({ outcome: 'not_verdict', httpStatus: 200, detail: describeBody(response.body) });
  const { apiVersion } = health.data;
  if (apiVersion !== API_VERSION) return report({ outcome: 'incompatible', apiVersion, detail: `server speaks API v${apiVersion}; this app speaks v${API_VERSION}` });
  return report({ outcome: 'ok', apiVersion });
}

function parseServerUrl(value: string): URL | null {
  if (!URL.canParse(value.trim())) return null;
  const url = new URL(value.trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url;
}

function describeBody(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return `unexpected answer: ${(text ?? 'empty').replace(/\s+/g, ' ').slice(0, 120)}`;
}
