/**
 * Public types of the ranking engine. Everything here is plain JSON so it can cross
 * a Worker boundary, an IPC channel or the wire (GET /v1/leaderboard/counts) unchanged.
 */

/** Outcome of one vote, seen from model A (the model shown first in the record). */
export type Outcome = 'a' | 'b' | 'tie' | 'both_bad';

/** Demographic / content fields a leaderboard can be sliced by. */
export type SegmentField = 'language' | 'country' | 'age_band' | 'education' | 'category';

/** Every listed field must match exactly; an empty filter keeps every vote. */
export type SegmentFilter = Partial<Record<SegmentField, string>>;

/** One raw vote. Only `aggregateBattles` and the online Elo look at raw votes. */
export interface Battle {
  modelA: string;
  modelB: string;
  outcome: Outcome;
  segment?: SegmentFilter;
  raterId?: string;
  /** Milliseconds (or any monotone clock); only online Elo uses it, for ordering. */
  timestamp?: number;
}

/**
 * Vote counts for one unordered model pair. `a` and `b` index `PairCounts.models`,
 * with `a < b`; `winsA` counts votes for models[a]. Counts are non-negative integers.
 */
export interface PairCountRow {
  a: number;
  b: number;
  winsA: number;
  winsB: number;
  ties: number;
  bothBad: number;
}

/** Aggregated counts: the only input of every ranking method. */
export interface PairCounts {
  models: string[];
  rows: PairCountRow[];
}

export interface RankOptions {
  /** Confidence-interval method; `sandwich` (default) is deterministic and fast. */
  ci?: 'sandwich' | 'bootstrap';
  /** Bootstrap rounds (default 1000). */
  rounds?: number;
  /** Bootstrap seed (default 42). */
  seed?: number;
  /** Shift the scale so that this model has this rating; default is mean 1000. */
  anchor?: { model: string; rating: number };
  /** `balanced` weights each vote by N/(P·c_pair) (docs/RANKING.md); default `none`. */
  weights?: 'none' | 'balanced';
}

export interface RankedModel {
  model: string;
  rating: number;
  lower: number;
  upper: number;
  /** 1 + number of models whose lower bound is above this model's upper bound. */
  rank: number;
  votes: number;
  wins: number;
  losses: number;
  /** Ties and both-bad votes together: both count as half a win in the fit. */
  ties: number;
}

/**
 * Something about the data that limits what the numbers mean. The engine never
 * returns NaN or Infinity; when the data cannot support an exact estimate it says so here.
 */
export type RankingWarning =
  /** The comparison graph has more than one connected component: ratings across components are not comparable. */
  | { kind: 'disconnected'; components: string[][] }
  /** The model never lost (ties count as half a loss): its maximum-likelihood rating is +∞. */
  | { kind: 'undefeated'; model: string }
  /** The model never won (ties count as half a win): its maximum-likelihood rating is −∞. */
  | { kind: 'winless'; model: string }
  /** Some group of models beat every model outside it, so no finite MLE exists (Ford 1957). */
  | { kind: 'separable'; components: string[][] }
  /** Because the MLE does not exist, the fit added a ridge penalty ½·ridge·Σθ² (natural-log scale). */
  | { kind: 'regularized'; ridge: number }
  /** Models listed in the counts with no votes at all: they are left out of the ranking. */
  | { kind: 'no_votes'; models: string[] }
  /** The anchor model is not among the ranked models; the scale falls back to mean 1000. */
  | { kind: 'anchor_missing'; model: string }
  /** Bootstrap resamples in which the MLE did not exist; they were fitted with the ridge. */
  | { kind: 'bootstrap_degenerate'; rounds: number }
  /** The solver stopped before |gradient| reached the tolerance. */
  | { kind: 'not_converged'; iterations: number; gradient: number };

export interface RankingResult {
  /** Sorted by rating, highest first (ties broken by model name). */
  models: RankedModel[];
  votes: number;
  method: 'sandwich' | 'bootstrap';
  /** Newton iterations of the point fit. */
  iterations: number;
  /** max_i |∂ℓ/∂θ_i| of the log-likelihood (sum over votes, natural-log scale) at the returned fit. */
  gradient: number;
  warnings: RankingWarning[];
}
