import type {
  EventName,
  EventPayload,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  RendererApi,
} from '../../../shared/ipc/contract';
import { unwrapIpcResult } from '../../../shared/ipc/envelope';
import { createWebSocketApi } from './webSocketApi';

declare global {
  interface Window {
    /** Present only under Electron, exposed by the preload. */
    verdict?: RendererApi;
  }
}

let api: RendererApi | null = null;

/**
 * The renderer's only way to reach main. It picks the preload API under
 * Electron and the web host's socket in a browser; nothing else in the
 * renderer knows or cares which host it runs in.
 */
export function rendererApi(): RendererApi {
  api ??= window.verdict ?? createWebSocketApi(window.location);
  return api;
}

/** Replaces the API, for component tests. */
export function setRendererApi(next: RendererApi | null): void {
  api = next;
}

/** Calls main and returns the value, throwing IpcCallError on a failed envelope. */
export async function call<C extends InvokeChannel>(channel: C, args: InvokeArgs<C>): Promise<InvokeResult<C>> {
  return unwrapIpcResult(await rendererApi().invoke(channel, args));
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return rendererApi().on(event, listener);
}
