import { describe, expect, it } from 'vitest';
import { resolveUiLanguage, UI_LANGUAGES } from '../../../shared/i18n/languages';

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
