import { ipcMain, type WebContents } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../../shared/ipc/channels';
import { ipcFail } from '../../../shared/ipc/envelope';
import type { EventBus } from '../services/eventBus';
import type { Dispatch } from './dispatch';
import { isTrustedSender } from './senderPolicy';

/**
 * Registers the one IPC entry point. The sender is checked before anything
 * else; the dispatcher then checks the channel and the arguments.
 */
export function registerIpc(dispatch: Dispatch): void {
  ipcMain.handle(IPC_INVOKE, (event, request: unknown) => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender(frame ? { url: frame.url, isTopFrame: frame.parent === null } : null);
    if (!trusted) return ipcFail('forbidden_sender', 'IPC is only answered for the app’s own top-level page');
    const { channel, args } = (request ?? {}) as { channel?: unknown; args?: unknown };
    return dispatch(channel, args);
  });
}

/** Forwards bus events to one window for as long as it lives. */
export function forwardEvents(bus: EventBus, contents: WebContents): void {
  const send = (event: string, payload: unknown) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT, { event, payload });
  };
  const unsubscribe = bus.subscribe(send);
  contents.on('did-finish-load', () => bus.replayTo(send));
  contents.once('destroyed', unsubscribe);
}
