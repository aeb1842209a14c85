import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAxiosHttp } from '../../electron/main/adapters/axiosHttp';
import type { HttpPort } from '../../electron/main/ports';
import { testConnection } from '../../electron/main/services/network/connectionTest';
import { startDemoBackend, type DemoBackend } from '../support/backend';
import { freePort, startTestHttpServer, type TestHttpServer } from '../support/httpServer';

/**
 * Settings → "Test connection" against real sockets: the reference server,
 * scripted servers, a closed port, an unresolvable name, an untrusted
 * certificate and a server that never answers. Both transports the app uses
 * are covered: axios over Node's http stack (web host) and axios over a
 * WHATWG fetch (Electron passes net.fetch; here Node's own fetch stands in,
 * with the same error shapes axios wraps).
 */
const transports: Array<[string, HttpPort]> = [
  ['Node http', createAxiosHttp()],
  ['fetch', createAxiosHttp({ fetch: globalThis.fetch })],
];
const deps = (http: HttpPort) => ({ http, now: () => performance.now() });

let backend: DemoBackend;
let scripted: TestHttpServer[] = [];
let tlsServer: https.Server;
let tlsUrl: string;

async function serve(status: number, body: string, contentType = 'application/json'): Promise<string> {
  const server = await startTestHttpServer((_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  });
  scripted.push(server);
  return server.url;
}

beforeAll(async () => {
  backend = await startDemoBackend();
  tlsServer = https.createServer({ key: fs.readFileSync('test/fixtures/tls/self-signed.key'), cert: fs.readFileSync('test/fixtures/tls/self-signed.crt') }, (_request, response) => {
    response.end('{}');
  });
  await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
  tlsUrl = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await backend.server.close();
  await Promise.all(scripted.map((server) => server.close()));
  scripted = [];
  tlsServer.closeAllConnections();
  await new Promise((resolve) => tlsServer.close(resolve));
});

describe.each(transports)('testing the connection over %s', (_name, http) => {
  it('reports a Verdict server with its API version and how long it took', async () => {
    const report = await testConnection(backend.server.url, deps(http));
    expect(report).toMatchObject({ outcome: 'ok', apiVersion: 1, httpStatus: null, detail: null });
    expect(report.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('says nothing answers on a closed port', async () => {
    const report = await testConnection(`http://127.0.0.1:${await freePort()}`, deps(http));
    expect(report.outcome).toBe('refused');
    expect(report.detail).toMatch(/ECONNREFUSED/);
  });

  it('names DNS when the host name does not resolve', async () => {
    // .invalid never resolves (RFC 6761), with or without a resolver on the machine.
    const report = await testConnection('https://verdict.invalid', deps(http));
    expect(report.outcome).toBe('dns');
  });

  it('names TLS when the certificate is not trusted', async () => {
    const report = await testConnection(tlsUrl, deps(http));
    expect(report.outcome).toBe('tls');
    expect(report.detail).toMatch(/self.signed|certificate/i);
  });

  it('tells an HTTP error, a block page and another API version apart', async () => {
    expect(await testConnection(await serve(503, '{"error":"restarting"}'), deps(http))).toMatchObject({ outcome: 'http_error', httpStatus: 503 });
    const portal = await testConnection(await serve(200, '<html><title>Sign in to Airport Wi-Fi</title></html>', 'text/html'), deps(http));
    expect(portal.outcome).toBe('not_verdict');
    expect(portal.detail).toContain('Airport Wi-Fi');
    const future = await testConnection(await serve(200, JSON.stringify({ status: 'ok', apiVersion: 2, serverTime: new Date().toISOString() })), deps(http));
    expect(future).toMatchObject({ outcome: 'incompatible', apiVersion: 2 });
  });

  it('refuses what is not an address, and plain http to anything but this computer, before sending a byte', async () => {
    expect((await testConnection('verdict example org', deps(http))).outcome).toBe('invalid_url');
    expect((await testConnection('ftp://verdict.example.org', deps(http))).outcome).toBe('invalid_url');
    expect((await testConnection('http://verdict.example.org', deps(http))).outcome).toBe('insecure_url');
  });
});

// A 407 reaches the app as a status only through Node's http stack (a proxy named in the
// environment); Chromium turns it into net::ERR_PROXY_AUTH_REQUESTED (see the unit test) and
// Node's fetch refuses the response outright, so this case has one transport.
it('reads a 407 as the proxy asking for credentials', async () => {
  expect(await testConnection(await serve(407, ''), deps(createAxiosHttp()))).toMatchObject({ outcome: 'proxy_auth', httpStatus: 407 });
});

it('gives up on a server that accepts the connection but never answers, after the real 15 s limit', { timeout: 40_000 }, async () => {
  const silent = await startTestHttpServer(() => undefined);
  scripted.push(silent);
  const report = await testConnection(silent.url, deps(createAxiosHttp({ fetch: globalThis.fetch })));
  expect(report.outcome).toBe('timeout');
  expect(report.elapsedMs).toBeGreaterThanOrEqual(14_000);
});
