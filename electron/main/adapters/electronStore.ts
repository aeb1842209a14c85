import Store from 'electron-store';
import type { KeyValueStore } from '../ports';

/** Preferences in electron-store: small values only; votes live in the journal. */
export function createElectronPreferencesStore(): KeyValueStore {
  const store = new Store<Record<string, unknown>>({ name: 'preferences', clearInvalidConfig: true });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  };
}
