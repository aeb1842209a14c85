import type { EventName, InvokeChannel, RendererApi } from '../../../shared/ipc/contract';
import { ipcFail, type IpcResult } from '../../../shared/ipc/envelope';

type Listener = (payload: unknown) => void;
interface Pending {
  resolve: (result: IpcResult<unknown>) => void;
}

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;
const PAGE_TOKEN_KEY = 'verdict.pageToken';

/** Thrown when the page was opened without the web host's launch secret (and holds no page token). */
export class NotLaunchedError extends Error {
  override name = 'NotLaunchedError';
}

/**
 * The page's credential for /rpc (see electron/webhost/session.ts): the page
 * token it already earned in this tab, else the launch secret from the URL
 * fragment, which is removed from the address bar at once so it is neither
 * shown, bookmarked nor kept in history.
 */
function readCredential(location: Location, storage: Storage): { pageToken: string | null; launchSecret: string | null } {
  const launchSecret = new URLSearchParams(location.hash.slice(1)).get('secret');
  if (launchSecret) history.replaceState(null, '', `${location.pathname}${location.search}`);
  return { pageToken: storage.getItem(PAGE_TOKEN_KEY), launchSecret };
}

/**
 * RendererApi spoken to the web host over one WebSocket on our own origin.
 * The socket proves itself with a one-time launch secret, traded for a
 * per-page token (no cookie: Chromium would send it to every local port).
 * If the host restarts, the socket reconnects by itself; calls made while it
 * is down wait for it, calls cut off mid-flight answer 'disconnected' because
 * we cannot know whether main ran them.
 */
export function createWebSocketApi(location: Location, storage: Storage = window.sessionStorage): RendererApi {
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`;
  const credential = readCredential(location, storage);
  if (!credential.pageToken && !credential.launchSecret) throw new NotLaunchedError('opened without the web host’s launch secret');
  const listeners = new Map<string, Set<Listener>>();
  const inFlight = new Map<number, Pending>();
  const queued: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let delay = RECONNECT_MIN_MS;

  function protocols(): string[] {
    const offered: string[] = [];
    if (credential.pageToken) offered.push(`verdict.page.${credential.pageToken}`);
    if (credential.launchSecret) offered.push(`verdict.launch.${credential.launchSecret}`);
    return offered;
  }

  function connect(): void {
    const current = new WebSocket(socketUrl, protocols());
    socket = current;
    current.onopen = () => {
      delay = RECONNECT_MIN_MS;
      for (const message of queued.splice(0)) current.send(message);
    };
    current.onmessage = (event) => handleMessage(String(event.data));
    current.onclose = () => {
      for (const [id, pending] of inFlight) {
        pending.resolve(ipcFail('disconnected', 'the connection to the app host was lost'));
        inFlight.delete(id);
      }
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    };
  }

  function handleMessage(text: string): void {
    const message = JSON.parse(text) as { kind: string; id?: number; result?: IpcResult<unknown>; event?: string; payload?: unknown; pageToken?: unknown };
    if (message.kind === 'hello' && typeof message.pageToken === 'string') {
      // The launch secret is spent; from now on this tab proves itself with its page token.
      credential.pageToken = message.pageToken;
      credential.launchSecret = null;
      storage.setItem(PAGE_TOKEN_KEY, credential.pageToken);
    } else if (message.kind === 'result' && typeof message.id === 'number') {
      inFlight.get(message.id)?.resolve(message.result as IpcResult<unknown>);
      inFlight.delete(message.id);
    } else if (message.kind === 'event' && message.event) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  }

  connect();

  function invoke(channel: InvokeChannel, args: unknown): Promise<IpcResult<unknown>> {
    const id = nextId++;
    const text = JSON.stringify({ kind: 'invoke', id, channel, args });
    return new Promise((resolve) => {
      inFlight.set(id, { resolve });
      if (socket?.readyState === WebSocket.OPEN) socket.send(text);
      else queued.push(text);
    });
  }

  function on(event: EventName, listener: Listener): () => void {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  }

  // The generic signatures of RendererApi are enforced at the call sites (bridge/index.ts);
  // on the wire every channel is just a name and a JSON value.
  return { invoke, on } as RendererApi;
}
