import { describe, expect, it } from 'vitest';
import {
  aggregateBattles,
  aggregateStyleBattles,
  createRng,
  rankModels,
  rankModelsWithStyle,
  quantisedContrast,
  styleContrast,
  styleFeaturesFromText,
  type StyleBattle,
  type StyleFeatures,
} from '../../../shared/ranking/index';
import { contextualStandardErrors, fitContextual, type ContextualRows } from '../../../shared/ranking/contextualFit';
import { invert } from '../../support/denseMatrix';

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
    expect(counts.levels).toBe(8);
    // tokens (10 − 20)/31 ≈ −0.32 → level −3; headers −1/2 → level −4.
    expect(quantisedContrast(same, other)).toEqual([-3, -4, 0, 0]);
    // Half-way rounds away from zero, so swapping the responses negates every level.
    const half: StyleFeatures = { tokens: 0, headers: 0, lists: 14, bold: 0 }; // lists (0 − 14)/15 · 8 = −7.47
    const halfOther: StyleFeatures = { tokens: 3, headers: 0, lists: 0, bold: 0 }; // tokens (0 − 3)/4 · 8 = −6
    expect(quantisedContrast(half, halfOther)).toEqual(quantisedContrast(halfOther, half).map((l) => -l || 0));
    const exactHalf: StyleFeatures = { tokens: 15, headers: 0, lists: 0, bold: 0 }; // (15 − 0)/16 · 8 = 7.5
    expect(quantisedContrast({ ...halfOther, tokens: 0 }, exactHalf)).toEqual([-8, 0, 0, 0]);
    expect(quantisedContrast(exactHalf, { ...halfOther, tokens: 0 })).toEqual([8, 0, 0, 0]);
    expect(counts).toMatchObject({
      a: [0],
      b: [1],
      z: quantisedContrast(same, other),
      winsA: [0],
      winsB: [2],
      ties: [0],
      bothBad: [0],
    });
  });

  it('quantised rows are far fewer than votes and give nearly the per-vote coefficients', () => {
    const exact = aggregateStyleBattles(votes, undefined, { exact: true });
    const quantised = aggregateStyleBattles(votes);
    expect(exact.levels).toBeUndefined();
    expect(quantised.a.length).toBeLessThan(exact.a.length / 2);
    const perVote = rankModelsWithStyle(exact);
    const fromRows = rankModelsWithStyle(quantised);
    expect(fromRows.votes).toBe(perVote.votes);
    // Rounding adds noise to the regressor (slight attenuation, 0.485 → 0.457 here): within 10 %,
    // a quarter of the interval width.
    const width = perVote.coefficientIntervals.tokens.upper - perVote.coefficientIntervals.tokens.lower;
    expect(Math.abs(fromRows.coefficients.tokens - perVote.coefficients.tokens)).toBeLessThan(
      Math.min(0.1 * perVote.coefficients.tokens, width / 4),
    );
  });
});

describe('the contextual Newton fit', () => {
  it('stops where a plain per-row gradient of the penalised likelihood vanishes', () => {
    const rows = contextualRowsForTest(aggregateStyleBattles(lengthBiasedVotes(3000)));
    const fit = fitContextual(rows, { thetaRidge: 0, styleRidge: 0.5 });
    expect(fit.converged).toBe(true);
    const size = rows.n + rows.f;
    const grad = Array.from({ length: size }, (_, i) => -(i < rows.n ? 0 : 0.5) * fit.params[i]!);
    for (let k = 0; k < rows.m; k++) {
      const z = Array.from({ length: rows.f }, (_, j) => rows.z[k * rows.f + j]!);
      const d = fit.params[rows.a[k]!]! - fit.params[rows.b[k]!]! + z.reduce((s, v, j) => s + v * fit.params[rows.n + j]!, 0);
      const p = 1 / (1 + Math.exp(-d));
      const r = rows.winsA[k]! + rows.draws[k]! / 2 - (rows.winsA[k]! + rows.winsB[k]! + rows.draws[k]!) * p;
      grad[rows.a[k]!]! += r;
      grad[rows.b[k]!]! -= r;
      z.forEach((v, j) => (grad[rows.n + j]! += r * v));
    }
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-8);
  });
});

describe('the contextual sandwich', () => {
  it('equals a per-parameter pass over the rows (the direct transcription of H⁻¹GH⁻¹)', () => {
    const counts = aggregateStyleBattles(lengthBiasedVotes(3000));
    const rows = contextualRowsForTest(counts);
    const fit = fitContextual(rows, { thetaRidge: 0, styleRidge: 0.5 });
    const ridge = 1e-5 * 3000;
    const se = contextualStandardErrors(rows, fit, ridge);
    const reference = naiveContextualSe(rows, fit.params, fit.thetaRidge + ridge, fit.styleRidge);
    expect(se.length).toBe(rows.n + rows.f);
    // H carries only the small 1e-5·N ridge along the flat θ direction, so the two inversions
    // (Cholesky here, Gauss–Jordan there) agree to about 1e-8 relative, not to the last digit.
    se.forEach((s, i) => expect(Math.abs(s - reference[i]!) / reference[i]!).toBeLessThan(1e-6));
  });
});

function contextualRowsForTest(counts: ReturnType<typeof aggregateStyleBattles>): ContextualRows {
  const f = counts.features.length;
  return {
    n: counts.models.length,
    f,
    m: counts.a.length,
    a: Int32Array.from(counts.a),
    b: Int32Array.from(counts.b),
    z: Float64Array.from(counts.z),
    winsA: Float64Array.from(counts.winsA),
    winsB: Float64Array.from(counts.winsB),
    draws: Float64Array.from(counts.ties, (t, k) => t + counts.bothBad[k]!),
  };
}

/** Dense H with plain arrays and Gauss–Jordan, then one pass over the rows per parameter. */
function naiveContextualSe(
  rows: ContextualRows,
  params: Float64Array,
  thetaRidge: number,
  styleRidge: number,
): number[] {
  const { n, f } = rows;
  const size = n + f;
  const xOf = (k: number): number[] => {
    const x = new Array<number>(size).fill(0);
    x[rows.a[k]!] = 1;
    x[rows.b[k]!] = -1;
    for (let j = 0; j < f; j++) x[n + j] = rows.z[k * f + j]!;
    return x;
  };
  const pOf = (x: number[]): number => 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * params[i]!, 0)));
  const h = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j ? (i < n ? thetaRidge : styleRidge) : 0)),
  );
  for (let k = 0; k < rows.m; k++) {
    const x = xOf(k);
    const p = pOf(x);
    const w = (rows.winsA[k]! + rows.winsB[k]! + rows.draws[k]!) * p * (1 - p);
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) h[i]![j]! += w * x[i]! * x[j]!;
  }
  const inv = invert(h);
  return inv.map((row) => {
    let v = 0;
    for (let k = 0; k < rows.m; k++) {
      const x = xOf(k);
      const p = pOf(x);
      const g = rows.winsA[k]! * (1 - p) ** 2 + rows.winsB[k]! * p * p + rows.draws[k]! * (0.5 - p) ** 2;
      const d = row.reduce((s, value, j) => s + value * x[j]!, 0);
      v += g * d * d;
    }
    return Math.sqrt(v);
  });
}

