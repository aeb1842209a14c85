import type { EventName, InvokeChannel, RendererApi } from '../../shared/ipc/contract';
import { ipcOk, type IpcResult } from '../../shared/ipc/envelope';

/**
 * An in-memory RendererApi for component tests: canned answers per channel,
 * and `emit` to play main pushing an event.
 */
export function createFakeRendererApi(answers: Partial<Record<InvokeChannel, (args: unknown) => unknown>>) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Array<{ channel: InvokeChannel; args: unknown }> = [];
  const api = {
    async invoke(channel: InvokeChannel, args: unknown): Promise<IpcResult<unknown>> {
      calls.push({ channel, args });
      const answer = answers[channel];
      if (!answer) throw new Error(`fake RendererApi has no answer for ${channel}`);
      return ipcOk(answer(args));
    },
    on(event: EventName, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  } as unknown as RendererApi;
  return {
    api,
    calls,
    emit(event: EventName, payload: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
