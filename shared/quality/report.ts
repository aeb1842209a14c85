import { activeTime, type ActiveTime } from './activeTime';
import { alphaFromVotes, alphaWithoutEachRater } from './agreementAlpha';
import { anomalyTest, type AnomalyResult } from './anomaly';
import { goldAccuracy, type GoldAccuracy } from './gold';
import { fleissKappa, meanKappaByRater, pairwiseCohenKappa, type CohenPair, type FleissResult } from './kappa';
import { firstVotes, groupBy, ratio } from './labels';
import { majorityAgreement, type MajorityAgreement } from './majority';
import { positionBias, type PositionBias } from './positionBias';
import { selfConsistency, type SelfConsistency } from './selfConsistency';
import type { QualityOptions, RaterVote } from './types';

/** Every supervisor metric for one rater. Rates are null when there is nothing to measure. */
export interface RaterQualityRow {
  raterId: string;
  votes: number;
  /** Distinct items voted on. */
  items: number;
  tieRate: number | null;
  bothBadRate: number | null;
  positionBias: PositionBias;
  /** Leave-one-out agreement with the other raters' strict majority. */
  majority: MajorityAgreement;
  /** Overlap-weighted mean Cohen's κ with every rater sharing ≥ minOverlap items. */
  cohenKappa: { partners: number; meanKappa: number | null };
  /** The pool's Krippendorff α with this rater left out (higher than the pool's = this rater lowers agreement). */
  alphaWithout: { nominal: number | null; ordinal: number | null };
  selfConsistency: SelfConsistency;
  gold: GoldAccuracy;
  activeTime: ActiveTime;
  anomaly: AnomalyResult;
}

export interface PoolAgreement {
  votes: number;
  raters: number;
  items: number;
  alphaNominal: number | null;
  alphaOrdinal: number | null;
  fleiss: FleissResult;
  /** Overlap-weighted mean of all pairwise Cohen's κ. */
  meanCohenKappa: number | null;
  cohenPairs: CohenPair[];
  /** The per-rater behaviour metrics, pooled over every vote of the pool. */
  tieRate: number | null;
  bothBadRate: number | null;
  positionBias: PositionBias;
  /** Swapped repeats are only ever compared within one rater, then summed. */
  selfConsistency: SelfConsistency;
  gold: GoldAccuracy;
  activeTime: ActiveTime;
  /** Raters flagged by the anomaly test. */
  flaggedRaters: string[];
}

/**
 * The whole pool: agreement (α nominal and ordinal, Fleiss' κ, pairwise Cohen's κ) and the
 * per-rater behaviour metrics pooled over all votes.
 */
export function poolAgreement(votes: readonly RaterVote[], options: QualityOptions = {}): PoolAgreement {
  const first = firstVotes(votes);
  const pairs = pairwiseCohenKappa(first, options);
  const defined = pairs.filter((p) => p.kappa !== null);
  const weight = defined.reduce((s, p) => s + p.items, 0);
  const consistency = { repeats: 0, consistent: 0 };
  for (const own of groupBy(votes, (v) => v.raterId).values()) {
    const c = selfConsistency(own, options);
    consistency.repeats += c.repeats;
    consistency.consistent += c.consistent;
  }
  return {
    votes: votes.length,
    raters: new Set(votes.map((v) => v.raterId)).size,
    items: new Set(votes.map((v) => v.itemId)).size,
    alphaNominal: alphaFromVotes(first, 'nominal', options).alpha,
    alphaOrdinal: alphaFromVotes(first, 'ordinal', options).alpha,
    fleiss: fleissKappa(first, options),
    meanCohenKappa: weight > 0 ? defined.reduce((s, p) => s + p.items * p.kappa!, 0) / weight : null,
    cohenPairs: pairs,
    tieRate: ratio(votes.filter((v) => v.choice === 'tie').length, votes.length),
    bothBadRate: ratio(votes.filter((v) => v.choice === 'both_bad').length, votes.length),
    positionBias: positionBias(votes),
    selfConsistency: { ...consistency, rate: ratio(consistency.consistent, consistency.repeats) },
    gold: goldAccuracy(votes, options),
    activeTime: activeTime(votes, options),
    flaggedRaters: [...anomalyTest(votes, options)]
      .filter(([, r]) => r.flagged)
      .map(([id]) => id)
      .sort(),
  };
}

/** One row per rater (sorted by raterId) with every metric of the supervisor console. */
export function raterQualityReport(votes: readonly RaterVote[], options: QualityOptions = {}): RaterQualityRow[] {
  const majority = majorityAgreement(votes, options);
  const kappas = meanKappaByRater(pairwiseCohenKappa(votes, options));
  const alphas = alphaWithoutEachRater(votes, options);
  const anomalies = anomalyTest(votes, options);
  const rows: RaterQualityRow[] = [];
  for (const [raterId, own] of groupBy(votes, (v) => v.raterId)) {
    const ties = own.filter((v) => v.choice === 'tie').length;
    const bothBad = own.filter((v) => v.choice === 'both_bad').length;
    rows.push({
      raterId,
      votes: own.length,
      items: firstVotes(own).length,
      tieRate: ratio(ties, own.length),
      bothBadRate: ratio(bothBad, own.length),
      positionBias: positionBias(own),
      majority: majority.get(raterId) ?? { compared: 0, agreed: 0, rate: null },
      cohenKappa: kappas.get(raterId) ?? { partners: 0, meanKappa: null },
      alphaWithout: alphas.get(raterId) ?? { nominal: null, ordinal: null },
      selfConsistency: selfConsistency(own, options),
      gold: goldAccuracy(own, options),
      activeTime: activeTime(own, options),
      anomaly: anomalies.get(raterId)!,
    });
  }
  return rows.sort((x, y) => (x.raterId < y.raterId ? -1 : x.raterId > y.raterId ? 1 : 0));
}
