import { segmentMatcher } from './segment';
import { compareNames } from './aggregate';
import { fitBradleyTerry } from './bradleyTerry';
import { INIT_RATING, RATING_PER_THETA, HESSIAN_RIDGE_PER_VOTE } from './constants';
import { displayedRanks } from './displayRank';
import { diagnoseGraph } from './graph';
import { modelTallies } from './modelStats';
import { normalQuantile } from './normal';
import { toPairTable } from './pairTable';
import { DEGENERATE_RIDGE } from './rank';
import { STYLE_CONTRAST_LEVELS, STYLE_FEATURES, quantisedContrast, styleContrast, type StyleFeatures } from './styleFeatures';
import { fitContextual, contextualStandardErrors, type ContextualRows } from './contextualFit';
import type { Battle, PairCounts, RankedModel, RankingResult, RankingWarning, SegmentFilter } from './types';

/** A vote with the style features of both responses. */
export interface StyleBattle extends Battle {
  styleA: StyleFeatures;
  styleB: StyleFeatures;
}

/**
 * Aggregated style rows, plain JSON: votes with the same pair (a < b by model name) and the same
 * contrast vector share one row. Row k is pair (a[k], b[k]) (indices into `models`), contrast
 * vector z[k·f … k·f + f − 1] (f = features.length) and its outcome counts. Stored as columns,
 * not row objects: at a million rows that is a fifth of the JSON and no per-row allocation.
 * With `levels` (the default) each z is an integer level and the contrast is z/levels
 * (quantisedContrast); without it z holds the exact contrasts (in practice one row per vote:
 * the per-vote fit, kept for comparison). Rows of one pair are contiguous.
 */
export interface StyleCounts {
  models: string[];
  features: string[];
  levels?: number;
  a: number[];
  b: number[];
  z: number[];
  winsA: number[];
  winsB: number[];
  ties: number[];
  bothBad: number[];
}

export interface StyleRankingResult extends RankingResult {
  /** Style coefficients per scaled feature (natural-log scale, like arena-rank's `coeffs`). */
  coefficients: Record<keyof StyleFeatures, number>;
  /** 95% sandwich intervals of the coefficients (same scale). */
  coefficientIntervals: Record<keyof StyleFeatures, { lower: number; upper: number }>;
}

/**
 * Aggregates style votes into rows keyed by (a, b, contrast), with a < b by model name; contrasts
 * are quantised to STYLE_CONTRAST_LEVELS unless `exact` is set.
 */
export function aggregateStyleBattles(
  battles: Iterable<StyleBattle>,
  filter?: SegmentFilter,
  options: { exact?: boolean } = {},
): StyleCounts {
  const matches = segmentMatcher(filter);
  const contrast = options.exact ? styleContrast : quantisedContrast;
  // Rows are grouped per pair (the fit sums a pair's θ terms over a run of rows) and keyed
  // inside a pair by their contrast vector: a packed number for levels, a string for exact values.
  const pairs = new Map<string, Map<number | string, { z: number[]; c: number[] }>>();
  const pairNames = new Map<string, [string, string]>();
  for (const battle of battles) {
    if (!matches(battle.segment)) continue;
    const flip = compareNames(battle.modelA, battle.modelB) > 0;
    const [a, b] = flip ? [battle.modelB, battle.modelA] : [battle.modelA, battle.modelB];
    const z = flip ? contrast(battle.styleB, battle.styleA) : contrast(battle.styleA, battle.styleB);
    const pairKey = `${a}\u0000${b}`;
    let rows = pairs.get(pairKey);
    if (!rows) {
      pairs.set(pairKey, (rows = new Map()));
      pairNames.set(pairKey, [a, b]);
    }
    const key = options.exact ? z.join(',') : packLevels(z);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { z, c: [0, 0, 0, 0] }));
    const column = { a: 0, b: 1, tie: 2, both_bad: 3 }[battle.outcome];
    row.c[flip && column < 2 ? 1 - column : column]!++;
  }
  const models = [...new Set([...pairNames.values()].flat())].sort(compareNames);
  const index = new Map(models.map((m, i) => [m, i]));
  const counts: StyleCounts = {
    models,
    features: [...STYLE_FEATURES],
    ...(options.exact ? {} : { levels: STYLE_CONTRAST_LEVELS }),
    a: [],
    b: [],
    z: [],
    winsA: [],
    winsB: [],
    ties: [],
    bothBad: [],
  };
  for (const [pairKey, byContrast] of pairs) {
    const [a, b] = pairNames.get(pairKey)!;
    for (const r of byContrast.values()) {
      counts.a.push(index.get(a)!);
      counts.b.push(index.get(b)!);
      counts.z.push(...r.z);
      counts.winsA.push(r.c[0]!);
      counts.winsB.push(r.c[1]!);
      counts.ties.push(r.c[2]!);
      counts.bothBad.push(r.c[3]!);
    }
  }
  return counts;
}

/** Levels −L…L per feature as base-(2L + 1) digits: one exact number for f ≤ 12 features. */
function packLevels(z: number[]): number {
  let key = 0;
  for (const level of z) key = key * (2 * STYLE_CONTRAST_LEVELS + 1) + level + STYLE_CONTRAST_LEVELS;
  return key;
}

/**
 * Style-controlled Bradley–Terry (LMArena style control; arena-rank ContextualBradleyTerry):
 * P(A wins) = σ(θ_A − θ_B + zᵀγ), z = the contrasts scaled to unit root mean square.
 * Ratings are the style-adjusted θ on the usual scale (mean 1000); CIs are the sandwich
 * on the joint (θ, γ) fit. A ridge `styleRidge`·½‖γ‖² (default 0.5, FastChat's reg) keeps γ finite.
 */
