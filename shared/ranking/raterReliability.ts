import { fitBradleyTerry } from './bradleyTerry';
import { sigmoid } from './likelihood';
import { estimateFavouritism, favouritismScales, suspects as findSuspects, type FavouritismState } from './favouritism';
import { emptyTable, refreshTotals } from './pairTable';

/** One vote with its rater: outcome 1 = a won, 0 = b won, 0.5 = tie or both-bad. */
export interface RatedVote {
  rater: number;
  a: number;
  b: number;
  outcome: 0 | 0.5 | 1;
}

export interface ReliabilityOptions {
  /** EM rounds (default 8: weights settle in 4–6 on the simulator). */
  rounds?: number;
  /** Beta(prior·η0, prior·(1−η0)) pseudo-votes per rater, so a rater with 3 votes is not judged on 3. */
  prior?: number;
  /** Prior accuracy η0 (default 0.8). */
  priorAccuracy?: number;
  ridge?: number;
  /** Test every model for a partisan group and discount it where found (favouritism.ts; default true). */
  favouritism?: boolean;
}

export interface ReliabilityFit {
  theta: Float64Array;
  /** Per rater: estimated probability of voting with the model (η in CrowdBT). */
  accuracy: Float64Array;
  /** Per rater: the weight their votes got in the final fit, max(0, 2η − 1). */
  weight: Float64Array;
  /** Models whose votes show a partisan group (favouritism.ts `suspects`), and the mixture fitted on them. */
  suspects: number[];
  favouritism: FavouritismState | null;
}

/**
 * One-coin rater reliability fitted jointly with Bradley–Terry strengths, after CrowdBT
 * (Chen, Bennett, Collins-Thompson, Horvitz, WSDM 2013): rater r reports the BT outcome with
 * probability η_r and the reverse otherwise. We alternate (Dawid–Skene style EM): fix θ and
 * set η_r to the posterior mean of "this vote agreed with the truth" over r's decisive votes
 * (Beta prior); fix η and refit θ with each vote weighted by 2η_r − 1 — the log-likelihood
 * gradient of CrowdBT's mixture scales a vote by exactly this factor near p = ½, and raters at
 * or below chance (η ≤ ½) carry no weight, which is what removes a coordinated bloc whose
 * votes for its target contradict everyone else's. Ties count half as in plain BT.
 */
export function fitWithReliability(
  models: number,
  raters: number,
  votes: readonly RatedVote[],
  options: ReliabilityOptions = {},
): ReliabilityFit {
  const rounds = options.rounds ?? 8;
  const prior = options.prior ?? 10;
  const eta0 = options.priorAccuracy ?? 0.8;
  const weight = new Float64Array(raters).fill(1);
  const accuracy = new Float64Array(raters).fill(eta0);
  let theta = weightedFit(models, votes, weight, options.ridge);
  for (let round = 0; round < rounds; round++) {
    estimateAccuracy(votes, theta, accuracy, prior, eta0);
    for (let r = 0; r < raters; r++) weight[r] = Math.max(0, 2 * accuracy[r]! - 1);
    theta = weightedFit(models, votes, weight, options.ridge, theta);
  }
  if (options.favouritism === false) return { theta, accuracy, weight, suspects: [], favouritism: null };
  return { accuracy, weight, ...discountPartisans(models, votes, weight, theta, options.ridge) };
}

/** Alternations of θ and the suspects' mixtures once a suspect is found (τ settles in 3–4). */
const PARTISAN_ROUNDS = 5;

/**
 * The favouritism step of the defended fit (favouritism.ts), after the reliability weights are
 * known: test every model against the decisive votes' own fit (the likelihood-ratio test needs θ
 * fitted without any partisans discounted — the null hypothesis), then alternate θ and the
 * suspects' mixtures, discounting each suspect's votes by 1 − τ. With no suspect the board is
 * exactly the reliability fit: an honest board pays nothing.
 */
