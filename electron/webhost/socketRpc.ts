import type { WebSocket } from 'ws';
import { ipcFail } from '../../shared/ipc/envelope';
import type { Dispatch } from '../main/ipc/dispatch';
import type { EventBus } from '../main/services/eventBus';

/**
 * RendererApi over a WebSocket: the renderer sends
 * {kind:'invoke', id, channel, args} and gets {kind:'result', id, result};
 * main pushes {kind:'event', event, payload}. The dispatcher validates the
 * channel and arguments exactly as it does for Electron IPC.
 */
export function serveRendererApi(socket: WebSocket, dispatch: Dispatch, bus: EventBus): void {
  const send = (message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const forward = (event: string, payload: unknown) => send({ kind: 'event', event, payload });
  const unsubscribe = bus.subscribe(forward);
  socket.on('close', unsubscribe);
  bus.replayTo(forward);

  socket.on('message', async (data) => {
    const message = parseMessage(data.toString());
    if (!message) {
      send({ kind: 'result', id: null, result: ipcFail('invalid_arguments', 'message is not a valid invoke request') });
      return;
    }
    send({ kind: 'result', id: message.id, result: await dispatch(message.channel, message.args) });
  });
}

interface InvokeMessage {
  id: number;
  channel: unknown;
  args: unknown;
}

function parseMessage(text: string): InvokeMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const { kind, id, channel, args } = value as Record<string, unknown>;
  if (kind !== 'invoke' || typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
  return { id, channel, args };
}
