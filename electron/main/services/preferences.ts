import { LanguageCode, type Preferences } from '../../../shared/ipc/contract';
import type { KeyValueStore } from '../ports';

/**
 * Small user preferences. A value that no longer parses (an old version, a
 * hand-edited file) reads as unset rather than crashing start-up.
 */
export function createPreferencesService(store: KeyValueStore) {
  function read(): Preferences {
    const language = LanguageCode.safeParse(store.get('language'));
    return { language: language.success ? language.data : null };
  }

  return {
    read,
    setLanguage(language: string): Preferences {
      store.set('language', LanguageCode.parse(language));
      return read();
    },
  };
}

export type PreferencesService = ReturnType<typeof createPreferencesService>;