function discountPartisans(
  models: number,
  votes: readonly RatedVote[],
  weight: Float64Array,
  theta: Float64Array,
  ridge?: number,
): { theta: Float64Array; suspects: number[]; favouritism: FavouritismState } {
  // Raters the reliability fit already ignores (weight 0: contrarians, random clickers) would read
  // as a second population on every model; they are out of the test, as they are out of the fit.
  const decisive = votes.filter((v) => v.outcome !== 0.5 && weight[v.rater]! > 0);
  // Unweighted: the mixture's honest likelihood counts every kept vote once, so the null θ must be
  // that likelihood's own maximum (θ_m then gains nothing from profiling under the null, and the
  // χ²₂ reference holds); the reliability weights come back in the final fit.
  let decisiveTheta = weightedFit(models, decisive, null, ridge, theta);
  const test = estimateFavouritism(models, decisive, decisiveTheta);
  const suspects = findSuspects(test.evidence);
  if (suspects.length === 0) return { theta, suspects, favouritism: test };
  const only = new Set(suspects);
  let state: FavouritismState | undefined;
  for (let round = 0; round < PARTISAN_ROUNDS; round++) {
    state = estimateFavouritism(models, decisive, decisiveTheta, only, state);
    decisiveTheta = weightedFit(
      models,
      decisive,
      null,
      ridge,
      decisiveTheta,
      favouritismScales(models, decisive, state),
    );
  }
  state = estimateFavouritism(models, decisive, decisiveTheta, only, state);
  // Reported evidence is the test's (under the null), so the console shows why a model is a suspect.
  state.evidence = test.evidence;
  const scaled = weightedFit(models, votes, weight, ridge, theta, favouritismScales(models, votes, state));
  return { theta: scaled, suspects, favouritism: state };
}

/** η_r = (Σ P(vote agrees with truth | θ, η_r) + prior·η0) / (decisive votes + prior). */
function estimateAccuracy(
  votes: readonly RatedVote[],
  theta: Float64Array,
  accuracy: Float64Array,
  prior: number,
  eta0: number,
): void {
  const agree = new Float64Array(accuracy.length);
  const count = new Float64Array(accuracy.length);
  for (const v of votes) {
    if (v.outcome === 0.5) continue;
    const winner = v.outcome === 1 ? v.a : v.b;
    const loser = v.outcome === 1 ? v.b : v.a;
    const p = sigmoid(theta[winner]! - theta[loser]!);
    const eta = accuracy[v.rater]!;
    agree[v.rater]! += (eta * p) / (eta * p + (1 - eta) * (1 - p));
    count[v.rater]! += 1;
  }
  for (let r = 0; r < accuracy.length; r++) accuracy[r] = (agree[r]! + prior * eta0) / (count[r]! + prior);
}

/** Plain BT on votes scaled by their rater's weight and, if given, a per-vote scale (fractional counts are fine for the solver). */
export function weightedFit(
  models: number,
  votes: readonly RatedVote[],
  weight: Float64Array | null,
  ridge = 1e-5,
  initial?: Float64Array,
  voteScale?: ArrayLike<number>,
): Float64Array {
  const index = new Map<number, number>();
  const rows: { a: number; b: number; wa: number; wb: number; d: number }[] = [];
  votes.forEach((v, i) => {
    const w = (weight ? weight[v.rater]! : 1) * (voteScale ? voteScale[i]! : 1);
    if (w <= 0) return;
    const lo = Math.min(v.a, v.b);
    const hi = Math.max(v.a, v.b);
    const key = lo * models + hi;
    let k = index.get(key);
    if (k === undefined) {
      k = rows.length;
      index.set(key, k);
      rows.push({ a: lo, b: hi, wa: 0, wb: 0, d: 0 });
    }
    const row = rows[k]!;
    const aWon = v.outcome === 1 ? v.a === lo : v.b === lo;
    if (v.outcome === 0.5) row.d += w;
    else if (aWon) row.wa += w;
    else row.wb += w;
  });
  const table = emptyTable(models, rows.length);
  rows.forEach((r, k) => {
    table.a[k] = r.a;
    table.b[k] = r.b;
    table.winsA[k] = r.wa;
    table.winsB[k] = r.wb;
    table.draws[k] = r.d;
  });
  refreshTotals(table);
  // A small ridge keeps the fit defined when a model is left with only wins or only losses.
  return fitBradleyTerry(table, { ridge: ridge * Math.max(1, table.votes), initial }).theta;
}
