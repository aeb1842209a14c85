import i18next from 'i18next';
import { findUiLanguage, PSEUDO_LANGUAGE, SOURCE_LANGUAGE } from '../../../shared/i18n/languages';

/**
 * Intl in the UI language, with a deliberate fallback. Chromium's ICU lacks
 * data for some of our locales (or, in reduced builds, answers in English);
 * Intl then silently uses the process's default locale, which may be anything.
 * Every formatter here asks for [language, its base language, English] so the
 * fallback is always English, never "undefined" and never a throw.
 */
export function intlLocales(language: string | null | undefined): string[] {
  if (!language || language === PSEUDO_LANGUAGE) return [SOURCE_LANGUAGE];
  const base = language.split('-')[0] ?? language;
  return [...new Set([language, base, SOURCE_LANGUAGE])].filter(isWellFormed);
}

function isWellFormed(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** True when ICU really has `kind` data for the language (not just the English fallback). */
function hasLocaleData(resolved: string, language: string): boolean {
  const base = language.split('-')[0];
  return resolved.split('-')[0] === base;
}

/**
 * Intl formatters by key. Building one costs far more than using it (ICU loads and resolves
 * locale data), and headers and lists format on every render, so each is built once.
 */
const formatters = new Map<string, unknown>();

function cached<T>(key: string, build: () => T): T {
  if (!formatters.has(key)) formatters.set(key, build());
  return formatters.get(key) as T;
}

function displayNames(language: string, type: 'language' | 'region'): Intl.DisplayNames | null {
  return cached(`names:${type}:${language}`, () => {
    try {
      return new Intl.DisplayNames(intlLocales(language), { type, fallback: 'none' });
    } catch {
      return null;
    }
  });
}

/**
 * A language's name in the UI language: "Japanese" in English, "japonais" in
 * French. Where ICU has no names for the UI language, the language's own name
 * from our table (日本語) reads better than an English word, then English.
 */
export function languageName(code: string, uiLanguage: string): string {
  const names = displayNames(uiLanguage, 'language');
  let name: string | undefined;
  try {
    name = names?.of(code);
  } catch {
    name = undefined;
  }
  const trusted = names && hasLocaleData(names.resolvedOptions().locale, uiLanguage);
  if (name && (trusted || uiLanguage.startsWith(SOURCE_LANGUAGE))) return name;
  return findUiLanguage(code)?.endonym ?? name ?? englishName(code, 'language') ?? code;
}

/** A country's name in the UI language, else in English, else its code. */
export function regionName(code: string, uiLanguage: string): string {
  try {
    return displayNames(uiLanguage, 'region')?.of(code.toUpperCase()) ?? englishName(code, 'region') ?? code;
  } catch {
    return code;
  }
}

function englishName(code: string, type: 'language' | 'region'): string | undefined {
  try {
    return displayNames(SOURCE_LANGUAGE, type)?.of(code);
  } catch {
    return undefined;
  }
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/**
 * "5 minutes ago" / "in 3 hours" from a signed difference in milliseconds.
 * Where ICU has no relative-time data for the UI language (Debian's Chromium
 * lacks Burmese, Khmer, Sinhala, Zulu… and would answer in English), our own
 * translated units say it instead (common:time.*).
 */
export function relativeTime(deltaMs: number, uiLanguage: string): string {
  const [unit, size] = RELATIVE_UNITS.find(([, ms]) => Math.abs(deltaMs) >= ms) ?? ['second', 1_000];
  const value = Math.round(deltaMs / size);
  const format = cached(`relative:${uiLanguage}`, () => new Intl.RelativeTimeFormat(intlLocales(uiLanguage), { numeric: 'auto' }));
  if (uiLanguage.startsWith(SOURCE_LANGUAGE) || hasLocaleData(format.resolvedOptions().locale, uiLanguage)) {
    return format.format(value, unit);
  }
  if (value === 0) return i18next.t('common:time.now');
  const duration = i18next.t(`common:time.${unit}`, { count: Math.abs(value) });
  return i18next.t(value < 0 ? 'common:time.ago' : 'common:time.in', { duration });
}

/** A readable label for an id we have no translation for: "role_play" → "Role play". */
export function humanizeId(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toLocaleUpperCase() + words.slice(1) : id;
}

type Translate = (key: string, options: { ns: string; defaultValue: string }) => string;

/** A task category in the UI language; an unknown category reads as its id, humanised ("role_play" → "Role play"). */
export function categoryLabel(t: Translate, id: string): string {
  return t(`category.${id}`, { ns: 'common', defaultValue: humanizeId(id) });
}
