import { quantileSorted } from './quantile';
import { fitWithReliability, type RatedVote, type ReliabilityFit, type ReliabilityOptions } from './raterReliability';

/**
 * The defended pipeline's rater screens (docs/RANKING.md "Robustness to rigging"), and a report of
 * which raters it down-weights and why: what the supervisor console shows, and what
 * bench/robustness.bench.ts runs. Pure; votes as in raterReliability.ts (rater and model indices).
 */

/** Gold accuracy below this excludes a rater (only when they answered gold items). */
export const GOLD_ACCURACY_MIN = 0.7;
/** |z| of the first-side share of decisive votes above this excludes a rater. */
export const FIRST_SIDE_Z_MAX = 4;
/**
 * z of a rater's count of one model against that model's share of all the pool's votes (2/n under
 * uniform leasing) above this excludes a rater: far more than the pool's share is only reachable
 * by skipping leases to wait for one model. Tested only where the expected count is at least
 * CONCENTRATION_MIN_EXPECTED, so the normal approximation holds and three votes prove nothing.
 */
export const CONCENTRATION_Z_MAX = 6;
export const CONCENTRATION_MIN_EXPECTED = 5;
/**
 * A rater whose weight is below this fraction of the team's median weight counts as down-weighted.
 * Relative, because only ratios of weights move the fit (scaling every weight leaves θ unchanged),
 * and because on real, noisy crowds even honest raters agree with the board only ~60–70 % of the time.
 */
export const LOW_RELATIVE_WEIGHT = 0.5;

export type ScreenReason = 'gold' | 'firstSide' | 'concentration';

export interface RaterScreen {
  votes: number;
  decisive: number;
  /** Share of decisive votes for the side shown first; null without decisive votes. */
  firstSideRate: number | null;
  firstSideZ: number;
  /** The model this rater saw most out of proportion, and the z of that count against the pool's share. */
  topModel: number | null;
  concentrationZ: number;
  goldAccuracy: number | null;
  /** The screens this rater fails (empty = kept for the fit). */
  failed: ScreenReason[];
}

/**
 * Per rater: first-side rate and concentration from the votes; gold accuracy as given (null =
 * no gold answered). `outcome` 1 means the first side (a) won, as the votes are recorded.
 */
export function screenRaters(
  models: number,
  raters: number,
  votes: readonly RatedVote[],
  goldAccuracy: ArrayLike<number | null> = [],
): RaterScreen[] {
  const first = new Float64Array(raters);
  const decisive = new Float64Array(raters);
  const all = new Float64Array(raters);
  const perModel = new Float64Array(raters * models);
  for (const v of votes) {
    all[v.rater]! += 1;
    perModel[v.rater * models + v.a]! += 1;
    perModel[v.rater * models + v.b]! += 1;
    if (v.outcome === 0.5) continue;
    decisive[v.rater]! += 1;
    if (v.outcome === 1) first[v.rater]! += 1;
  }
  const share = poolShares(models, votes);
  return Array.from({ length: raters }, (_, r) => {
    const n = decisive[r]!;
    const firstSideZ = n > 0 ? (first[r]! - n / 2) / Math.sqrt(n / 4) : 0;
    let topModel: number | null = null;
    let concentrationZ = 0;
    for (let m = 0; m < models; m++) {
      const expected = all[r]! * share[m]!;
      if (perModel[r * models + m]! === 0 || expected < CONCENTRATION_MIN_EXPECTED || share[m]! >= 1) continue;
      const z = (perModel[r * models + m]! - expected) / Math.sqrt(expected * (1 - share[m]!));
      if (topModel === null || z > concentrationZ) [topModel, concentrationZ] = [m, z];
    }
    const gold = goldAccuracy[r] ?? null;
    const failed: ScreenReason[] = [];
    if (gold !== null && gold < GOLD_ACCURACY_MIN) failed.push('gold');
    if (Math.abs(firstSideZ) > FIRST_SIDE_Z_MAX) failed.push('firstSide');
    if (concentrationZ > CONCENTRATION_Z_MAX) failed.push('concentration');
    return {
      votes: all[r]!,
      decisive: n,
      firstSideRate: n > 0 ? first[r]! / n : null,
      firstSideZ,
      topModel,
      concentrationZ,
      goldAccuracy: gold,
      failed,
    };
  });
}

