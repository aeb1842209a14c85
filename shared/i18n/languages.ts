/**
 * The UI languages Verdict ships. Endonyms come from here rather than
 * Intl.DisplayNames because Chromium's reduced ICU answers in English for
 * several of our locales (see docs/ARCHITECTURE.md, i18n).
 */
export interface UiLanguage {
  code: string;
  endonym: string;
  dir: 'ltr' | 'rtl';
  /** A generated locale for layout testing; never offered to raters by default. */
  pseudo?: boolean;
}

export const SOURCE_LANGUAGE = 'en';
export const PSEUDO_LANGUAGE = 'en-XA';

export const UI_LANGUAGES: readonly UiLanguage[] = [
  { code: 'en', endonym: 'English', dir: 'ltr' },
  { code: 'ar', endonym: 'العربية', dir: 'rtl' },
  { code: PSEUDO_LANGUAGE, endonym: '[Ƥšéúðö]', dir: 'ltr', pseudo: true },
];

export function findUiLanguage(code: string | null | undefined): UiLanguage | undefined {
  return UI_LANGUAGES.find((language) => language.code === code);
}

/**
 * Picks the best shipped language for a requested tag: exact match, then the
 * base language ("pt-BR" → "pt"), then English. Unknown tags never throw.
 */
export function resolveUiLanguage(requested: string | null | undefined): UiLanguage {
  const exact = findUiLanguage(requested);
  if (exact) return exact;
  const base = requested?.split('-')[0]?.toLowerCase();
  const byBase = UI_LANGUAGES.find((language) => !language.pseudo && language.code === base);
  return byBase ?? (findUiLanguage(SOURCE_LANGUAGE) as UiLanguage);
}
