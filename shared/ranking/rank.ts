import { fitBradleyTerry, type BradleyTerryFit } from './bradleyTerry';
import { BootstrapRunner, bootstrapIntervals, bootstrapThetas, type BootstrapSamples } from './bootstrap';
import { DEFAULT_ROUNDS, DEFAULT_SEED, INIT_RATING, RATING_PER_THETA } from './constants';
import { displayedRanks } from './displayRank';
import { diagnoseGraph } from './graph';
import { modelTallies } from './modelStats';
import { normalQuantile } from './normal';
import { restrictTable, toPairTable, validatePairCounts, type PairTable } from './pairTable';
import { sandwichStandardErrors } from './sandwich';
import { applyWeights, isWeightScheme } from './weights';
import type { PairCounts, RankedModel, RankingResult, RankingWarning, RankOptions } from './types';

/**
 * Ridge used only when the MLE does not exist (disconnected graph, undefeated or winless
 * model, separable groups): ½·θᵀθ, i.e. a standard-normal prior on natural-log strength
 * (sd ≈ 174 rating points). It keeps every rating finite, leaves well-supported models
 * almost untouched, and is always reported by a `regularized` warning.
 */
export const DEGENERATE_RIDGE = 1;

/** z = Φ⁻¹(0.975) ≈ 1.959964, the two-sided 95% normal quantile. */
const Z95 = normalQuantile(0.975);

/** The point fit, before intervals: what a parallel bootstrap driver hands to its workers. */
export interface PreparedRanking {
  models: string[];
  /** The table the fit runs on: the raw counts, or the weighted ones (options.weights). */
  table: PairTable;
  /** The raw counts, for the per-model vote tallies. */
  counted: PairTable;
  fit: BradleyTerryFit;
  warnings: RankingWarning[];
  options: RankOptions;
}

/** Bradley–Terry ratings with 95% intervals and displayed ranks from aggregated counts. */
export function rankModels(counts: PairCounts, options: RankOptions = {}): RankingResult {
  const prepared = prepareRanking(counts, options);
  if ((options.ci ?? 'sandwich') === 'sandwich') return finishRanking(prepared, sandwichIntervals(prepared));
  const rounds = options.rounds ?? DEFAULT_ROUNDS;
  return finishRanking(prepared, bootstrapIntervals(runBootstrap(prepared, 0, rounds)));
}

/** Validates, drops models without votes, diagnoses the graph and fits the point estimate. */
export function prepareRanking(counts: PairCounts, options: RankOptions = {}): PreparedRanking {
  validatePairCounts(counts);
  const rounds = options.rounds ?? DEFAULT_ROUNDS;
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
  const scheme = options.weights ?? 'none';
  if (!isWeightScheme(scheme)) throw new RangeError(`weights must be 'none' or 'balanced', got ${String(scheme)}`);
  const warnings: RankingWarning[] = [];
  const { table: counted, models } = activeModels(counts, warnings);
  const table = applyWeights(counted, scheme);
  const diagnosis = diagnoseGraph(table, models);
  warnings.push(...diagnosis.warnings);
  const ridge = diagnosis.needsRidge ? DEGENERATE_RIDGE : 0;
  if (ridge > 0) warnings.push({ kind: 'regularized', ridge });
  const fit = fitBradleyTerry(table, { ridge });
  if (!fit.converged) warnings.push({ kind: 'not_converged', iterations: fit.iterations, gradient: fit.gradient });
  return { models, table, counted, fit, warnings, options };
}

/** θ ± z·se from the sandwich covariance (natural-log scale). */
export function sandwichIntervals(prepared: PreparedRanking): { lower: Float64Array; upper: Float64Array } {
  const { table, fit } = prepared;
  if (table.n === 0) return { lower: new Float64Array(0), upper: new Float64Array(0) };
  const se = sandwichStandardErrors(table, fit.theta, fit.ridge);
  return {
    lower: fit.theta.map((t, i) => t - Z95 * se[i]!),
    upper: fit.theta.map((t, i) => t + Z95 * se[i]!),
  };
}

