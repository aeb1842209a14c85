/**
 * Verdict ranking engine: Bradley–Terry MLE with sandwich or bootstrap intervals on
 * aggregated vote counts. Pure TypeScript (no node:*, no DOM): the same code runs in the
 * server, the renderer's Web Worker and the CLI. See docs/RANKING.md.
 */
export type {
  Battle,
  Outcome,
  PairCountRow,
  PairCounts,
  RankedModel,
  RankingResult,
  RankingWarning,
  RankOptions,
  SegmentField,
  SegmentFilter,
} from './types';
export { aggregateBattles, mergePairCounts, PairCountsBuilder, compareNames } from './aggregate';
export { SEGMENT_FIELDS, isSegmentField, segmentMatcher } from './segment';
export {
  rankModels,
  prepareRanking,
  sandwichIntervals,
  runBootstrap,
  bootstrapRunner,
  finishRanking,
  DEGENERATE_RIDGE,
  type PreparedRanking,
} from './rank';
export { fitBradleyTerry, type BradleyTerryFit, type BradleyTerryOptions } from './bradleyTerry';
export { sandwichStandardErrors } from './sandwich';
export {
  bootstrapThetas,
  BootstrapRunner,
  bootstrapIntervals,
  type BootstrapOptions,
  type BootstrapSamples,
} from './bootstrap';
export { toPairTable, validatePairCounts, type PairTable } from './pairTable';
export {
  balancedWeights,
  weightedTable,
  applyWeights,
  isWeightScheme,
  WEIGHT_SCHEMES,
  type WeightScheme,
} from './weights';
export { diagnoseGraph, connectedComponents, strongComponents, type GraphDiagnosis } from './graph';
export { displayedRanks } from './displayRank';
export {
  layoutBoard,
  markProvisional,
  DEFAULT_PROVISIONAL_MIN_VOTES,
  type BoardLayout,
  type BoardGroup,
  type PublishedModel,
} from './boardLayout';
export { onlineElo, type EloOptions, type EloRating } from './elo';
export { winRateMatrix, predictedWinRateMatrix, type WinRateMatrix } from './winRate';
export {
  styleFeaturesFromText,
  styleContrast,
  quantisedContrast,
  STYLE_CONTRAST_LEVELS,
  STYLE_FEATURES,
  type StyleFeatures,
} from './styleFeatures';
export {
  aggregateStyleBattles,
  rankModelsWithStyle,
  type StyleBattle,
  type StyleCounts,
  type StyleRankingResult,
} from './styleControl';
export { createRng, uniformInt, type Rng } from './random';
export { fitWithReliability, weightedFit, type RatedVote, type ReliabilityFit, type ReliabilityOptions } from './raterReliability';
export {
  explainReliability,
  screenRaters,
  screenedVotes,
  type RaterReliabilityRow,
  type RaterScreen,
  type ScreenReason,
} from './raterScreens';
export { boardRidge, boardRiggingMargins, riggingMargin, riggingWitness, rowRiggingMargins, SWAP_TOLERANCE, type RiggingWitness } from './riggingMargin';
export { simulateBattles, type Simulation, type SimulationOptions } from './simulate';
export { normalQuantile, normalCdf } from './normal';
export {
  activeFit,
  choosePairs,
  scorePairs,
  pairInformation,
  pairObjective,
  posteriorAt,
  DEFAULT_ACTIVE_POLICY,
  ACTIVE_PRIOR_PRECISION,
  type ActiveFit,
  type ActivePolicyOptions,
  type PairCandidate,
  type PairObjective,
} from './activeSampling';
export {
  SCALE,
  BASE,
  INIT_RATING,
  RATING_PER_THETA,
  HESSIAN_RIDGE_PER_VOTE,
  GRADIENT_TOLERANCE,
  DEFAULT_ROUNDS,
  DEFAULT_SEED,
} from './constants';
