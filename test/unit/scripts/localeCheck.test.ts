import { describe, expect, it } from 'vitest';
import { checkLocale, flattenMessages } from '../../../scripts/lib/localeCheck';

const english = flattenMessages({
  nav: { settings: 'Settings' },
  votes: { pending_one: '{{count}} vote waiting', pending_other: '{{count}} votes waiting' },
  status: { version: 'Verdict {{version}}', help: 'Read <0>the guide</0>' },
});

describe('checking a locale against English', () => {
  it('accepts a complete Arabic file with all six plural forms', () => {
    const arabic = flattenMessages({
      nav: { settings: 'الإعدادات' },
      votes: {
        pending_zero: 'لا أصوات',
        pending_one: 'صوت واحد',
        pending_two: 'صوتان',
        pending_few: '{{count}} أصوات',
        pending_many: '{{count}} صوتًا',
        pending_other: '{{count}} صوت',
      },
      status: { version: 'Verdict {{version}}', help: 'اقرأ <0>الدليل</0>' },
    });
    expect(checkLocale('ar', english, arabic)).toEqual([]);
  });

  it('names a missing key', () => {
    const partial = flattenMessages({ nav: {}, votes: { pending_one: 'x', pending_other: 'y' }, status: { version: '{{version}}', help: '<0>a</0>' } });
    expect(checkLocale('en', english, partial)).toContain('nav.settings: missing');
  });

  it('names plural forms the language needs but the file lacks', () => {
    const arabic = flattenMessages({ ...{ nav: { settings: 'x' } }, votes: { pending_one: 'a', pending_other: 'b' }, status: { version: '{{version}}', help: '<0>a</0>' } });
    expect(checkLocale('ar', english, arabic)).toContain('votes.pending: missing plural forms zero, two, few, many');
  });

  it('names plural forms the language does not have', () => {
    const japanese = flattenMessages({ nav: { settings: '設定' }, votes: { pending_one: 'a', pending_other: '{{count}}' }, status: { version: '{{version}}', help: '<0>a</0>' } });
    expect(checkLocale('ja', english, japanese)).toContain('votes.pending: plural forms one do not exist in this language');
  });

  it('catches a dropped or renamed placeholder and broken markup', () => {
    const german = flattenMessages({ nav: { settings: 'Einstellungen' }, votes: { pending_one: 'eine', pending_other: '{{count}}' }, status: { version: 'Verdict {{versoin}}', help: 'Lies die Anleitung' } });
    const problems = checkLocale('de', english, german);
    expect(problems.some((problem) => problem.startsWith('status.version: placeholders'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('status.help: placeholders'))).toBe(true);
  });

  it('flags keys English does not have, and empty messages', () => {
    const french = flattenMessages({ nav: { settings: ' ', extra: 'x' }, votes: { pending_one: 'a', pending_many: 'b', pending_other: 'c' }, status: { version: '{{version}}', help: '<0>a</0>' } });
    const problems = checkLocale('fr', english, french);
    expect(problems).toContain('nav.extra: not in the English source (remove it or add it to en)');
    expect(problems).toContain('nav.settings: empty');
  });

  it('reports a non-object where messages were expected', () => {
    const problems: string[] = [];
    flattenMessages(['a'], '', {}, problems);
    expect(problems).toEqual(['(root): expected an object of messages']);
  });
});