/** Bootstrap rounds [from, to) of a prepared ranking; rounds are independent of the split. */
export function runBootstrap(prepared: PreparedRanking, from: number, to: number): BootstrapSamples {
  return bootstrapThetas(prepared.table, prepared.fit, {
    from,
    to,
    seed: prepared.options.seed ?? DEFAULT_SEED,
    degenerateRidge: DEGENERATE_RIDGE,
  });
}

/** A reusable bootstrap engine for a prepared ranking (for drivers that hand out chunks of rounds). */
export function bootstrapRunner(prepared: PreparedRanking): BootstrapRunner {
  return new BootstrapRunner(prepared.table, prepared.fit, {
    seed: prepared.options.seed ?? DEFAULT_SEED,
    degenerateRidge: DEGENERATE_RIDGE,
  });
}

/** Puts ratings on the scale, ranks them by their intervals, and attaches vote tallies. */
export function finishRanking(
  prepared: PreparedRanking,
  intervals: { lower: Float64Array; upper: Float64Array; degenerateRounds?: number },
): RankingResult {
  const { models, table, counted, fit, options } = prepared;
  const method = options.ci ?? 'sandwich';
  const warnings = [...prepared.warnings];
  if (intervals.degenerateRounds) warnings.push({ kind: 'bootstrap_degenerate', rounds: intervals.degenerateRounds });
  if (table.n === 0) return { models: [], votes: 0, method, iterations: 0, gradient: 0, warnings };
  const offset = ratingOffset(fit.theta, models, options, warnings);
  const toRating = (theta: number): number => theta * RATING_PER_THETA + offset;
  const lower = intervals.lower.map(toRating);
  const upper = intervals.upper.map(toRating);
  const ranks = displayedRanks(lower, upper);
  const tallies = modelTallies(counted);
  const ranked: RankedModel[] = models.map((model, i) => ({
    model,
    rating: toRating(fit.theta[i]!),
    lower: lower[i]!,
    upper: upper[i]!,
    rank: ranks[i]!,
    votes: tallies.votes[i]!,
    wins: tallies.wins[i]!,
    losses: tallies.losses[i]!,
    ties: tallies.ties[i]!,
  }));
  ranked.sort((x, y) => y.rating - x.rating || (x.model < y.model ? -1 : x.model > y.model ? 1 : 0));
  return { models: ranked, votes: counted.votes, method, iterations: fit.iterations, gradient: fit.gradient, warnings };
}

/** Drops models with no votes (nothing can be said about them) and reports them. */
function activeModels(counts: PairCounts, warnings: RankingWarning[]): { table: PairTable; models: string[] } {
  const full = toPairTable(counts);
  const voted = new Uint8Array(full.n);
  for (let k = 0; k < full.m; k++) voted[full.a[k]!] = voted[full.b[k]!] = 1;
  const keep: number[] = [];
  const idle: string[] = [];
  counts.models.forEach((name, i) => (voted[i] ? keep.push(i) : idle.push(name)));
  if (idle.length > 0) warnings.push({ kind: 'no_votes', models: idle });
  const table = keep.length === full.n ? full : restrictTable(full, keep);
  return { table, models: keep.map((i) => counts.models[i]!) };
}

/** Mean 1000 by default; with an anchor, the constant that puts the anchor at its rating. */
function ratingOffset(theta: Float64Array, models: string[], options: RankOptions, warnings: RankingWarning[]): number {
  let mean = 0;
  for (const t of theta) mean += t;
  mean /= theta.length;
  const anchor = options.anchor;
  if (anchor) {
    if (!Number.isFinite(anchor.rating)) throw new RangeError('anchor rating must be a finite number');
    const index = models.indexOf(anchor.model);
    if (index >= 0) return anchor.rating - theta[index]! * RATING_PER_THETA;
    warnings.push({ kind: 'anchor_missing', model: anchor.model });
  }
  return INIT_RATING - mean * RATING_PER_THETA;
}
