import i18next, { type PostProcessorModule } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { PSEUDO_LANGUAGE, resolveFirstUiLanguage, resolveUiLanguage, SOURCE_LANGUAGE } from '../../../shared/i18n/languages';
import { cjkFamilyForLanguage, loadCjkFamily } from '../fonts';
import { pseudoLocalize } from './pseudo';

/** Every locale file is its own lazily loaded chunk: a rater downloads only their language. */
const localeFiles = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../../locales/*/*.json',
  // Tooling data (glossaries, review records), never loaded by the app.
  '!../../../locales/_*/*.json',
]);

export const NAMESPACES = ['common', 'response', 'leaderboard', 'supervisor'] as const;

const pseudoProcessor: PostProcessorModule = {
  type: 'postProcessor',
  name: 'pseudo',
  process: (value: string, _key: unknown, _options: unknown, translator: { language?: string }) =>
    translator.language === PSEUDO_LANGUAGE ? pseudoLocalize(value) : value,
};

async function loadLocale(language: string, namespace: string): Promise<Record<string, unknown>> {
  const source = language === PSEUDO_LANGUAGE ? SOURCE_LANGUAGE : language;
  const load = localeFiles[`../../../locales/${source}/${namespace}.json`];
  if (!load) throw new Error(`no locale file for ${source}/${namespace}`);
  return (await load()).default;
}

/** Keeps <html lang dir> in step with the language, so RTL and fonts follow. */
function applyDocumentLanguage(code: string): void {
  const language = resolveUiLanguage(code);
  const family = cjkFamilyForLanguage(language.code);
  if (family) void loadCjkFamily(family);
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.dir;
}

/**
 * Starts i18next in the rater's remembered language, else the first of the
 * system's languages we ship (or its closest variant), else English. Only the
 * chosen language's files are fetched (one lazy chunk per locale file).
 */
export async function initI18n(remembered: string | null, systemLanguages: readonly string[] = []): Promise<typeof i18next> {
  const language = remembered ? resolveUiLanguage(remembered) : resolveFirstUiLanguage(systemLanguages);
  i18next.on('languageChanged', applyDocumentLanguage);
  await i18next
    .use(resourcesToBackend(loadLocale))
    .use(pseudoProcessor)
    .use(initReactI18next)
    .init({
      lng: language.code,
      fallbackLng: SOURCE_LANGUAGE,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      postProcess: ['pseudo'],
      returnEmptyString: false,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
  applyDocumentLanguage(i18next.language);
  return i18next;
}

export async function changeUiLanguage(code: string): Promise<void> {
  await i18next.changeLanguage(resolveUiLanguage(code).code);
}
