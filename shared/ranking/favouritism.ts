import { sigmoid } from './likelihood';
import { quantileSorted } from './quantile';
import type { RatedVote } from './raterReliability';

/**
 * Favouritism: a rater who votes for (or against) one particular model whatever it is paired
 * with — the "stealth upvoter" who takes every lease, votes honestly, and acts only when they
 * recognise their model. One by one they are invisible (a model shows up in ~1 % of leases, so a
 * rater sees it a handful of times); as a group they are a second population in that model's
 * votes: honest raters' wins for model m follow the BT probabilities p_v = σ(θ_m − θ_o), which
 * depend on the opponent, theirs follow one rate q_m that does not.
 *
 * So for a model m, a two-component mixture over the raters who voted on it, fitted by EM (the
 * Dawid–Skene alternation raterReliability.ts uses for η): with probability π_m a rater is
 * partisan about m and their decisive votes involving m are Bernoulli(q_m) in m's favour;
 * otherwise they follow p_v. τ_rm is the posterior probability that rater r is partisan about
 * m; the defended fit weighs each of r's votes on m by 1 − τ_rm. No single rater is identified
 * — τ is soft — but the weighted record of m loses the excess the group added.
 *
 * Only where the votes call for it: `evidence` is the likelihood-ratio statistic of the mixture
 * against honest raters alone, 2·(ℓ_mixture − ℓ_honest), and a model is a suspect only above
 * suspectThreshold (docs/RANKING.md, "Favouritism"). Ties are left out: p_v must be the chance of
 * a win among decisive votes, so θ here is a fit of the decisive votes (the caller's business).
 */

/** Most EM rounds of one model's mixture (π and q settle in well under 20 from the starts below). */
const EM_ROUNDS = 20;
/** q is kept off 0 and 1 so one rater's clean sweep cannot make the likelihood infinite. */
const RATE_CLAMP = 0.02;
/**
 * Starts of EM: π a small group; q a coin, and also near-always and near-never. From the coin
 * alone EM can settle where q is the honest rate and π ≈ 0 when a blatant group has already
 * pulled the model's θ up (its raters then fit the honest component better than the coin, so τ
 * never grows); the best of the three fits by likelihood is kept.
 */
const START_SHARE = 0.05;
const START_RATES = [0.5, 0.9, 0.1];
/** Family-wise false-alarm rate of the suspect test over all models of a board. */
export const SUSPECT_FALSE_ALARM = 0.01;

/**
 * Evidence above which a model is a suspect: the χ²₂ tail e^(−x/2) at SUSPECT_FALSE_ALARM / models
 * (Bonferroni over the board), i.e. 2·ln(models / 0.01) — 19.8 for 200 models. χ² with 2 degrees
 * of freedom (π and q) is conservative for a mixture whose π sits on the boundary under the null;
 * on honest simulated boards of 200 models the largest evidence was 6–11.
 */
export function suspectThreshold(models: number): number {
  return 2 * Math.log(Math.max(models, 1) / SUSPECT_FALSE_ALARM);
}

/** Robust z (median and scaled MAD over the board's models) above which a model stands out. */
export const SUSPECT_ROBUST_Z = 6;

/**
 * The models whose evidence passes suspectThreshold AND stands out from the board's own:
 * real crowds differ in taste (a rater who likes long answers "favours" every verbose model), so
 * on real votes every model shows some evidence — on the LLMFAO crowd the median model's is 5,
 * 6 of its 59 models pass the χ² bound, and the simulator's honest raters (identical tastes)
 * do not show this at all. A partisan group is an outlier on top of that: evidence above
 * median + SUSPECT_ROBUST_Z · 1.4826 · MAD of all the models' evidence.
 */
export function suspects(evidence: Float64Array): number[] {
  if (evidence.length === 0) return [];
  const median = quantileSorted(Float64Array.from(evidence).sort(), 0.5);
  const spread = 1.4826 * quantileSorted(Float64Array.from(evidence, (x) => Math.abs(x - median)).sort(), 0.5);
  const threshold = Math.max(suspectThreshold(evidence.length), median + SUSPECT_ROBUST_Z * spread);
  return [...evidence.keys()].filter((m) => evidence[m]! > threshold);
}

export interface FavouritismState {
  /** π_m: share of partisan raters per model (0 where not estimated). */
  share: Float64Array;
  /** q_m: partisan raters' rate of voting for m. */
  rate: Float64Array;
  /**
   * 1 where the group wins m more votes than m's strength predicts (favours it), 0 where fewer.
   * Not q_m > ½: a group that picks a weak model 45 % of the time, where BT says 10 %, favours it.
   */
  favours: Uint8Array;
  /** 2·(ℓ_mixture − ℓ_honest) per model, ≥ 0 (0 where not estimated). */
  evidence: Float64Array;
  /** τ per (rater, model), keyed rater·models + model; absent = 0. */
  partisan: Map<number, number>;
}

