import type { EventName, EventPayload } from '../../../shared/ipc/contract';

type AnyListener = (event: EventName, payload: unknown) => void;

/**
 * Fans main-process events out to whichever host is attached (an Electron
 * window, web-host sockets). Events here describe state, so the bus keeps the
 * latest payload of each: a window that reloads or a socket that reconnects
 * can be brought up to date without asking every service again.
 */
export class EventBus {
  private readonly listeners = new Set<AnyListener>();
  private readonly latest = new Map<EventName, unknown>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.latest.set(event, payload);
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replays the latest payload of every event to one listener. */
  replayTo(listener: AnyListener): void {
    for (const [event, payload] of this.latest) listener(event, payload);
  }
}