export function rankModelsWithStyle(counts: StyleCounts, options: { styleRidge?: number } = {}): StyleRankingResult {
  const warnings: RankingWarning[] = [];
  const plain: PairCounts = { models: counts.models, rows: pairRows(counts) };
  const table = toPairTable(plain);
  const diagnosis = diagnoseGraph(table, counts.models);
  warnings.push(...diagnosis.warnings);
  const thetaRidge = diagnosis.needsRidge ? DEGENERATE_RIDGE : 0;
  if (thetaRidge > 0) warnings.push({ kind: 'regularized', ridge: thetaRidge });
  const rows = contextualRows(counts);
  const start = fitBradleyTerry(table, { ridge: thetaRidge }).theta;
  const fit = fitContextual(rows, { thetaRidge, styleRidge: options.styleRidge ?? 0.5 }, start);
  if (!fit.converged) warnings.push({ kind: 'not_converged', iterations: fit.iterations, gradient: fit.gradient });
  const se = contextualStandardErrors(rows, fit, HESSIAN_RIDGE_PER_VOTE * table.votes);
  const z = normalQuantile(0.975);
  const n = counts.models.length;
  const theta = fit.params.subarray(0, n);
  let mean = 0;
  for (const t of theta) mean += t / n;
  const rating = (t: number): number => (t - mean) * RATING_PER_THETA + INIT_RATING;
  const lower = Array.from(theta, (t, i) => rating(t - z * se[i]!));
  const upper = Array.from(theta, (t, i) => rating(t + z * se[i]!));
  const ranks = displayedRanks(lower, upper);
  const tallies = modelTallies(table);
  const models: RankedModel[] = counts.models.map((model, i) => ({
    model,
    rating: rating(theta[i]!),
    lower: lower[i]!,
    upper: upper[i]!,
    rank: ranks[i]!,
    votes: tallies.votes[i]!,
    wins: tallies.wins[i]!,
    losses: tallies.losses[i]!,
    ties: tallies.ties[i]!,
  }));
  models.sort((x, y) => y.rating - x.rating || compareNames(x.model, y.model));
  const coefficients = Object.fromEntries(STYLE_FEATURES.map((f, j) => [f, fit.params[n + j]!])) as Record<
    keyof StyleFeatures,
    number
  >;
  const coefficientIntervals = Object.fromEntries(
    STYLE_FEATURES.map((f, j) => {
      const gamma = fit.params[n + j]!;
      return [f, { lower: gamma - z * se[n + j]!, upper: gamma + z * se[n + j]! }];
    }),
  ) as StyleRankingResult['coefficientIntervals'];
  return {
    models,
    coefficientIntervals,
    votes: table.votes,
    method: 'sandwich',
    iterations: fit.iterations,
    gradient: fit.gradient,
    warnings,
    coefficients,
  };
}

/**
 * Style rows summed per pair. Rows of a pair come in runs (aggregateStyleBattles writes them so),
 * so the map is touched once per run, not once per row; rows out of order still sum correctly.
 */
function pairRows(counts: StyleCounts): PairCounts['rows'] {
  const n = counts.models.length;
  const byPair = new Map<number, PairCounts['rows'][number]>();
  let row: PairCounts['rows'][number] | undefined;
  for (let k = 0; k < counts.a.length; k++) {
    const a = counts.a[k]!;
    const b = counts.b[k]!;
    if (!row || row.a !== a || row.b !== b) {
      row = byPair.get(a * n + b);
      if (!row) byPair.set(a * n + b, (row = { a, b, winsA: 0, winsB: 0, ties: 0, bothBad: 0 }));
    }
    row.winsA += counts.winsA[k]!;
    row.winsB += counts.winsB[k]!;
    row.ties += counts.ties[k]!;
    row.bothBad += counts.bothBad[k]!;
  }
  return [...byPair.values()];
}

/**
 * Typed rows with each contrast divided by its root mean square over votes. FastChat also
 * subtracts the mean, but its rows are oriented by screen position; ours are oriented by
 * model name, where a mean shift would act as a bonus for whichever model sorts first.
 * Scaling alone only changes the units of γ (a constant feature stays 0), and with it the
 * unit of quantised levels: quantised and exact rows give γ in the same units.
 */
function contextualRows(counts: StyleCounts): ContextualRows {
  const m = counts.a.length;
  const f = counts.features.length;
  const draws = new Float64Array(m);
  for (let k = 0; k < m; k++) draws[k] = counts.ties[k]! + counts.bothBad[k]!;
  const rows: ContextualRows = {
    n: counts.models.length,
    f,
    m,
    a: Int32Array.from(counts.a),
    b: Int32Array.from(counts.b),
    z: Float64Array.from(counts.z),
    winsA: Float64Array.from(counts.winsA),
    winsB: Float64Array.from(counts.winsB),
    draws,
  };
  const squares = new Float64Array(f);
  let votes = 0;
  for (let k = 0; k < m; k++) {
    const w = rows.winsA[k]! + rows.winsB[k]! + draws[k]!;
    votes += w;
    for (let j = 0; j < f; j++) squares[j]! += w * rows.z[k * f + j]! ** 2;
  }
  const scale = Array.from(squares, (sq) => (votes > 0 && sq > 0 ? 1 / Math.sqrt(sq / votes) : 0));
  for (let i = 0; i < m * f; i++) rows.z[i]! *= scale[i % f]!;
  return rows;
}