/**
 * Every rater's decisive votes on each model, as parallel arrays of records grouped by model:
 * records of model m are order[start[m]] … order[start[m + 1] − 1]. Typed arrays and numeric
 * keys, not an object per record: at 1M votes there are ~400k records and 2M updates.
 */
interface Records {
  key: Float64Array;
  wins: Float64Array;
  decisive: Float64Array;
  /** Σ log p of what the rater answered, under θ (the honest component's log-likelihood). */
  honest: Float64Array;
  /** Its first and (minus) second derivative in θ_m at θ: Σ (won − p) and Σ p(1 − p). */
  slope: Float64Array;
  curvature: Float64Array;
  order: Int32Array;
  start: Int32Array;
}

/**
 * The mixture of every model in `models` (all when omitted) under strengths θ of the decisive
 * votes; `previous` carries π and q over from the last round as EM's start.
 */
export function estimateFavouritism(
  models: number,
  votes: readonly RatedVote[],
  theta: Float64Array,
  only?: ReadonlySet<number>,
  previous?: FavouritismState,
): FavouritismState {
  const records = collectRecords(models, votes, theta, only);
  const state: FavouritismState = {
    share: new Float64Array(models),
    rate: new Float64Array(models),
    evidence: new Float64Array(models),
    favours: new Uint8Array(models),
    partisan: new Map(),
  };
  for (let m = 0; m < models; m++) {
    const group = records.order.subarray(records.start[m]!, records.start[m + 1]!);
    if (group.length === 0) continue;
    const warm = previous !== undefined && previous.share[m]! > 0;
    const starts = warm ? [[previous.share[m]!, previous.rate[m]!]] : START_RATES.map((rate) => [START_SHARE, rate]);
    // Same data and null for every start, so the largest evidence is the largest mixture likelihood.
    const fit = starts
      .map(([share, rate]) => mixture(records, group, share!, rate!))
      .reduce((best, next) => (next.evidence > best.evidence ? next : best));
    state.share[m] = fit.share;
    state.rate[m] = fit.rate;
    state.evidence[m] = fit.evidence;
    state.favours[m] = fit.excess > 0 ? 1 : 0;
    group.forEach((record, i) => {
      if (fit.tau[i]! > 1e-9) state.partisan.set(records.key[record]!, fit.tau[i]!);
    });
  }
  return state;
}

function collectRecords(
  models: number,
  votes: readonly RatedVote[],
  theta: Float64Array,
  only?: ReadonlySet<number>,
): Records {
  let raters = 0;
  for (const v of votes) if (v.rater >= raters) raters = v.rater + 1;
  // A record per (rater, model) pair that voted: never more than either bound.
  const capacity = Math.min(2 * votes.length, raters * models);
  const key = new Float64Array(capacity);
  const wins = new Float64Array(capacity);
  const decisive = new Float64Array(capacity);
  const honest = new Float64Array(capacity);
  const slope = new Float64Array(capacity);
  const curvature = new Float64Array(capacity);
  const recordOf = recordIndex(models, raters);
  let size = 0;
  const add = (rater: number, model: number, won: boolean, p: number) => {
    if (only && !only.has(model)) return;
    const k = rater * models + model;
    let i = recordOf.get(k);
    if (i < 0) {
      i = size++;
      recordOf.set(k, i);
      key[i] = k;
    }
    decisive[i]! += 1;
    if (won) wins[i]! += 1;
    // p is the chance the model in question wins this vote.
    honest[i]! += Math.log(won ? p : 1 - p);
    slope[i]! += (won ? 1 : 0) - p;
    curvature[i]! += p * (1 - p);
  };
  for (const v of votes) {
    if (v.outcome === 0.5) continue;
    const p = sigmoid(theta[v.a]! - theta[v.b]!);
    const aWon = v.outcome === 1;
    add(v.rater, v.a, aWon, p);
    add(v.rater, v.b, !aWon, 1 - p);
  }
  // Counting sort of the records by model.
  const start = new Int32Array(models + 1);
  for (let i = 0; i < size; i++) start[(key[i]! % models) + 1]! += 1;
  for (let m = 0; m < models; m++) start[m + 1]! += start[m]!;
  const next = start.slice(0, models);
  const order = new Int32Array(size);
  for (let i = 0; i < size; i++) order[next[key[i]! % models]!++] = i;
  return { key, wins, decisive, honest, slope, curvature, order, start };
}

/** Dense (rater, model) → record tables up to this many cells (32 MB); a Map beyond. */
const DENSE_CELLS = 8_000_000;

/** (rater, model) key → record index, −1 when absent: a flat array for team-sized boards, where a Map's hashing was half the test's time. */
function recordIndex(models: number, raters: number): { get(k: number): number; set(k: number, i: number): void } {
  if (raters * models <= DENSE_CELLS) {
    const dense = new Int32Array(raters * models).fill(-1);
    return { get: (k) => dense[k]!, set: (k, i) => (dense[k] = i) };
  }
  const sparse = new Map<number, number>();
  return { get: (k) => sparse.get(k) ?? -1, set: (k, i) => sparse.set(k, i) };
}

