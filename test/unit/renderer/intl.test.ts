import { describe, expect, it } from 'vitest';
import { categoryLabel, humanizeId, intlLocales, languageName, regionName, relativeTime } from '../../../renderer/src/i18n/intl';

describe('Intl in the UI language', () => {
  it('asks for the language, its base, then English — never the process default', () => {
    expect(intlLocales('es-419')).toEqual(['es-419', 'es', 'en']);
    expect(intlLocales('de')).toEqual(['de', 'en']);
    expect(intlLocales('en-XA')).toEqual(['en']);
    expect(intlLocales(null)).toEqual(['en']);
    expect(intlLocales('not a tag!')).toEqual(['en']);
  });

  it('names languages in the UI language', () => {
    expect(languageName('ja', 'de')).toBe('Japanisch');
    expect(languageName('ja', 'en')).toBe('Japanese');
  });

  it('falls back to the endonym where ICU has no names for the UI language', () => {
    expect(languageName('ja', 'qaa')).toBe('日本語');
    expect(languageName('xx', 'qaa')).toBe('xx');
  });

  it('names countries, or at least shows the code', () => {
    expect(regionName('KE', 'fr')).toBe('Kenya');
    expect(regionName('ZZZ', 'fr')).toBe('ZZZ');
  });

  it('describes the past in the past tense', () => {
    expect(relativeTime(-9_000, 'en')).toBe('9 seconds ago');
    expect(relativeTime(-2 * 3_600_000, 'de')).toBe('vor 2 Stunden');
    expect(relativeTime(3 * 60_000, 'en')).toBe('in 3 minutes');
  });

  it('labels a category by its key, or humanises an id it does not know', () => {
    const t = (key: string, options: { defaultValue: string }) => (key === 'category.math' ? 'Mathematik' : options.defaultValue);
    expect(categoryLabel(t, 'math')).toBe('Mathematik');
    expect(categoryLabel(t, 'role_play')).toBe('Role play');
    expect(humanizeId('')).toBe('');
  });
});

describe('relative time where ICU has no data for the UI language', () => {
  it('uses our own translated units instead of falling back to English', async () => {
    const { initI18n } = await import('../../../renderer/src/i18n');
    const i18n = await initI18n('en');
    i18n.addResourceBundle('qaa', 'common', {
      time: { now: 'NOW', ago: '{{duration}} BACK', in: 'IN {{duration}}', hour_one: '{{count}} HR', hour_other: '{{count}} HRS', second_one: '{{count}} S', second_other: '{{count}} SS' },
    });
    await i18n.changeLanguage('qaa');
    expect(relativeTime(-2 * 3_600_000, 'qaa')).toBe('2 HRS BACK');
    expect(relativeTime(3_600_000, 'qaa')).toBe('IN 1 HR');
    expect(relativeTime(0, 'qaa')).toBe('NOW');
    await i18n.changeLanguage('en');
    expect(relativeTime(-9_000, 'en')).toBe('9 seconds ago');
  });
});
