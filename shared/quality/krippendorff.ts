/**
 * Krippendorff's alpha for any number of coders and missing data (Krippendorff 2011,
 * "Computing Krippendorff's alpha-reliability"): α = 1 − D_o/D_e from the coincidence
 * matrix o_ck = Σ_units (number of c–k pairs in the unit)/(m_u − 1), units with m_u ≥ 2.
 */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface AlphaResult {
  /** null when undefined: fewer than two pairable values or no variation at all (D_e = 0). */
  alpha: number | null;
  /** Units with at least two values (the pairable ones). */
  units: number;
  /** Pairable values n = Σ_c n_c. */
  values: number;
}

/** α over units, each unit being the list of values coders gave it (missing values left out). */
export function krippendorffAlpha(units: readonly (readonly number[])[], level: AlphaLevel): AlphaResult {
  const categories = [...new Set(units.flat())].sort((x, y) => x - y);
  const index = new Map(categories.map((v, i) => [v, i]));
  const k = categories.length;
  const o = new Float64Array(k * k);
  let pairable = 0;
  for (const unit of units) {
    if (unit.length < 2) continue;
    pairable++;
    const counts = new Float64Array(k);
    for (const v of unit) counts[index.get(v)!]!++;
    addUnit(o, counts, unit.length, 1);
  }
  return { alpha: alphaFromCoincidence(o, categories, level), units: pairable, values: sum(o) };
}

/** Adds (sign = 1) or removes (sign = −1) one unit's contribution to the coincidence matrix. */
export function addUnit(o: Float64Array, counts: Float64Array, m: number, sign: number): void {
  if (m < 2) return;
  const k = counts.length;
  const scale = sign / (m - 1);
  for (let c = 0; c < k; c++) {
    const nc = counts[c]!;
    if (nc === 0) continue;
    for (let d = 0; d < k; d++) {
      const pairs = c === d ? nc * (nc - 1) : nc * counts[d]!;
      if (pairs) o[c * k + d]! += pairs * scale;
    }
  }
}

/** α from a coincidence matrix over the given (sorted) category values. */
export function alphaFromCoincidence(o: Float64Array, categories: readonly number[], level: AlphaLevel): number | null {
  const k = categories.length;
  const marginals = new Float64Array(k);
  for (let c = 0; c < k; c++) for (let d = 0; d < k; d++) marginals[c]! += o[c * k + d]!;
  const n = sum(marginals);
  if (n < 2) return null;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      if (c === d) continue;
      const delta = distance(level, c, d, categories, marginals);
      observed += o[c * k + d]! * delta;
      expected += marginals[c]! * marginals[d]! * delta;
    }
  }
  expected /= n - 1;
  if (expected <= 1e-15 * n) return null;
  return 1 - observed / expected;
}

/** The metric δ²_ck of each level of measurement (Krippendorff 2011, §E). */
function distance(level: AlphaLevel, c: number, d: number, values: readonly number[], n: Float64Array): number {
  switch (level) {
    case 'nominal':
      return 1;
    case 'ordinal': {
      const [lo, hi] = c < d ? [c, d] : [d, c];
      let between = 0;
      for (let g = lo; g <= hi; g++) between += n[g]!;
      const x = between - (n[c]! + n[d]!) / 2;
      return x * x;
    }
    case 'interval':
      return (values[c]! - values[d]!) ** 2;
    case 'ratio': {
      const s = values[c]! + values[d]!;
      return s === 0 ? 0 : ((values[c]! - values[d]!) / s) ** 2;
    }
  }
}

function sum(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Turns a coders × units reliability matrix (null = missing) into per-unit value lists. */
export function unitsFromMatrix(matrix: readonly (readonly (number | null | undefined)[])[]): number[][] {
  const width = Math.max(0, ...matrix.map((row) => row.length));
  return Array.from({ length: width }, (_, u) =>
    matrix.map((row) => row[u]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v)),
  );
}
