import { afterEach, describe, expect, it } from 'vitest';
import type { BackendStatus } from '../../../shared/ipc/contract';
import { API_VERSION } from '../../../shared/protocol/health';
import { createAxiosHttp } from '../../../electron/main/adapters/axiosHttp';
import { createBackendHealthMonitor } from '../../../electron/main/services/backendHealth';
import { systemTimers, type Timers } from '../../../electron/main/ports';
import { freePort, startTestHttpServer, type TestHttpServer } from '../../support/httpServer';

let server: TestHttpServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function healthServer(status: number, body: string) {
  return startTestHttpServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  });
}

function monitor(baseUrl: string, onChange: (status: BackendStatus) => void = () => undefined, timers: Timers = systemTimers) {
  return createBackendHealthMonitor({ baseUrl, http: createAxiosHttp(), timers, onChange, timeoutMs: 2_000 });
}

const healthy = (apiVersion = API_VERSION) =>
  JSON.stringify({ status: 'ok', apiVersion, serverTime: new Date().toISOString() });

describe('watching the backend’s health', () => {
  it('starts unknown, before the first check', () => {
    expect(monitor('http://127.0.0.1:9').current()).toMatchObject({ state: 'unknown', checkedAt: null });
  });

  it('reports up when the server answers with our API version', async () => {
    server = await healthServer(200, healthy());
    const status = await monitor(server.url).checkNow();
    expect(status).toMatchObject({ state: 'up', apiVersion: API_VERSION, url: server.url, detail: null });
  });

  it('reports down when nothing listens', async () => {
    const status = await monitor(`http://127.0.0.1:${await freePort()}`).checkNow();
    expect(status.state).toBe('down');
    expect(status.detail).toMatch(/ECONNREFUSED/);
  });

  it('reports incompatible when the server speaks another API version', async () => {
    server = await healthServer(200, healthy(API_VERSION + 1));
    const status = await monitor(server.url).checkNow();
    expect(status).toMatchObject({ state: 'incompatible', apiVersion: API_VERSION + 1 });
    expect(status.detail).toContain(`v${API_VERSION + 1}`);
  });

  it.each([
    ['a 503', 503, healthy()],
    ['invalid JSON', 200, '{"status": "ok", '],
    ['a body of the wrong shape', 200, JSON.stringify({ status: 'ok', apiVersion: 'one' })],
    ['an HTML error page', 200, '<html>proxy error</html>'],
  ])('reports down, with a reason, on %s', async (_name, status, body) => {
    server = await healthServer(status, body);
    const result = await monitor(server.url).checkNow();
    expect(result.state).toBe('down');
    expect(result.detail).toBeTruthy();
  });

  it('tells its listener only when the state changes', async () => {
    server = await healthServer(200, healthy());
    const changes: string[] = [];
    const health = monitor(server.url, (status) => changes.push(status.state));
    await health.checkNow();
    await health.checkNow();
    expect(changes).toEqual(['up']);
  });

  it('shares one request between concurrent checks', async () => {
    let requests = 0;
    server = await startTestHttpServer((_request, response) => {
      requests += 1;
      response.end(healthy());
    });
    const health = monitor(server.url);
    await Promise.all([health.checkNow(), health.checkNow(), health.checkNow()]);
    expect(requests).toBe(1);
  });

  it('notices the server coming up on its own, without being asked', async () => {
    const port = await freePort();
    const seen: string[] = [];
    let resolveUp: () => void = () => undefined;
    const up = new Promise<void>((resolve) => (resolveUp = resolve));
    const health = createBackendHealthMonitor({
      baseUrl: `http://127.0.0.1:${port}`,
      http: createAxiosHttp(),
      timers: systemTimers,
      downIntervalMs: 50,
      onChange: (status) => {
        seen.push(status.state);
        if (status.state === 'up') resolveUp();
      },
    });
    health.start();
    await expect.poll(() => seen).toContain('down');
    server = await startTestHttpServer((_request, response) => response.end(healthy()), port);
    await up;
    health.stop();
    expect(seen).toEqual(['down', 'up']);
  });
});