/**
 * EM for (π, q) of one model by maximum likelihood, with the model's own strength profiled: each
 * round also moves θ_m by δ to the maximum of the honest part weighted by 1 − τ, the other
 * strengths held. Under the alternative the honest raters' votes are then judged at the strength
 * the group did not inflate — most of the test's power (target evidence at 10 % stealth votes
 * 13–29 → 18–39 over seeds 11–19 of bench:robustness; honest models barely move, as θ_m is already their MLE).
 * Each record's honest log-likelihood is its second-order expansion in δ around θ_m
 * (ℓ + slope·δ − ½·curvature·δ²; δ is a few tenths at most, the cubic term is negligible), so a
 * round costs O(records), not O(votes). Evidence: 2·(max ℓ_mixture − ℓ_honest at θ).
 */
function mixture(records: Records, group: Int32Array, startShare: number, startRate: number) {
  const { wins, decisive, honest, slope, curvature } = records;
  let share = startShare;
  let rate = startRate;
  let shift = 0;
  const tau = new Float64Array(group.length);
  // Per record, the log-odds of "partisan": log π/(1 − π) + w·log q + (n − w)·log(1 − q) − ℓ_honest(θ_m + δ).
  const odds = new Float64Array(group.length);
  const honestAt = (r: number) => honest[r]! + slope[r]! * shift - 0.5 * curvature[r]! * shift * shift;
  const refreshOdds = () => {
    const prior = Math.log(share / (1 - share));
    const logRate = Math.log(rate);
    const logNotRate = Math.log(1 - rate);
    for (let i = 0; i < group.length; i++) {
      const r = group[i]!;
      odds[i] = prior + wins[r]! * logRate + (decisive[r]! - wins[r]!) * logNotRate - honestAt(r);
    }
  };
  for (let round = 0; round < EM_ROUNDS; round++) {
    refreshOdds();
    let sumTau = 0,
      tauWins = 0,
      tauDecisive = 0,
      keptSlope = 0,
      keptCurvature = 1e-9;
    for (let i = 0; i < group.length; i++) {
      const r = group[i]!;
      const t = 1 / (1 + Math.exp(-odds[i]!));
      tau[i] = t;
      sumTau += t;
      tauWins += t * wins[r]!;
      tauDecisive += t * decisive[r]!;
      keptSlope += (1 - t) * slope[r]!;
      keptCurvature += (1 - t) * curvature[r]!;
    }
    const [lastShare, lastRate, lastShift] = [share, rate, shift];
    // Kept inside (0, 1): at exactly 0 the partisan component could never come back.
    share = Math.min(1 - 1e-6, Math.max(1e-6, sumTau / group.length));
    if (tauDecisive > 0) rate = Math.min(1 - RATE_CLAMP, Math.max(RATE_CLAMP, tauWins / tauDecisive));
    // The weighted quadratic's maximum, kept within ±1 (a logit) where the expansion holds.
    shift = Math.max(-1, Math.min(1, keptSlope / keptCurvature));
    const moved = Math.max(Math.abs(share - lastShare), Math.abs(rate - lastRate), Math.abs(shift - lastShift));
    if (moved < 1e-7) break;
  }
  // 2·Σ log((1 − π)·L_h(θ_m + δ) + π·L_q) − 2·Σ log L_h(θ_m)
  //   = 2·Σ [log(1 − π) + log(1 + e^odds) + ℓ_h(θ_m + δ) − ℓ_h(θ_m)].
  refreshOdds();
  let evidence = 0;
  // The group's wins beyond what BT expects at the profiled strength: Σ τ·(wins − E[wins]) = Σ τ·(slope − curvature·δ).
  let excess = 0;
  const logNotShare = Math.log(1 - share);
  for (let i = 0; i < group.length; i++) {
    const o = odds[i]!;
    const r = group[i]!;
    const softplus = o > 0 ? o + Math.log1p(Math.exp(-o)) : Math.log1p(Math.exp(o));
    evidence += 2 * (logNotShare + softplus + honestAt(r) - honest[r]!);
    tau[i] = 1 / (1 + Math.exp(-o));
    excess += tau[i]! * (slope[r]! - curvature[r]! * shift);
  }
  return { share, rate, tau, excess, evidence: Math.max(0, evidence) };
}

/** Per vote: 1 − τ of its rater on each of its two models, multiplied. */
export function favouritismScales(models: number, votes: readonly RatedVote[], state: FavouritismState): Float64Array {
  return Float64Array.from(votes, (v) => {
    const ta = state.partisan.get(v.rater * models + v.a) ?? 0;
    const tb = state.partisan.get(v.rater * models + v.b) ?? 0;
    return (1 - ta) * (1 - tb);
  });
}
