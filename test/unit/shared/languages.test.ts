import { describe, expect, it } from 'vitest';
import {
  pickableLanguages,
  resolvedWithScriptChange,
  resolveFirstUiLanguage,
  resolveUiLanguage,
  UI_LANGUAGES,
} from '../../../shared/i18n/languages';

describe('choosing a UI language', () => {
  it('uses an exact match', () => {
    expect(resolveUiLanguage('ar').code).toBe('ar');
  });

  it('falls back from a regional tag to its base language', () => {
    expect(resolveUiLanguage('ar-EG').code).toBe('ar');
  });

  it.each([null, undefined, '', 'xx', 'tlh-Piqd', '../../etc/passwd'])('falls back to English for %j', (tag) => {
    expect(resolveUiLanguage(tag).code).toBe('en');
  });

  it('marks Arabic right-to-left and English left-to-right', () => {
    expect(resolveUiLanguage('ar').dir).toBe('rtl');
    expect(resolveUiLanguage('en').dir).toBe('ltr');
  });

  it('lists every language once', () => {
    const codes = UI_LANGUAGES.map((language) => language.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('the start-up language', () => {
  it.each([
    ['es-MX', 'es-419'],
    ['es-AR', 'es-419'],
    ['es-ES', 'es'],
    ['pt', 'pt-BR'],
    ['pt-AO', 'pt-PT'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['nn', 'nb'],
    ['no', 'nb'],
    ['nb-NO', 'nb'],
    ['sr-Latn', 'sr'],
    ['sr-Latn-RS', 'sr'],
    ['fil-PH', 'fil'],
    ['tl', 'fil'],
    ['iw', 'he'],
    ['de_AT', 'de'],
    ['PT-br', 'pt-BR'],
  ])('%s becomes %s', (tag, expected) => {
    expect(resolveUiLanguage(tag).code).toBe(expected);
  });

  it('never offers the pseudo-locale by a near match', () => {
    expect(resolveUiLanguage('en-XB').code).toBe('en');
    expect(resolveUiLanguage('en-XA').code).toBe('en-XA');
  });

  it('takes the first system language we ship, else English', () => {
    expect(resolveFirstUiLanguage(['tlh', 'fr-CA', 'de']).code).toBe('fr');
    expect(resolveFirstUiLanguage(['en-GB', 'fr']).code).toBe('en');
    expect(resolveFirstUiLanguage(['xx', 'yy']).code).toBe('en');
    expect(resolveFirstUiLanguage([]).code).toBe('en');
  });

  it('says when Serbian in Latin script was asked for (we ship Cyrillic)', () => {
    expect(resolvedWithScriptChange('sr-Latn')).toBe(true);
    expect(resolvedWithScriptChange('sr')).toBe(false);
  });
});

describe('the shipped language table', () => {
  it('has the 70 UI locales, four of them right-to-left', () => {
    const shipped = UI_LANGUAGES.filter((language) => !language.pseudo);
    expect(shipped).toHaveLength(70);
    expect(shipped.filter((language) => language.dir === 'rtl').map((language) => language.code)).toEqual([
      'ar',
      'fa',
      'he',
      'ur',
    ]);
  });

  it('hides the pseudo-locale from raters unless a developer asks', () => {
    expect(pickableLanguages(false).some((language) => language.pseudo)).toBe(false);
    expect(pickableLanguages(true).some((language) => language.pseudo)).toBe(true);
  });
});
