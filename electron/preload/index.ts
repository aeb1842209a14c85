import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, isEventName, isInvokeChannel } from '../../shared/ipc/channels';
import type { RendererApi } from '../../shared/ipc/contract';

/**
 * Exposes exactly RendererApi as window.verdict, nothing else: no ipcRenderer,
 * no raw events. Unknown channels are refused here already; main checks the
 * sender and the arguments again, because the preload is not the trust boundary.
 */
const api: RendererApi = {
  invoke(channel, args) {
    if (!isInvokeChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_channel', message: `unknown IPC channel ${JSON.stringify(channel)}` },
      });
    }
    return ipcRenderer.invoke(IPC_INVOKE, { channel, args });
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`unknown event ${JSON.stringify(event)}`);
    const handler = (_event: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message?.event === event) listener(message.payload as never);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('verdict', api);