/** Each model's share of the pool's votes: the chance a vote served by the pool's leasing shows it. */
function poolShares(models: number, votes: readonly RatedVote[]): Float64Array {
  const share = new Float64Array(models);
  for (const v of votes) {
    share[v.a]! += 1;
    share[v.b]! += 1;
  }
  for (let m = 0; m < models; m++) share[m] = votes.length > 0 ? share[m]! / votes.length : 0;
  return share;
}

/** The votes of raters that pass every screen. */
export function screenedVotes(votes: readonly RatedVote[], screens: readonly RaterScreen[]): RatedVote[] {
  return votes.filter((v) => screens[v.rater]!.failed.length === 0);
}

export interface RaterReliabilityRow extends RaterScreen {
  rater: number;
  /** CrowdBT accuracy η; null for a rater screened out before the fit. */
  accuracy: number | null;
  /** Weight of their votes in the defended fit: 0 when screened out, else max(0, 2η − 1). */
  weight: number;
  /** weight / the median weight of the kept raters with decisive votes (1 = a typical rater). */
  relativeWeight: number;
  /**
   * The model this rater most likely favours (or disfavours) out of a partisan group the
   * favouritism test found (raterReliability.ts), when that posterior τ is at least
   * PARTISAN_POSTERIOR; their votes on it count 1 − τ in the defended fit.
   */
  partisan: { model: number; posterior: number; favours: boolean } | null;
  /** Screened out, weighted below LOW_RELATIVE_WEIGHT of the typical rater, or partisan about a model. */
  downWeighted: boolean;
}

/** τ from which the report names a rater partisan about a model: their votes on it count half or less. */
export const PARTISAN_POSTERIOR = 0.5;

/**
 * The defended pipeline on a team's votes, explained per rater: screens first, then
 * fitWithReliability on the votes that pass. Rows come lowest weight first, so the raters the
 * pipeline discounts lead the list; `theta` is the defended board.
 */
export function explainReliability(
  models: number,
  raters: number,
  votes: readonly RatedVote[],
  goldAccuracy: ArrayLike<number | null> = [],
  options: ReliabilityOptions = {},
): { theta: Float64Array; suspects: number[]; rows: RaterReliabilityRow[] } {
  const screens = screenRaters(models, raters, votes, goldAccuracy);
  const fit = fitWithReliability(models, raters, screenedVotes(votes, screens), options);
  const weightOf = (rater: number) => (screens[rater]!.failed.length === 0 ? fit.weight[rater]! : 0);
  // The typical rater among those the fit kept (screened-out raters weigh 0 by definition).
  const typical = median(
    screens.flatMap((screen, rater) => (screen.decisive > 0 && screen.failed.length === 0 ? [weightOf(rater)] : [])),
  );
  const rows = screens.map((screen, rater): RaterReliabilityRow => {
    const kept = screen.failed.length === 0;
    const weight = weightOf(rater);
    const relativeWeight = typical > 0 ? weight / typical : 0;
    const partisan = kept ? strongestPartisanship(fit, models, rater) : null;
    const downWeighted = !kept || relativeWeight < LOW_RELATIVE_WEIGHT || partisan !== null;
    return {
      ...screen,
      rater,
      accuracy: kept ? fit.accuracy[rater]! : null,
      weight,
      relativeWeight,
      partisan,
      downWeighted,
    };
  });
  rows.sort((x, y) => x.weight - y.weight || x.rater - y.rater);
  return { theta: fit.theta, suspects: fit.suspects, rows };
}

function strongestPartisanship(fit: ReliabilityFit, models: number, rater: number): RaterReliabilityRow['partisan'] {
  let best: RaterReliabilityRow['partisan'] = null;
  for (const model of fit.suspects) {
    const posterior = fit.favouritism?.partisan.get(rater * models + model) ?? 0;
    if (posterior >= PARTISAN_POSTERIOR && (best === null || posterior > best.posterior)) {
      best = { model, posterior, favours: fit.favouritism!.favours[model] === 1 };
    }
  }
  return best;
}

function median(values: number[]): number {
  return values.length === 0 ? 0 : quantileSorted(Float64Array.from(values).sort(), 0.5);
}
