import {
  layoutBoard,
  mergePairCounts,
  predictedWinRateMatrix,
  rankModels,
  rankModelsWithStyle,
  rowRiggingMargins,
  winRateMatrix,
  type PairCounts,
  type RankingResult,
  type StyleRankingResult,
} from '../../../../../shared/ranking';
import { adjustCounts, subtractCounts } from './countsMath';
import { ownBattlesIn } from './ownBattles';
import type { CompareResult, ContributionResult, Margins, PreviewJob, PrimaryResult, SecondaryResult, SliceInput } from './workerProtocol';

/** The pure work of ranking.worker.ts: the same function runs in the worker, the tests and the benchmark. */

/** The slice's counts plus own votes revealed after it was fetched. */
export function withFreshOwn(slice: SliceInput, job: Pick<PreviewJob, 'own'>): { counts: PairCounts; fresh: number } {
  const fresh = ownBattlesIn(job.own, slice.filter, slice.ownSeqAtFetch);
  return { counts: adjustCounts(slice.counts, fresh, 1), fresh: fresh.length };
}

function rank(counts: PairCounts, job: PreviewJob): RankingResult {
  return rankModels(counts, { ci: job.method, rounds: job.rounds, seed: job.seed, weights: job.weights ?? 'none' });
}

/** What the table, the interval plot and the heatmaps need. */
export function computePrimary(job: PreviewJob): PrimaryResult {
  const { counts, fresh } = withFreshOwn(job.primary, job);
  const ranking = rank(counts, job);
  const top = ranking.models.slice(0, job.matrixSize);
  return {
    ranking,
    observed: winRateMatrix(counts, top.map((row) => row.model)),
    predicted: predictedWinRateMatrix(top),
    freshOwn: fresh,
  };
}

/**
 * The comparison slice, the rater's contribution, the rigging margins and the style-controlled
 * board: computed second, so the table paints as soon as its one ranking is done.
 * `primaryRanking` is computePrimary's board, passed on so it is not fitted twice.
 */
export function computeSecondary(job: PreviewJob, primaryRanking?: RankingResult): SecondaryResult {
  return secondarySteps(job, primaryRanking).reduce<Partial<SecondaryResult>>(
    (result, step) => ({ ...result, ...step() }),
    {},
  ) as SecondaryResult;
}

/**
 * computeSecondary as separate steps, each a few to a few hundred milliseconds on a 200-model
 * board (margins refit a few times per row; the style fit reads every style row): the worker
 * yields between them, so a newer job (the next filter) never waits for more than one step.
 */
export function secondarySteps(job: PreviewJob, primaryRanking?: RankingResult): (() => Partial<SecondaryResult>)[] {
  const primary = withFreshOwn(job.primary, job).counts;
  return [
    () => ({ compare: compareResult(job, primary) }),
    () => ({ contribution: contributionResult(job, primary) }),
    () => ({ margins: marginsOf(primary, primaryRanking ?? rank(primary, job), job) }),
    () => ({ style: styleResult(job) }),
  ];
}

/**
 * The style-controlled board from the snapshot's style rows alone: own votes revealed since the
 * fetch are not added (their style rows are the server's to compute), so it is the board as of the fetch.
 */
function styleResult(job: PreviewJob): StyleRankingResult | null {
  const style = job.primary.style;
  if (!style || style.models.length < 2) return null;
  return rankModelsWithStyle(style);
}

/**
 * Each ranked model's rigging margin over the next one below it (by rating) in its own board,
 * as the server's leaderboard computes it (shared rowRiggingMargins, on the same counts).
 * Defined on the unweighted fit, so a balanced board gets none, as on the server.
 */
function marginsOf(counts: PairCounts, ranking: RankingResult, job: PreviewJob): Margins {
  const margins: Margins = {};
  if ((job.weights ?? 'none') !== 'none') return margins;
  for (const group of layoutBoard(ranking.models, ranking.warnings).groups) {
    const byRating = [...group.models].sort((x, y) => y.rating - x.rating).map((model) => model.model);
    rowRiggingMargins(counts, byRating).forEach((margin, k) => (margins[byRating[k]!] = margin));
  }
  return margins;
}

function compareResult(job: PreviewJob, primary: PairCounts): CompareResult | null {
  const compare = job.compare;
  if (!compare) return null;
  if (compare.mode === 'slice') {
    return { ranking: rank(withFreshOwn(compare.slice, job).counts, job), withheld: false, ratersAtLeast: compare.slice.raters };
  }
  // Every rater of the whole board who is not in the slice votes only in the rest; others may too.
  const ratersAtLeast = Math.max(0, compare.global.raters - job.primary.raters);
  if (ratersAtLeast < compare.global.minRaters) return { ranking: null, withheld: true, ratersAtLeast };
  const rest = subtractCounts(withFreshOwn(compare.global, job).counts, primary);
  return { ranking: rank(rest, job), withheld: false, ratersAtLeast };
}

function contributionResult(job: PreviewJob, primary: PairCounts): ContributionResult {
  const inSlice = ownBattlesIn(job.own, job.primary.filter);
  const all = ownBattlesIn(job.own, {});
  const ownCounts = adjustCounts(mergePairCounts(), all, 1);
  return {
    own: all.length > 0 ? rank(ownCounts, job) : null,
    without: inSlice.length > 0 ? rank(adjustCounts(primary, inSlice, -1), job) : null,
    inSlice: inSlice.length,
  };
}
