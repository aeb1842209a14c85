/**
 * Rater-quality metrics for the supervisor console: agreement (Krippendorff's α, Fleiss'
 * and Cohen's κ, leave-one-out majority), position bias, self-consistency, gold accuracy,
 * speed and LMArena's anomaly test. Pure TypeScript; see docs/RANKING.md.
 */
export type { Choice, Label, QualityOptions, RaterVote } from './types';
export { raterQualityReport, poolAgreement, type RaterQualityRow, type PoolAgreement } from './report';
export {
  krippendorffAlpha,
  unitsFromMatrix,
  alphaFromCoincidence,
  type AlphaLevel,
  type AlphaResult,
} from './krippendorff';
export { alphaFromVotes, alphaWithoutEachRater } from './agreementAlpha';
export {
  fleissKappa,
  fleissKappaFromCounts,
  cohenKappaFromConfusion,
  pairwiseCohenKappa,
  meanKappaByRater,
  type CohenPair,
  type FleissResult,
} from './kappa';
export { majorityAgreement, type MajorityAgreement } from './majority';
export { positionBias, type PositionBias } from './positionBias';
export { binomialTestHalf } from './binomialTest';
export { selfConsistency, type SelfConsistency } from './selfConsistency';
export { goldAccuracy, type GoldAccuracy } from './gold';
export { activeTime, DEFAULT_TOO_FAST_MS, type ActiveTime } from './activeTime';
export { anomalyTest, type AnomalyResult } from './anomaly';
export { canonicalLabel, firstVotes } from './labels';
