import { fitWithReliability, type RatedVote, type ReliabilityOptions } from './raterReliability';

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
 * z of the most frequent model's share of a rater's tasks, against the 2/n that uniform leasing
 * serves, above this excludes a rater: only reachable by skipping leases to wait for one model.
 */
export const CONCENTRATION_Z_MAX = 6;
/** A rater whose reliability weight 2η − 1 is below this counts as down-weighted by the model. */
export const LOW_WEIGHT = 0.5;

export type ScreenReason = 'gold' | 'firstSide' | 'concentration';

export interface RaterScreen {
  votes: number;
  decisive: number;
  /** Share of decisive votes for the side shown first; null without decisive votes. */
  firstSideRate: number | null;
  firstSideZ: number;
  /** The model this rater saw most often, and the z of that count against uniform leasing. */
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
  const q = models > 0 ? Math.min(1, 2 / models) : 1;
  return Array.from({ length: raters }, (_, r) => {
    const n = decisive[r]!;
    const firstSideZ = n > 0 ? (first[r]! - n / 2) / Math.sqrt(n / 4) : 0;
    let topModel: number | null = null;
    for (let m = 0; m < models; m++) {
      if (perModel[r * models + m]! > 0 && (topModel === null || perModel[r * models + m]! > perModel[r * models + topModel]!)) topModel = m;
    }
    const most = topModel === null ? 0 : perModel[r * models + topModel]!;
    const spread = Math.sqrt(all[r]! * q * (1 - q));
    const concentrationZ = spread > 0 ? (most - all[r]! * q) / spread : 0;
    const gold = goldAccuracy[r] ?? null;
    const failed: ScreenReason[] = [];
    if (gold !== null && gold < GOLD_ACCURACY_MIN) failed.push('gold');
    if (Math.abs(firstSideZ) > FIRST_SIDE_Z_MAX) failed.push('firstSide');
    if (concentrationZ > CONCENTRATION_Z_MAX) failed.push('concentration');
    return { votes: all[r]!, decisive: n, firstSideRate: n > 0 ? first[r]! / n : null, firstSideZ, topModel, concentrationZ, goldAccuracy: gold, failed };
  });
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
  /** Screened out, or weighted below LOW_WEIGHT by the reliability model. */
  downWeighted: boolean;
}

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
): { theta: Float64Array; rows: RaterReliabilityRow[] } {
  const screens = screenRaters(models, raters, votes, goldAccuracy);
  const fit = fitWithReliability(models, raters, screenedVotes(votes, screens), options);
  const rows = screens.map((screen, rater): RaterReliabilityRow => {
    const kept = screen.failed.length === 0;
    const weight = kept ? fit.weight[rater]! : 0;
    return { ...screen, rater, accuracy: kept ? fit.accuracy[rater]! : null, weight, downWeighted: !kept || weight < LOW_WEIGHT };
  });
  rows.sort((x, y) => x.weight - y.weight || x.rater - y.rater);
  return { theta: fit.theta, rows };
}
