import i18next, { type i18n } from 'i18next';
import { resolveUiLanguage, SOURCE_LANGUAGE } from '../../../shared/i18n/languages';
import { MAIN_MESSAGES } from './mainLocales';

/**
 * The few strings main shows itself (native dialogs), in the rater's UI
 * language, from the same locales/ files as the renderer (see mainLocales.ts).
 */
let instance: i18n | null = null;

function translator(): i18n {
  if (instance) return instance;
  instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    fallbackLng: SOURCE_LANGUAGE,
    resources: Object.fromEntries(Object.entries(MAIN_MESSAGES).map(([code, main]) => [code, { main }])),
    defaultNS: 'main',
    interpolation: { escapeValue: false },
  });
  return instance;
}

export function mainText(language: string | null, key: string, options: Record<string, unknown> = {}): string {
  return translator().t(key, { ...options, lng: resolveUiLanguage(language).code });
}
