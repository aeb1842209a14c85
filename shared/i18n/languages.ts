/**
 * The UI languages Verdict ships. Endonyms come from here rather than
 * Intl.DisplayNames because Chromium's reduced ICU answers in English for
 * several of our locales (see docs/ARCHITECTURE.md, i18n). `english` is the
 * language's English name, so the picker's search finds "Japanese" as well as
 * "日本語"; `script` names the writing system, which decides the bundled font.
 */
export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'arabic'
  | 'hebrew'
  | 'armenian'
  | 'georgian'
  | 'ethiopic'
  | 'devanagari'
  | 'bengali'
  | 'gujarati'
  | 'gurmukhi'
  | 'kannada'
  | 'malayalam'
  | 'tamil'
  | 'telugu'
  | 'sinhala'
  | 'thai'
  | 'khmer'
  | 'myanmar'
  | 'japanese'
  | 'korean'
  | 'han-simplified'
  | 'han-traditional';

export interface UiLanguage {
  code: string;
  endonym: string;
  english: string;
  dir: 'ltr' | 'rtl';
  script: Script;
  /** A generated locale for layout testing; never offered to raters by default. */
  pseudo?: boolean;
}

export const SOURCE_LANGUAGE = 'en';
export const PSEUDO_LANGUAGE = 'en-XA';

const ltr = (code: string, endonym: string, english: string, script: Script = 'latin'): UiLanguage => ({
  code,
  endonym,
  english,
  dir: 'ltr',
  script,
});
const rtl = (code: string, endonym: string, english: string, script: Script): UiLanguage => ({
  code,
  endonym,
  english,
  dir: 'rtl',
  script,
});

/** The 70 shipped UI locales, plus the development-only pseudo-locale at the end. */
export const UI_LANGUAGES: readonly UiLanguage[] = [
  ltr('af', 'Afrikaans', 'Afrikaans'),
  ltr('am', 'አማርኛ', 'Amharic', 'ethiopic'),
  rtl('ar', 'العربية', 'Arabic', 'arabic'),
  ltr('az', 'Azərbaycanca', 'Azerbaijani'),
  ltr('bg', 'Български', 'Bulgarian', 'cyrillic'),
  ltr('bn', 'বাংলা', 'Bengali', 'bengali'),
  ltr('bs', 'Bosanski', 'Bosnian'),
  ltr('ca', 'Català', 'Catalan'),
  ltr('cs', 'Čeština', 'Czech'),
  ltr('da', 'Dansk', 'Danish'),
  ltr('de', 'Deutsch', 'German'),
  ltr('el', 'Ελληνικά', 'Greek', 'greek'),
  ltr('en', 'English', 'English'),
  ltr('es', 'Español (España)', 'Spanish (Spain)'),
  ltr('es-419', 'Español (Latinoamérica)', 'Spanish (Latin America)'),
  ltr('et', 'Eesti', 'Estonian'),
  rtl('fa', 'فارسی', 'Persian', 'arabic'),
  ltr('fi', 'Suomi', 'Finnish'),
  ltr('fil', 'Filipino', 'Filipino'),
  ltr('fr', 'Français', 'French'),
  ltr('gu', 'ગુજરાતી', 'Gujarati', 'gujarati'),
  ltr('ha', 'Hausa', 'Hausa'),
  rtl('he', 'עברית', 'Hebrew', 'hebrew'),
  ltr('hi', 'हिन्दी', 'Hindi', 'devanagari'),
  ltr('hr', 'Hrvatski', 'Croatian'),
  ltr('hu', 'Magyar', 'Hungarian'),
  ltr('hy', 'Հայերեն', 'Armenian', 'armenian'),
  ltr('id', 'Bahasa Indonesia', 'Indonesian'),
  ltr('it', 'Italiano', 'Italian'),
  ltr('ja', '日本語', 'Japanese', 'japanese'),
  ltr('ka', 'ქართული', 'Georgian', 'georgian'),
  ltr('kk', 'Қазақ тілі', 'Kazakh', 'cyrillic'),
  ltr('km', 'ខ្មែរ', 'Khmer', 'khmer'),
  ltr('kn', 'ಕನ್ನಡ', 'Kannada', 'kannada'),
  ltr('ko', '한국어', 'Korean', 'korean'),
  ltr('lt', 'Lietuvių', 'Lithuanian'),
  ltr('lv', 'Latviešu', 'Latvian'),
  ltr('mk', 'Македонски', 'Macedonian', 'cyrillic'),
  ltr('ml', 'മലയാളം', 'Malayalam', 'malayalam'),
  ltr('mn', 'Монгол', 'Mongolian', 'cyrillic'),
  ltr('mr', 'मराठी', 'Marathi', 'devanagari'),
  ltr('ms', 'Bahasa Melayu', 'Malay'),
  ltr('my', 'မြန်မာ', 'Burmese', 'myanmar'),
  ltr('nb', 'Norsk bokmål', 'Norwegian Bokmål'),
  ltr('ne', 'नेपाली', 'Nepali', 'devanagari'),
  ltr('nl', 'Nederlands', 'Dutch'),
  ltr('pa', 'ਪੰਜਾਬੀ', 'Punjabi', 'gurmukhi'),
  ltr('pl', 'Polski', 'Polish'),
  ltr('pt-BR', 'Português (Brasil)', 'Portuguese (Brazil)'),
  ltr('pt-PT', 'Português (Portugal)', 'Portuguese (Portugal)'),
  ltr('ro', 'Română', 'Romanian'),
  ltr('ru', 'Русский', 'Russian', 'cyrillic'),
  ltr('si', 'සිංහල', 'Sinhala', 'sinhala'),
  ltr('sk', 'Slovenčina', 'Slovak'),
  ltr('sl', 'Slovenščina', 'Slovenian'),
  ltr('sq', 'Shqip', 'Albanian'),
  // Serbian ships in Cyrillic, its official script; sr-Latn requests land here too.
  ltr('sr', 'Српски (ћирилица)', 'Serbian (Cyrillic)', 'cyrillic'),
  ltr('sv', 'Svenska', 'Swedish'),
  ltr('sw', 'Kiswahili', 'Swahili'),
  ltr('ta', 'தமிழ்', 'Tamil', 'tamil'),
  ltr('te', 'తెలుగు', 'Telugu', 'telugu'),
  ltr('th', 'ไทย', 'Thai', 'thai'),
  ltr('tr', 'Türkçe', 'Turkish'),
  ltr('uk', 'Українська', 'Ukrainian', 'cyrillic'),
  rtl('ur', 'اردو', 'Urdu', 'arabic'),
  ltr('uz', 'Oʻzbekcha', 'Uzbek'),
  ltr('vi', 'Tiếng Việt', 'Vietnamese'),
  ltr('zh-CN', '中文（简体）', 'Chinese (Simplified)', 'han-simplified'),
  ltr('zh-TW', '中文（繁體）', 'Chinese (Traditional)', 'han-traditional'),
  ltr('zu', 'isiZulu', 'Zulu'),
  { ...ltr(PSEUDO_LANGUAGE, '[Ƥšéúðö]', 'Pseudo-locale'), pseudo: true },
];

