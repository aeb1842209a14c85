import { describe, expect, it } from 'vitest';
import { pseudoLocalize, PSEUDO_GROWTH } from '../../../renderer/src/i18n/pseudo';

describe('the pseudo-locale', () => {
  it('accents Latin letters and brackets the string', () => {
    expect(pseudoLocalize('Settings')).toMatch(/^\[Šéţţíñĝš~+\]$/);
  });

  it('lengthens strings by about 40%', () => {
    const source = 'Rating sessions arrive in the next release.';
    const grown = pseudoLocalize(source).length - 2;
    expect(grown).toBeGreaterThanOrEqual(Math.floor(source.length * (1 + PSEUDO_GROWTH)));
    expect(grown).toBeLessThanOrEqual(Math.ceil(source.length * (1 + PSEUDO_GROWTH)) + 1);
  });

  it('leaves digits and punctuation readable', () => {
    expect(pseudoLocalize('v1.2.3!')).toContain('1.2.3!');
  });
});
