import { describe, expect, it } from 'vitest';
import { mainText } from '../../../electron/main/services/mainText';

describe('strings main shows in native dialogs', () => {
  it('follow the UI language, with its plural forms', () => {
    expect(mainText('ar', 'quit.unsent', { count: 2 })).toBe('صوتان لم يُرسلا بعد');
    expect(mainText('en', 'quit.unsent', { count: 2 })).toBe('2 votes are not sent yet');
  });

  it('fall back to English for an unknown or missing language', () => {
    expect(mainText('xx-YY', 'link.open')).toBe('Open');
    expect(mainText(null, 'link.cancel')).toBe('Cancel');
  });
});

describe('the main-process message bundle', () => {
  it('carries every shipped language, so no dialog falls back to English', async () => {
    const { MAIN_MESSAGES } = await import('../../../electron/main/services/mainLocales');
    const { UI_LANGUAGES } = await import('../../../shared/i18n/languages');
    const shipped = UI_LANGUAGES.filter((language) => !language.pseudo).map((language) => language.code);
    expect(Object.keys(MAIN_MESSAGES).sort()).toEqual([...shipped].sort());
  });

  it('speaks each language in its own words', () => {
    expect(mainText('ja', 'link.cancel')).not.toBe('Cancel');
    expect(mainText('de', 'link.cancel')).not.toBe('Cancel');
    expect(mainText('he', 'link.cancel')).not.toBe('Cancel');
  });
});
