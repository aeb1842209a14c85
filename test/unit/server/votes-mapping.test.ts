import { describe, expect, it } from 'vitest';
import { routableLanguages, baseLanguage } from '../../../server/tasks/languages';
import { outcomeOf } from '../../../server/votes/evaluate';

describe('display choice → model outcome', () => {
  it('undoes the side swap for first/second and leaves the rest alone', () => {
    expect(outcomeOf('first', false)).toBe('a');
    expect(outcomeOf('second', false)).toBe('b');
    expect(outcomeOf('first', true)).toBe('b');
    expect(outcomeOf('second', true)).toBe('a');
    for (const swapped of [false, true]) {
      expect(outcomeOf('tie', swapped)).toBe('tie');
      expect(outcomeOf('both_bad', swapped)).toBe('both_bad');
      expect(outcomeOf('cant_read', swapped)).toBe('cant_read');
    }
  });
});

describe('language routing', () => {
  it('routes on the primary subtag, at B2 or better', () => {
    expect(baseLanguage('pt-BR')).toBe('pt');
    expect(baseLanguage('ZH-Hant-TW')).toBe('zh');
    const skills = [
      { tag: 'pt-BR', proficiency: 'native' as const },
      { tag: 'pt-PT', proficiency: 'C1' as const },
      { tag: 'de', proficiency: 'B2' as const },
      { tag: 'fr', proficiency: 'B1' as const },
      { tag: 'es', proficiency: 'A2' as const },
    ];
    expect(routableLanguages(skills)).toEqual(['pt', 'de']);
  });
});
