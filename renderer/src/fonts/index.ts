/**
 * Bundled fonts, so no rater sees tofu boxes on a machine without CJK, Indic,
 * Ethiopic, Myanmar, Khmer, Sinhala, Georgian or Armenian fonts (a clean
 * Debian has none of them). Noto families from @fontsource (SIL Open Font
 * License 1.1, see docs/ARCHITECTURE.md): every face is declared with a
 * unicode-range, so Chromium fetches a font file only when text on screen
 * needs one of its glyphs. Everything stays inside the app (CSP font-src 'self').
 *
 * The @font-face rules of the small scripts cost ~8 kB gzip and load with the
 * app. Each CJK family needs ~100 kB of @font-face rules (one per slice of
 * its character set), so those load on demand: for the UI language, for a
 * task's language, for text containing Han, kana or Hangul, and for the
 * language picker. Bold is synthesised for CJK (a second weight would add
 * ~13 MB to the app for little gain); the other scripts ship 400 and 700.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-hebrew/400.css';
import '@fontsource/noto-sans-hebrew/700.css';
import '@fontsource/noto-sans-armenian/400.css';
import '@fontsource/noto-sans-armenian/700.css';
import '@fontsource/noto-sans-georgian/400.css';
import '@fontsource/noto-sans-georgian/700.css';
import '@fontsource/noto-sans-ethiopic/400.css';
import '@fontsource/noto-sans-ethiopic/700.css';
import '@fontsource/noto-sans-devanagari/400.css';
import '@fontsource/noto-sans-devanagari/700.css';
import '@fontsource/noto-sans-bengali/400.css';
import '@fontsource/noto-sans-bengali/700.css';
import '@fontsource/noto-sans-gujarati/400.css';
import '@fontsource/noto-sans-gujarati/700.css';
import '@fontsource/noto-sans-gurmukhi/400.css';
import '@fontsource/noto-sans-gurmukhi/700.css';
import '@fontsource/noto-sans-kannada/400.css';
import '@fontsource/noto-sans-kannada/700.css';
import '@fontsource/noto-sans-malayalam/400.css';
import '@fontsource/noto-sans-malayalam/700.css';
import '@fontsource/noto-sans-tamil/400.css';
import '@fontsource/noto-sans-tamil/700.css';
import '@fontsource/noto-sans-telugu/400.css';
import '@fontsource/noto-sans-telugu/700.css';
import '@fontsource/noto-sans-sinhala/400.css';
import '@fontsource/noto-sans-sinhala/700.css';
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-thai/700.css';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-khmer/700.css';
import '@fontsource/noto-sans-myanmar/400.css';
import '@fontsource/noto-sans-myanmar/700.css';
import './fonts.css';

export type CjkFamily = 'jp' | 'kr' | 'sc' | 'tc';

const loaders: Record<CjkFamily, () => Promise<unknown>> = {
  jp: () => import('@fontsource/noto-sans-jp/400.css'),
  kr: () => import('@fontsource/noto-sans-kr/400.css'),
  sc: () => import('@fontsource/noto-sans-sc/400.css'),
  tc: () => import('@fontsource/noto-sans-tc/400.css'),
};
const loading = new Map<CjkFamily, Promise<unknown>>();

/** Declares a CJK family's faces (once); the glyph files themselves still load only as needed. */
export function loadCjkFamily(family: CjkFamily): Promise<unknown> {
  let promise = loading.get(family);
  if (!promise) {
    promise = loaders[family]().catch((error: unknown) => {
      loading.delete(family);
      console.warn(`font ${family} failed to load`, error);
    });
    loading.set(family, promise);
  }
  return promise;
}

/** The CJK family a language tag needs, if any. */
export function cjkFamilyForLanguage(tag: string | null | undefined): CjkFamily | null {
  const lower = (tag ?? '').toLowerCase();
  if (lower.startsWith('ja')) return 'jp';
  if (lower.startsWith('ko')) return 'kr';
  if (/^zh-(tw|hk|mo|hant)/.test(lower)) return 'tc';
  if (lower.startsWith('zh')) return 'sc';
  return null;
}

const HAN_OR_KANA_OR_HANGUL = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/**
 * Makes sure text in `language` (or, without a hint, any Han, kana or Hangul
 * in `text`) has a CJK font. Han without a language hint follows the UI
 * language, else Simplified Chinese.
 */
export function ensureFontsFor(language: string | null | undefined, text = '', uiLanguage = 'en'): void {
  const family = cjkFamilyForLanguage(language);
  if (family) {
    void loadCjkFamily(family);
    return;
  }
  if (!HAN_OR_KANA_OR_HANGUL.test(text)) return;
  if (/[\u3040-\u30ff]/.test(text)) void loadCjkFamily('jp');
  if (/[\uac00-\ud7af]/.test(text)) void loadCjkFamily('kr');
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) void loadCjkFamily(cjkFamilyForLanguage(uiLanguage) ?? 'sc');
}

/** The language picker shows every endonym, so it needs every CJK family declared. */
export function loadAllCjkFamilies(): Promise<unknown> {
  return Promise.all((['jp', 'kr', 'sc', 'tc'] as const).map(loadCjkFamily));
}
