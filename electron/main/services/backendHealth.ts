import { API_VERSION, DEFAULT_VOTE_RULES, HEALTH_PATH, HealthResponse } from '../../../shared/protocol/health';
import type { BackendStatus } from '../../../shared/ipc/contract';
import type { HttpPort, Timers } from '../ports';

export interface BackendHealthOptions {
  baseUrl: string;
  http: HttpPort;
  timers: Timers;
  onChange: (status: BackendStatus) => void;
  /** Poll interval while the backend answers. */
  upIntervalMs?: number;
  /** Poll interval while it does not: short, so a rater sees "online" soon after the network returns. */
  downIntervalMs?: number;
  timeoutMs?: number;
}

export interface BackendHealthMonitor {
  current(): BackendStatus;
  checkNow(): Promise<BackendStatus>;
  /** Watches another server from now on (after signing in to it). */
  setBaseUrl(url: string): void;
  start(): void;
  stop(): void;
}

/**
 * Watches GET /v1/health. It never trusts a body it has not validated, and a
 * server that speaks another API version counts as "incompatible", not "up":
 * syncing against a contract we do not know could lose votes.
 */
export function createBackendHealthMonitor(options: BackendHealthOptions): BackendHealthMonitor {
  const { http, timers, onChange } = options;
  let baseUrl = options.baseUrl;
  const upIntervalMs = options.upIntervalMs ?? 10_000;
  const downIntervalMs = options.downIntervalMs ?? 2_000;
  const timeoutMs = options.timeoutMs ?? 3_000;
  let status: BackendStatus = { url: baseUrl, state: 'unknown', apiVersion: null, checkedAt: null, detail: null, minActiveMs: null };
  let timer: unknown = null;
  let running = false;
  let inFlight: Promise<BackendStatus> | null = null;

  async function probe(): Promise<BackendStatus> {
    const checkedAt = new Date(timers.now()).toISOString();
    const url = new URL(HEALTH_PATH, baseUrl).toString();
    try {
      const response = await http.request({ method: 'GET', url, timeoutMs });
      return interpretHealth(baseUrl, checkedAt, response.status, response.body);
    } catch (error) {
      return { url: baseUrl, state: 'down', apiVersion: null, checkedAt, detail: describeError(error), minActiveMs: status.minActiveMs };
    }
  }

  function publish(next: BackendStatus): void {
    const changed =
      next.state !== status.state || next.apiVersion !== status.apiVersion || next.detail !== status.detail || next.minActiveMs !== status.minActiveMs;
    // The rule is remembered while the server is unreachable: offline votes must meet it too.
    status = { ...next, minActiveMs: next.minActiveMs ?? status.minActiveMs };
    if (changed) onChange(status);
  }

  function schedule(): void {
    if (!running) return;
    const delay = status.state === 'up' ? upIntervalMs : downIntervalMs;
    timer = timers.setTimeout(() => void checkNow().finally(schedule), delay);
  }

  // Concurrent callers share one probe, so a burst of "check now" clicks sends one request.
  function checkNow(): Promise<BackendStatus> {
    inFlight ??= probe().then((next) => {
      inFlight = null;
      publish(next);
      return next;
    });
    return inFlight;
  }

  return {
    current: () => status,
    checkNow,
    setBaseUrl(url) {
      if (url === baseUrl) return;
      baseUrl = url;
      publish({ url, state: 'unknown', apiVersion: null, checkedAt: null, detail: null, minActiveMs: null });
      void checkNow();
    },
    start() {
      if (running) return;
      running = true;
      void checkNow().finally(schedule);
    },
    stop() {
      running = false;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}

export function interpretHealth(url: string, checkedAt: string, httpStatus: number, body: unknown): BackendStatus {
  if (httpStatus !== 200) {
    return { url, state: 'down', apiVersion: null, checkedAt, detail: `health check answered HTTP ${httpStatus}`, minActiveMs: null };
  }
  const parsed = HealthResponse.safeParse(body);
  if (!parsed.success) {
    return { url, state: 'down', apiVersion: null, checkedAt, detail: 'health check answered with an unexpected body', minActiveMs: null };
  }
  const { apiVersion, voteRules } = parsed.data;
  if (apiVersion !== API_VERSION) {
    const detail = `server speaks API v${apiVersion}; this app speaks v${API_VERSION}`;
    return { url, state: 'incompatible', apiVersion, checkedAt, detail, minActiveMs: null };
  }
  return { url, state: 'up', apiVersion, checkedAt, detail: null, minActiveMs: (voteRules ?? DEFAULT_VOTE_RULES).minActiveMs };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
