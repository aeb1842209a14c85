import i18next, { type i18n } from 'i18next';
import ar from '../../../locales/ar/main.json' with { type: 'json' };
import en from '../../../locales/en/main.json' with { type: 'json' };
import { resolveUiLanguage, SOURCE_LANGUAGE } from '../../../shared/i18n/languages';

/**
 * The few strings main shows itself (native dialogs), in the rater's UI
 * language. Bundled as JSON imports rather than read from disk, so the
 * packaged app (which ships only out/) and the web host both have them.
 */
let instance: i18n | null = null;

function translator(): i18n {
  if (instance) return instance;
  instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    fallbackLng: SOURCE_LANGUAGE,
    resources: { en: { main: en }, ar: { main: ar } },
    defaultNS: 'main',
    interpolation: { escapeValue: false },
  });
  return instance;
}

export function mainText(language: string | null, key: string, options: Record<string, unknown> = {}): string {
  return translator().t(key, { ...options, lng: resolveUiLanguage(language).code });
}
