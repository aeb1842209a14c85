import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { MainServices } from '../main/composeServices';
import { contentTypeFor, RENDERER_CSP, resolveRendererAsset } from '../main/services/rendererAssets';
import { createSecret, isOwnHost, isOwnOrigin, offeredProtocols, PageCredentials } from './session';
import { serveRendererApi } from './socketRpc';

export interface WebHostOptions {
  services: MainServices;
  rendererRoot: string;
  port?: number;
  secret?: string;
}

export interface WebHost {
  /** The URL to open once: its fragment carries the one-time launch secret. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Serves the built renderer and RendererApi on 127.0.0.1 so the real app runs
 * in any browser where Electron cannot. Written on node:http + ws rather than
 * a framework: it serves static files and one socket, and must apply exactly
 * the same path rules and CSP as Electron's app:// handler (shared helpers).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = options.secret ?? createSecret();
  const credentials = new PageCredentials(secret);
  const server = http.createServer();
  // The protocol chosen for a socket is decided (and the launch secret spent) in the upgrade handler below.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, handleProtocols: (protocols) => [...protocols][0] ?? false });
  let port = 0;

  server.on('request', (request, response) => handleHttp(request, response, { port, root: options.rendererRoot }));
  server.on('upgrade', (request, socket, head) => {
    const ours = isOwnHost(request, port) && isOwnOrigin(request, port) && new URL(request.url ?? '/', 'http://x').pathname === '/rpc';
    const admitted = ours ? credentials.admit(offeredProtocols(request)) : null;
    if (!admitted) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    // Echo back only the protocol that admitted the socket.
    request.headers['sec-websocket-protocol'] = admitted.protocol;
    sockets.handleUpgrade(request, socket, head, (ws) => {
      if (admitted.newPageToken) ws.send(JSON.stringify({ kind: 'hello', pageToken: admitted.newPageToken }));
      serveRendererApi(ws, options.services.dispatch, options.services.events);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#secret=${secret}`,
    port,
    close: () => closeAll(server, sockets),
  };
}

interface HttpContext {
  port: number;
  root: string;
}

/**
 * Static files only: the renderer bundle is the same public code for everyone
 * and holds no data, so it needs no secret. Everything that reads or changes
 * anything goes over /rpc, which does.
 */
function handleHttp(request: IncomingMessage, response: ServerResponse, context: HttpContext): void {
  if (!isOwnHost(request, context.port)) return reply(response, 421, 'Misdirected request');
  if (request.method !== 'GET' && request.method !== 'HEAD') return reply(response, 405, 'Method not allowed');
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${context.port}`);
  if (url.searchParams.has('secret')) {
    return reply(response, 400, 'The secret goes after "#", not "?": open exactly the URL the web host printed.');
  }
  serveAsset(url.pathname, response, context.root);
}

function serveAsset(pathname: string, response: ServerResponse, root: string): void {
  const filePath = resolveRendererAsset(root, pathname);
  if (!filePath || !fs.existsSync(filePath) || !fs.statSync(filePath).isFile()) return reply(response, 404, 'Not found');
  response.writeHead(200, {
    'content-type': contentTypeFor(filePath),
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  fs.createReadStream(filePath).pipe(response);
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

async function closeAll(server: http.Server, sockets: WebSocketServer): Promise<void> {
  for (const client of sockets.clients) client.terminate();
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
