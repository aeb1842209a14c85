import { DEFAULT_SESSION_TIMING, KEY_ACTIONS } from '../../../shared/ipc/sessionDefaults';
import {
  KeyBindings,
  LanguageCode,
  SessionTiming,
  type Preferences,
} from '../../../shared/ipc/contract';
import type { KeyValueStore } from '../ports';

/**
 * Small user preferences. A value that no longer parses (an old version, a
 * hand-edited file) reads as its default rather than crashing start-up.
 */
/** Bindings of actions this version no longer has (the old "submit" on Enter) are dropped, the rest kept. */
function knownActionsOnly(stored: unknown): unknown {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return stored;
  return Object.fromEntries(Object.entries(stored).filter(([action]) => (KEY_ACTIONS as readonly string[]).includes(action)));
}

export function createPreferencesService(store: KeyValueStore) {
  function read(): Preferences {
    const language = LanguageCode.safeParse(store.get('language'));
    const keyBindings = KeyBindings.safeParse(knownActionsOnly(store.get('keyBindings')));
    const timing = SessionTiming.safeParse(store.get('timing'));
    return {
      language: language.success ? language.data : null,
      keyBindings: keyBindings.success ? keyBindings.data : {},
      timing: timing.success ? timing.data : DEFAULT_SESSION_TIMING,
    };
  }

  return {
    read,
    setLanguage(language: string): Preferences {
      store.set('language', LanguageCode.parse(language));
      return read();
    },
    setKeyBindings(keyBindings: KeyBindings): Preferences {
      store.set('keyBindings', KeyBindings.parse(keyBindings));
      return read();
    },
    setTiming(timing: SessionTiming): Preferences {
      store.set('timing', SessionTiming.parse(timing));
      return read();
    },
  };
}

export type PreferencesService = ReturnType<typeof createPreferencesService>;
