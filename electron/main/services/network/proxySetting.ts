import { ProxySetting, type ProxyState } from '../../../../shared/ipc/features/desktopContract';
import type { KeyValueStore } from '../../ports';

/** Applies a proxy setting to the transport (Electron: session.setProxy on the default session). */
export interface ProxyPort {
  /** False where the transport cannot be configured from the app (the web host's Node stack). */
  readonly configurable: boolean;
  apply(setting: ProxySetting): Promise<void>;
}

const STORE_KEY = 'proxy';
const SYSTEM: ProxySetting = { mode: 'system' };

/**
 * The rater's proxy choice: the system's (default), none, or manual rules.
 * Persisted, applied at start-up before the first request, and re-applied at
 * once when changed. A stored value that no longer parses reads as "system":
 * a broken setting must never cut the rater off from the server.
 */
export function createProxySettings(store: KeyValueStore, port: ProxyPort) {
  function current(): ProxySetting {
    const parsed = ProxySetting.safeParse(store.get(STORE_KEY));
    return parsed.success ? parsed.data : SYSTEM;
  }
  const state = (): ProxyState => ({ setting: port.configurable ? current() : SYSTEM, configurable: port.configurable });

  return {
    state,
    /** At start-up; a failure to apply falls back to the system's proxy rather than blocking start. */
    async applyStored(log: (message: string) => void = () => undefined): Promise<void> {
      if (!port.configurable) return;
      try {
        await port.apply(current());
      } catch (error) {
        log(`proxy setting could not be applied, using the system's: ${(error as Error).message}`);
        await port.apply(SYSTEM);
      }
    },
    async set(setting: ProxySetting): Promise<ProxyState> {
      if (!port.configurable) return state();
      const valid = ProxySetting.parse(setting);
      await port.apply(valid);
      store.set(STORE_KEY, valid);
      return state();
    },
  };
}

export type ProxySettings = ReturnType<typeof createProxySettings>;
