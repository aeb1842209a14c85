import { describe, expect, it } from 'vitest';
import {
  checkGlossary,
  checkIdentical,
  checkLocale,
  flattenMessages,
  isIdentityAllowed,
  validateGlossary,
  type Glossary,
} from '../../../scripts/lib/localeCheck';

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

describe('untranslated strings', () => {
  const source = flattenMessages({ nav: { settings: 'Settings', version: 'Verdict {{version}}', p: 'p = {{value}}' } });

  it('flags a message left in English', () => {
    const german = flattenMessages({ nav: { settings: 'Settings', version: 'Verdict {{version}}', p: 'p = {{value}}' } });
    expect(checkIdentical(source, german, new Set(['nav.p']))).toEqual([
      'nav.settings: identical to English (translate it, or add it to locales/_allow-identical.json with a reason)',
    ]);
  });

  it('lets pure notation and product names through', () => {
    expect(isIdentityAllowed('Verdict {{version}}')).toBe(true);
    expect(isIdentityAllowed('{{lower}} – {{upper}}')).toBe(true);
    expect(isIdentityAllowed('Krippendorff α')).toBe(true);
    expect(isIdentityAllowed('Online')).toBe(false);
  });
});

describe('terminology', () => {
  const english: Glossary = { vote: { term: 'vote', forms: ['vote', 'votes'] } };
  const german: Glossary = { vote: { term: 'Stimme', forms: ['Stimme', 'stimm'] } };
  const source = flattenMessages({ a: 'Undo the last vote', b: 'Votes waiting', c: 'Settings' });

  it('accepts the glossary term in any inflection', () => {
    const target = flattenMessages({ a: 'Letzte Stimme zurücknehmen', b: 'Wartende Stimmen', c: 'Einstellungen' });
    expect(checkGlossary(english, german, source, target)).toEqual([]);
  });

  it('names a message that calls the concept something else', () => {
    const target = flattenMessages({ a: 'Letzte Bewertung zurücknehmen', b: 'Wartende Stimmen', c: 'Einstellungen' });
    expect(checkGlossary(english, german, source, target)).toEqual([
      'a: English says “vote” but none of the glossary\'s forms (Stimme, stimm) appear',
    ]);
  });

  it('refuses a glossary whose forms are placeholders or single letters', () => {
    expect(validateGlossary(english, { vote: { term: '票', forms: ['{{votes}}'] } })).toHaveLength(1);
    expect(validateGlossary(english, { vote: { term: 'x', forms: ['x'] } })).toHaveLength(1);
    expect(validateGlossary(english, {})).toEqual(['no entry for “vote”']);
    expect(validateGlossary(english, german)).toEqual([]);
  });
});
