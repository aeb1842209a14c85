import type { EventName, InvokeChannel, RendererApi } from '../../../shared/ipc/contract';
import { ipcFail, type IpcResult } from '../../../shared/ipc/envelope';

type Listener = (payload: unknown) => void;
interface Pending {
  resolve: (result: IpcResult<unknown>) => void;
}

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/**
 * RendererApi spoken to the web host over one WebSocket on our own origin.
 * The session cookie (set by the host) authenticates the socket, so no secret
 * is visible here. If the host restarts, the socket reconnects by itself;
 * calls made while it is down wait for it, calls cut off mid-flight answer
 * 'disconnected' because we cannot know whether main ran them.
 */
export function createWebSocketApi(location: Location): RendererApi {
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`;
  const listeners = new Map<string, Set<Listener>>();
  const inFlight = new Map<number, Pending>();
  const queued: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let delay = RECONNECT_MIN_MS;

  function connect(): void {
    const current = new WebSocket(socketUrl);
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
    const message = JSON.parse(text) as { kind: string; id?: number; result?: IpcResult<unknown>; event?: string; payload?: unknown };
    if (message.kind === 'result' && typeof message.id === 'number') {
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
