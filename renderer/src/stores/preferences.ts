import { DEFAULT_SESSION_TIMING } from '../../../shared/ipc/sessionDefaults';
import { create } from 'zustand';
import { type KeyBindings, type Preferences, type SessionTiming } from '../../../shared/ipc/contract';
import { call } from '../bridge';
import { changeUiLanguage } from '../i18n';

interface PreferencesState extends Preferences {
  setLanguage(language: string): Promise<void>;
  setKeyBindings(keyBindings: KeyBindings): Promise<void>;
  setTiming(timing: SessionTiming): Promise<void>;
}

/** Preferences are persisted by main; this mirrors them and applies the language to i18next and <html lang dir>. */
export const usePreferences = create<PreferencesState>((set) => ({
  language: null,
  keyBindings: {},
  timing: DEFAULT_SESSION_TIMING,
  async setLanguage(language) {
    await changeUiLanguage(language);
    set(await call('prefs.setLanguage', { language }));
  },
  async setKeyBindings(keyBindings) {
    set(await call('prefs.setKeyBindings', { keyBindings }));
  },
  async setTiming(timing) {
    set(await call('prefs.setTiming', timing));
  },
}));
