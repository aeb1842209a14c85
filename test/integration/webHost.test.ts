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
let cookie: string;

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
  const login = await fetch(host.url, { redirect: 'manual' });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  services.stop();
  await host.close();
});

function connect(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, { headers });
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
  it('prints a loopback URL carrying a secret', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?secret=[\w-]{40,}$/);
  });

  it('trades the secret for an HttpOnly, SameSite=Strict cookie and a redirect that drops it from the address', async () => {
    const response = await fetch(host.url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses a wrong secret', async () => {
    expect((await fetch(`${origin}/?secret=guess`, { redirect: 'manual' })).status).toBe(403);
  });

  it('refuses the page without the session cookie', async () => {
    expect((await fetch(`${origin}/`)).status).toBe(401);
  });

  it('serves the renderer with the strict CSP once signed in', async () => {
    const response = await fetch(`${origin}/`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('<title>t</title>');
  });

  it('never serves a file outside the renderer folder', async () => {
    const response = await fetch(`${origin}/..%2fsecret.txt`, { headers: { cookie } });
    expect(response.status).toBe(404);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example', cookie } }, (response) =>
        resolve(response.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(421);
  });

  it('refuses a socket without the session cookie', async () => {
    await expect(connect({ origin })).rejects.toThrow(/403/);
  });

  it('refuses a socket opened from another origin', async () => {
    await expect(connect({ origin: 'http://evil.example', cookie })).rejects.toThrow(/403/);
  });

  it('answers RendererApi calls over the socket', async () => {
    const socket = await connect({ origin, cookie });
    expect(await invoke(socket, 'app.getInfo', {})).toEqual({
      ok: true,
      value: { name: 'Verdict', version: '9.9.9', host: 'web', platform: 'linux', systemLanguages: [], developerLocales: false },
    });
    socket.close();
  });

  it('validates calls exactly as Electron IPC does', async () => {
    const socket = await connect({ origin, cookie });
    expect(await invoke(socket, 'shell.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await invoke(socket, 'prefs.setLanguage', { language: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' },
    });
    socket.close();
  });

  it('answers a malformed message with an error instead of dropping the socket', async () => {
    const socket = await connect({ origin, cookie });
    const answer = nextMessage(socket, 'result');
    socket.send('{not json');
    expect((await answer).result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('brings a new socket up to date with the latest backend status', async () => {
    await services.health.checkNow();
    // Listen before the handshake completes: the host replays state immediately.
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, { headers: { origin, cookie } });
    const event = await nextMessage(socket, 'event', 'backend.status');
    expect(event).toMatchObject({ event: 'backend.status', payload: { state: 'down' } });
    socket.close();
  });
});
