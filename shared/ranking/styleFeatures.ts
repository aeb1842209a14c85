/**
 * Style features of one response, as LMArena's style control uses them (blog 2024-08-29;
 * FastChat `rating_systems.py: preprocess_for_style`): length and markdown structure.
 */
export interface StyleFeatures {
  /** Response length in tokens (FastChat: tiktoken; here any consistent token count). */
  tokens: number;
  headers: number;
  lists: number;
  bold: number;
}

export const STYLE_FEATURES: readonly (keyof StyleFeatures)[] = ['tokens', 'headers', 'lists', 'bold'];

/**
 * Counts the features in markdown text. Tokens approximate a BPE tokenizer by counting
 * letter/digit runs and single punctuation marks; FastChat counts headers `#`…`######`,
 * list items `-`/`*`/`+`/`1.` at line start, and `**bold**`/`__bold__` spans the same way.
 */
export function styleFeaturesFromText(text: string): StyleFeatures {
  return {
    tokens: count(text, /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu),
    headers: count(text, /^#{1,6}\s+\S/gm),
    lists: count(text, /^\s*(?:[-*+]|\d+[.)])\s+\S/gm),
    bold: count(text, /\*\*[^*\n]+\*\*|__[^_\n]+__/g),
  };
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}

/** FastChat's per-feature contrast (f_a − f_b)/(f_a + f_b + 1), in STYLE_FEATURES order. */
export function styleContrast(a: StyleFeatures, b: StyleFeatures): number[] {
  return STYLE_FEATURES.map((f) => (a[f] - b[f]) / (a[f] + b[f] + 1));
}

/**
 * Contrasts kept in aggregated style rows are rounded to multiples of 1/STYLE_CONTRAST_LEVELS
 * (17 levels in [−1, 1] per feature), so votes with nearly the same style difference share a
 * row and the rows stay few enough to fit fast and to store per segment. The rounding error
 * (≤ 1/16 per contrast) is small beside the spread of contrasts; docs/RANKING.md gives its
 * effect on the LLMFAO coefficients.
 */
export const STYLE_CONTRAST_LEVELS = 8;

/**
 * The integer level of each contrast: contrast · levels rounded half away from zero, in
 * −levels…levels. Antisymmetric (swapping a and b negates every level), which Math.round
 * alone is not (it rounds −7.5 to −7 but 7.5 to 8): the server flips a pair's stored levels
 * by negation and must land on the row the flipped vote would have made.
 */
export function quantisedContrast(a: StyleFeatures, b: StyleFeatures, levels = STYLE_CONTRAST_LEVELS): number[] {
  return styleContrast(a, b).map((c) => Math.sign(c) * Math.round(Math.abs(c) * levels) || 0);
}