/** The languages raters can pick; the pseudo-locale only when a developer asks for it. */
export function pickableLanguages(includePseudo: boolean): UiLanguage[] {
  return UI_LANGUAGES.filter((language) => includePseudo || !language.pseudo);
}

export function findUiLanguage(code: string | null | undefined): UiLanguage | undefined {
  if (!code) return undefined;
  const lower = code.toLowerCase();
  return UI_LANGUAGES.find((language) => language.code.toLowerCase() === lower);
}

/**
 * Tags that do not name a shipped locale directly but have an obvious one.
 * Keys are lower-case BCP 47 prefixes, tried longest first.
 */
const CLOSEST: Record<string, string> = {
  'zh-hant': 'zh-TW',
  'zh-hk': 'zh-TW',
  'zh-mo': 'zh-TW',
  'zh-tw': 'zh-TW',
  'zh-hans': 'zh-CN',
  'zh-sg': 'zh-CN',
  zh: 'zh-CN',
  pt: 'pt-BR',
  'es-es': 'es',
  'es-ea': 'es',
  'es-ic': 'es',
  es: 'es-419',
  no: 'nb',
  nn: 'nb',
  tl: 'fil',
  iw: 'he',
  in: 'id',
  'sr-latn': 'sr',
  'pt-ao': 'pt-PT',
  'pt-mz': 'pt-PT',
  'pt-cv': 'pt-PT',
  'pt-gw': 'pt-PT',
  'pt-st': 'pt-PT',
  'pt-tl': 'pt-PT',
  'pt-ch': 'pt-PT',
  'pt-lu': 'pt-PT',
};

/**
 * Picks the best shipped language for a requested tag: an exact match, then
 * the closest shipped variant (es-MX → es-419, pt → pt-BR, zh-Hant → zh-TW,
 * nn → nb…), then the base language ("ar-EG" → "ar"), then English. Unknown
 * or malformed tags never throw. The pseudo-locale resolves only by exact tag.
 */
export function resolveUiLanguage(requested: string | null | undefined): UiLanguage {
  const exact = findUiLanguage(requested);
  if (exact) return exact;
  const subtags = (requested ?? '').toLowerCase().replace(/_/g, '-').split('-').filter(Boolean);
  for (let length = subtags.length; length > 0; length--) {
    const prefix = subtags.slice(0, length).join('-');
    const mapped = CLOSEST[prefix] ?? (length === 1 ? prefix : undefined);
    const language = mapped ? findUiLanguage(mapped) : undefined;
    if (language && !language.pseudo) return language;
  }
  return findUiLanguage(SOURCE_LANGUAGE) as UiLanguage;
}

/** True when a tag asked for a script we do not ship and the rater should be told (sr-Latn → Cyrillic). */
export function resolvedWithScriptChange(requested: string | null | undefined): boolean {
  return /^sr[-_]latn/i.test(requested ?? '');
}

/**
 * The first of the system's preferred languages that resolves to something
 * other than the English fallback, else English: a French-first system with
 * Klingon second gets French, an Amharic-first one gets Amharic.
 */
export function resolveFirstUiLanguage(requested: readonly string[]): UiLanguage {
  for (const tag of requested) {
    const language = resolveUiLanguage(tag);
    if (language.code !== SOURCE_LANGUAGE || /^en\b/i.test(tag)) return language;
  }
  return findUiLanguage(SOURCE_LANGUAGE) as UiLanguage;
}
