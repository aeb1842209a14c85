import { create } from 'zustand';
import { call } from '../bridge';
import { changeUiLanguage } from '../i18n';

interface PreferencesState {
  language: string | null;
  setLanguage(language: string): Promise<void>;
}

/** The UI language: persisted by main, applied to i18next and <html lang dir> here. */
export const usePreferences = create<PreferencesState>((set) => ({
  language: null,
  async setLanguage(language) {
    await changeUiLanguage(language);
    const saved = await call('prefs.setLanguage', { language });
    set({ language: saved.language });
  },
}));
