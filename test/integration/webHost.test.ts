import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createAxiosHttp } from '../../electron/main/adapters/axiosHttp';
import { createFileTokenVault } from '../../electron/main/adapters/fileTokenVault';
import { createJsonFileStore } from '../../electron/main/adapters/jsonFileStore';
import { createMainServices, type MainServices } from '../../electron/main/composeServices';
import { systemTimers } from '../../electron/main/ports';
import { startWebHost, type WebHost } from '../../electron/webhost/webHost';
import { freePort } from '../support/httpServer';

let services: MainServices;
let host: WebHost;
let origin: string;
let pageToken: string;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-webhost-'));
  const rendererRoot = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererRoot, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererRoot, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(rendererRoot, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  services = await createMainServices({
    appInfo: { name: 'Verdict', version: '9.9.9', host: 'web', platform: 'linux', systemLanguages: [], developerLocales: false },
    backendUrl: `http://127.0.0.1:${await freePort()}`,
    dataDir: path.join(dir, 'data'),
    http: createAxiosHttp(),
    preferencesStore: createJsonFileStore(path.join(dir, 'data', 'preferences.json')),
    tokenVault: createFileTokenVault(path.join(dir, 'data', 'session.json')),
    links: { confirmAndOpen: async () => false },
    timers: systemTimers,
  });
  host = await startWebHost({ services, rendererRoot });
  origin = `http://127.0.0.1:${host.port}`;
  // The page's first socket spends the launch secret and earns a page token.
  const launch = `verdict.launch.${new URL(host.url).hash.slice('#secret='.length)}`;
  const first = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, [launch], { headers: { origin } });
  pageToken = String((await nextMessage(first, 'hello')).pageToken);
  first.close();
});

afterAll(async () => {
  services.stop();
  await host.close();
});

function connect(headers: Record<string, string>, protocols: string[] = [`verdict.page.${pageToken}`]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, protocols, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket, kind: string, event?: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (message.kind !== kind || (event && message.event !== event)) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });
}

async function invoke(socket: WebSocket, channel: unknown, args: unknown) {
  const answer = nextMessage(socket, 'result');
  socket.send(JSON.stringify({ kind: 'invoke', id: 7, channel, args }));
  return (await answer).result;
}

describe('the web host', () => {
  it('prints a loopback URL whose secret is in the fragment, which no server ever receives', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#secret=[\w-]{40,}$/);
  });

  it('serves the renderer (public code, no data) with the strict CSP, and no cookie at all', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain('<title>t</title>');
  });

  it('tells a user who put the secret in the query instead of the fragment what to do', async () => {
    const response = await fetch(`${origin}/?secret=anything`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/after "#"/);
  });

  it('never serves a file outside the renderer folder', async () => {
    const response = await fetch(`${origin}/..%2fsecret.txt`);
    expect(response.status).toBe(404);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example' } }, (response) =>
        resolve(response.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(421);
  });

  it('refuses a socket that offers no credential, a wrong one, or a spent launch secret', async () => {
    await expect(connect({ origin }, [])).rejects.toThrow(/403/);
    await expect(connect({ origin }, ['verdict.page.guess'])).rejects.toThrow(/403/);
    const spent = `verdict.launch.${new URL(host.url).hash.slice('#secret='.length)}`;
    await expect(connect({ origin }, [spent])).rejects.toThrow(/403/);
  });

  it('refuses a socket opened from another origin, even with a valid page token', async () => {
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(connect({ origin: 'http://127.0.0.1:1' })).rejects.toThrow(/403/);
  });

  it('lets the page reconnect with its page token', async () => {
    const socket = await connect({ origin });
    expect(socket.protocol).toBe(`verdict.page.${pageToken}`);
    socket.close();
  });

  it('answers RendererApi calls over the socket', async () => {
    const socket = await connect({ origin });
    expect(await invoke(socket, 'app.getInfo', {})).toEqual({
      ok: true,
      value: { name: 'Verdict', version: '9.9.9', host: 'web', platform: 'linux', systemLanguages: [], developerLocales: false },
    });
    socket.close();
  });

  it('validates calls exactly as Electron IPC does', async () => {
    const socket = await connect({ origin });
    expect(await invoke(socket, 'shell.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await invoke(socket, 'prefs.setLanguage', { language: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' },
    });
    socket.close();
  });

  it('answers a malformed message with an error instead of dropping the socket', async () => {
    const socket = await connect({ origin });
    const answer = nextMessage(socket, 'result');
    socket.send('{not json');
    expect((await answer).result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('brings a new socket up to date with the latest backend status', async () => {
    await services.health.checkNow();
    // Listen before the handshake completes: the host replays state immediately.
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, [`verdict.page.${pageToken}`], { headers: { origin } });
    const event = await nextMessage(socket, 'event', 'backend.status');
    expect(event).toMatchObject({ event: 'backend.status', payload: { state: 'down' } });
    socket.close();
  });
});
