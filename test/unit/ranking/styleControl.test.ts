import { describe, expect, it } from 'vitest';
import {
  aggregateBattles,
  aggregateStyleBattles,
  createRng,
  rankModels,
  rankModelsWithStyle,
  styleContrast,
  styleFeaturesFromText,
  type StyleBattle,
  type StyleFeatures,
} from '../../../shared/ranking/index';

describe('style features', () => {
  it('counts tokens, markdown headers, list items and bold spans', () => {
    const text = '# Title\n\nSome **bold** text, and __more__.\n\n- one\n- two\n1. three\n## Sub';
    // tokens: # Title Some * * bold * * text , and __more__ . - one - two 1 . three # # Sub
    expect(styleFeaturesFromText(text)).toEqual({ tokens: 23, headers: 2, lists: 3, bold: 2 });
  });

  it('contrasts two responses as (a − b)/(a + b + 1), like FastChat', () => {
    const a: StyleFeatures = { tokens: 300, headers: 2, lists: 0, bold: 1 };
    const b: StyleFeatures = { tokens: 100, headers: 0, lists: 0, bold: 1 };
    expect(styleContrast(a, b)).toEqual([200 / 401, 2 / 3, 0, 0]);
  });
});

/** Four equally strong models; "verbose" always answers at triple length, and length sways voters. */
function lengthBiasedVotes(count: number): StyleBattle[] {
  const rng = createRng(2024);
  const models = ['verbose', 'm1', 'm2', 'm3'];
  const lengthEffect = 1.2; // logit per unit of (ta − tb)/(ta + tb + 1)
  const features = (model: string): StyleFeatures => ({
    tokens: Math.round((model === 'verbose' ? 900 : 150) + rng.next() * 300),
    headers: Math.floor(rng.next() * 3),
    lists: Math.floor(rng.next() * 4),
    bold: Math.floor(rng.next() * 2),
  });
  return Array.from({ length: count }, () => {
    const i = Math.floor(rng.next() * 4);
    const j = (i + 1 + Math.floor(rng.next() * 3)) % 4;
    const styleA = features(models[i]!);
    const styleB = features(models[j]!);
    const logit = lengthEffect * styleContrast(styleA, styleB)[0]!;
    const outcome = rng.next() < 1 / (1 + Math.exp(-logit)) ? ('a' as const) : ('b' as const);
    return { modelA: models[i]!, modelB: models[j]!, outcome, styleA, styleB };
  });
}

describe('style-controlled Bradley–Terry', () => {
  const votes = lengthBiasedVotes(20_000);

  it('rewards the verbose model when style is ignored', () => {
    const plain = rankModels(aggregateBattles(votes));
    expect(plain.models[0]!.model).toBe('verbose');
    expect(plain.models[0]!.lower).toBeGreaterThan(plain.models[1]!.upper);
  });

  it('removes the length advantage and attributes it to the token coefficient', () => {
    const styled = rankModelsWithStyle(aggregateStyleBattles(votes));
    expect(styled.coefficients.tokens).toBeGreaterThan(0.2);
    for (const key of ['headers', 'lists', 'bold'] as const)
      expect(Math.abs(styled.coefficients[key])).toBeLessThan(0.05);
    // The token coefficient's 95% interval excludes 0 and contains the estimate; the others straddle it.
    const tokens = styled.coefficientIntervals.tokens;
    expect(tokens.lower).toBeGreaterThan(0);
    expect(tokens.lower).toBeLessThan(styled.coefficients.tokens);
    expect(tokens.upper).toBeGreaterThan(styled.coefficients.tokens);
    // All four models are equally strong: each lands within one interval width of 1000 …
    for (const m of styled.models) expect(Math.abs(m.rating - 1000)).toBeLessThan(m.upper - m.lower);
    // … and the verbose model keeps under a fifth of its unadjusted lead.
    const lead = (r: { models: { model: string; rating: number }[] }): number => {
      const verbose = r.models.find((m) => m.model === 'verbose')!.rating;
      const others = r.models.filter((m) => m.model !== 'verbose');
      return verbose - others.reduce((s, m) => s + m.rating, 0) / others.length;
    };
    expect(lead(styled)).toBeLessThan(0.2 * lead(rankModels(aggregateBattles(votes))));
    expect(styled.gradient).toBeLessThan(1e-9);
    expect(styled.votes).toBe(20_000);
  });

  it('aggregates identical (pair, contrast) votes into one row and respects segment filters', () => {
    const same: StyleFeatures = { tokens: 10, headers: 0, lists: 0, bold: 0 };
    const other: StyleFeatures = { tokens: 20, headers: 1, lists: 0, bold: 0 };
    const counts = aggregateStyleBattles(
      [
        { modelA: 'b', modelB: 'a', outcome: 'a', styleA: other, styleB: same, segment: { language: 'en' } },
        { modelA: 'a', modelB: 'b', outcome: 'b', styleA: same, styleB: other, segment: { language: 'en' } },
        { modelA: 'a', modelB: 'b', outcome: 'tie', styleA: same, styleB: other, segment: { language: 'de' } },
      ],
      { language: 'en' },
    );
    expect(counts.models).toEqual(['a', 'b']);
    expect(counts.rows).toEqual([
      { a: 0, b: 1, z: styleContrast(same, other), winsA: 0, winsB: 2, ties: 0, bothBad: 0 },
    ]);
  });
});
