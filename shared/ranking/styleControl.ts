import { segmentMatcher } from './segment';
import { compareNames } from './aggregate';
import { INIT_RATING, RATING_PER_THETA, HESSIAN_RIDGE_PER_VOTE } from './constants';
import { displayedRanks } from './displayRank';
import { diagnoseGraph } from './graph';
import { modelTallies } from './modelStats';
import { normalQuantile } from './normal';
import { toPairTable } from './pairTable';
import { DEGENERATE_RIDGE } from './rank';
import { STYLE_FEATURES, styleContrast, type StyleFeatures } from './styleFeatures';
import { fitContextual, contextualStandardErrors, type ContextualRows } from './contextualFit';
import type { Battle, PairCounts, RankedModel, RankingResult, RankingWarning, SegmentFilter } from './types';

/** A vote with the style features of both responses. */
export interface StyleBattle extends Battle {
  styleA: StyleFeatures;
  styleB: StyleFeatures;
}

/** Aggregated style rows: votes with identical (pair, contrast vector) share one row. Plain JSON. */
export interface StyleCounts {
  models: string[];
  features: string[];
  rows: { a: number; b: number; z: number[]; winsA: number; winsB: number; ties: number; bothBad: number }[];
}

export interface StyleRankingResult extends RankingResult {
  /** Style coefficients per scaled feature (natural-log scale, like arena-rank's `coeffs`). */
  coefficients: Record<keyof StyleFeatures, number>;
  /** 95% sandwich intervals of the coefficients (same scale). */
  coefficientIntervals: Record<keyof StyleFeatures, { lower: number; upper: number }>;
}

/** Aggregates style votes into rows keyed by (a, b, contrast), with a < b by model name. */
export function aggregateStyleBattles(battles: Iterable<StyleBattle>, filter?: SegmentFilter): StyleCounts {
  const matches = segmentMatcher(filter);
  const rows = new Map<string, { a: string; b: string; z: number[]; c: number[] }>();
  for (const battle of battles) {
    if (!matches(battle.segment)) continue;
    const flip = compareNames(battle.modelA, battle.modelB) > 0;
    const [a, b] = flip ? [battle.modelB, battle.modelA] : [battle.modelA, battle.modelB];
    const z = flip ? styleContrast(battle.styleB, battle.styleA) : styleContrast(battle.styleA, battle.styleB);
    const key = `${a}\u0000${b}\u0000${z.join(',')}`;
    const row = rows.get(key) ?? { a, b, z, c: [0, 0, 0, 0] };
    rows.set(key, row);
    const column = { a: 0, b: 1, tie: 2, both_bad: 3 }[battle.outcome];
    row.c[flip && column < 2 ? 1 - column : column]!++;
  }
  const models = [...new Set([...rows.values()].flatMap((r) => [r.a, r.b]))].sort(compareNames);
  const index = new Map(models.map((m, i) => [m, i]));
  return {
    models,
    features: [...STYLE_FEATURES],
    rows: [...rows.values()].map((r) => ({
      a: index.get(r.a)!,
      b: index.get(r.b)!,
      z: r.z,
      winsA: r.c[0]!,
      winsB: r.c[1]!,
      ties: r.c[2]!,
      bothBad: r.c[3]!,
    })),
  };
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
  const fit = fitContextual(rows, { thetaRidge, styleRidge: options.styleRidge ?? 0.5 });
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

function pairRows(counts: StyleCounts): PairCounts['rows'] {
  const byPair = new Map<string, PairCounts['rows'][number]>();
  for (const r of counts.rows) {
    const key = `${r.a},${r.b}`;
    const row = byPair.get(key) ?? { a: r.a, b: r.b, winsA: 0, winsB: 0, ties: 0, bothBad: 0 };
    row.winsA += r.winsA;
    row.winsB += r.winsB;
    row.ties += r.ties;
    row.bothBad += r.bothBad;
    byPair.set(key, row);
  }
  return [...byPair.values()];
}

/**
 * Typed rows with each contrast divided by its root mean square over votes. FastChat also
 * subtracts the mean, but its rows are oriented by screen position; ours are oriented by
 * model name, where a mean shift would act as a bonus for whichever model sorts first.
 * Scaling alone only changes the units of γ (a constant feature stays 0).
 */
function contextualRows(counts: StyleCounts): ContextualRows {
  const m = counts.rows.length;
  const f = counts.features.length;
  const rows: ContextualRows = {
    n: counts.models.length,
    f,
    m,
    a: Int32Array.from(counts.rows, (r) => r.a),
    b: Int32Array.from(counts.rows, (r) => r.b),
    z: new Float64Array(m * f),
    winsA: Float64Array.from(counts.rows, (r) => r.winsA),
    winsB: Float64Array.from(counts.rows, (r) => r.winsB),
    draws: Float64Array.from(counts.rows, (r) => r.ties + r.bothBad),
  };
  for (let j = 0; j < f; j++) {
    let votes = 0;
    let squares = 0;
    for (const r of counts.rows) {
      const w = r.winsA + r.winsB + r.ties + r.bothBad;
      votes += w;
      squares += w * r.z[j]! * r.z[j]!;
    }
    const rms = votes > 0 ? Math.sqrt(squares / votes) : 0;
    counts.rows.forEach((r, k) => (rows.z[k * f + j] = rms > 0 ? r.z[j]! / rms : 0));
  }
  return rows;
}
