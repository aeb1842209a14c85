import { z } from 'zod';
import { invokeContract, isInvokeChannel, type InvokeHandlers } from '../../../shared/ipc/contract';
import { ipcFail, ipcOk, type IpcResult } from '../../../shared/ipc/envelope';

/** Errors that mean "the rules say no", not "something broke": reported as 'refused', not logged as failures. */
const REFUSALS = new Set(['SessionError', 'JournalError']);

export type Dispatch = (channel: unknown, args: unknown) => Promise<IpcResult<unknown>>;

/**
 * The single gate every renderer call passes, whichever host carried it:
 * unknown channels and arguments that fail the channel's schema are answered
 * with a clear error before any handler runs. Handler failures become an
 * 'internal' envelope so main never crashes on a renderer request.
 */
export function createDispatch(handlers: InvokeHandlers, log: (message: string) => void = console.error): Dispatch {
  return async (channel, args) => {
    if (!isInvokeChannel(channel)) {
      return ipcFail('unknown_channel', `unknown IPC channel ${JSON.stringify(channel)}`);
    }
    const parsed = invokeContract[channel].args.safeParse(args ?? {});
    if (!parsed.success) {
      return ipcFail('invalid_arguments', `${channel}: ${z.prettifyError(parsed.error)}`);
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      return ipcOk(await handler(parsed.data));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof Error && REFUSALS.has(error.name)) return ipcFail('refused', message);
      log(`IPC handler ${channel} failed: ${message}`);
      return ipcFail('internal', `${channel} failed: ${message}`);
    }
  };
}
