import { describe, expect, it } from 'vitest';
import type { OwnVotes } from '../../../../shared/ipc/features/leaderboardContract';
import {
  aggregateBattles,
  aggregateStyleBattles,
  createRng,
  mergePairCounts,
  rankModels,
  rankModelsWithStyle,
  rowRiggingMargins,
  simulateBattles,
  uniformInt,
  winRateMatrix,
  type PairCounts,
} from '../../../../shared/ranking';
import { computePrimary, computeSecondary } from '../../../../renderer/src/features/leaderboard/preview/computePreview';
import { adjustCounts } from '../../../../renderer/src/features/leaderboard/preview/countsMath';
import type { PreviewJob, SliceInput } from '../../../../renderer/src/features/leaderboard/preview/workerProtocol';

const counts: PairCounts = aggregateBattles(simulateBattles({ models: 8, votes: 3000, seed: 7 }).battles);
const models = counts.models;

/** Three own votes: two in German code tasks (seq 4 and 5), one of unknown segment (seq 6). */
const own: OwnVotes = {
  revision: 1,
  models: [models[0]!, models[1]!, models[2]!],
  segments: [{ language: 'de', category: 'code', country: 'DE' }, { country: 'DE' }],
  battles: [
    [0, 1, 0, 0, 4],
    [2, 0, 1, 0, 5],
    [1, 2, 2, 1, 6],
  ],
  pending: 2,
  unrevealed: 0,
  cantRead: 0,
  unattributed: 1,
};

function slice(filter: SliceInput['filter'], sliceCounts = counts, ownSeqAtFetch = 6): SliceInput {
  return { filter, counts: sliceCounts, ownSeqAtFetch, raters: 40, minRaters: 5 };
}

function job(changes: Partial<PreviewJob> = {}): PreviewJob {
  return { primary: slice({}), compare: null, own, method: 'sandwich', rounds: 50, seed: 42, matrixSize: 5, ...changes };
}

describe('the preview computation (what the worker runs)', () => {
  it('ranks the style-controlled board from the snapshot style rows, and none without them', () => {
    const rng = createRng(11);
    const styleOf = () => ({ tokens: 50 + uniformInt(rng, 500), headers: uniformInt(rng, 3), lists: uniformInt(rng, 5), bold: uniformInt(rng, 3) });
    const battles = simulateBattles({ models: 8, votes: 3000, seed: 7 }).battles.map((b) => ({ ...b, styleA: styleOf(), styleB: styleOf() }));
    const style = aggregateStyleBattles(battles);
    const withStyle = computeSecondary(job({ primary: { ...slice({}), style } }));
    expect(withStyle.style).toEqual(rankModelsWithStyle(style));
    expect(computeSecondary(job()).style).toBeNull();
  });

  it('ranks the slice exactly as shared/ranking does, with heatmaps over the top models', () => {
    const result = computePrimary(job());
    const expected = rankModels(counts);
    expect(result.ranking).toEqual(expected);
    const top = expected.models.slice(0, 5).map((m) => m.model);
    expect(result.observed).toEqual(winRateMatrix(counts, top));
    expect(result.predicted.models).toEqual(top);
    expect(result.freshOwn).toBe(0);
  });

  it('fits with balanced weights when the job asks for them, as shared/ranking does', () => {
    const skewed = mergePairCounts(counts, { models: [models[0]!, models[1]!], rows: [{ a: 0, b: 1, winsA: 400, winsB: 100, ties: 0, bothBad: 0 }] });
    const primary = slice({}, skewed, 6);
    const balanced = computePrimary(job({ primary, weights: 'balanced' }));
    expect(balanced.ranking).toEqual(rankModels(skewed, { weights: 'balanced' }));
    expect(balanced.ranking.models).not.toEqual(computePrimary(job({ primary })).ranking.models);
  });

  it('gives each model the rigging margin over the next one down, as the server computes it, and none on a balanced board', () => {
    const plain = job({ primary: slice({}, counts, 6) });
    const primary = computePrimary(plain);
    const { margins } = computeSecondary(plain, primary.ranking);
    const byRating = primary.ranking.models.map((m) => m.model);
    const expected = rowRiggingMargins(counts, byRating);
    expect(byRating.map((model) => margins[model])).toEqual(expected);
    expect(margins[byRating.at(-1)!]).toBeNull();
    expect(expected.slice(0, -1).every((margin) => Number.isInteger(margin) && margin! > 0)).toBe(true);
    expect(computeSecondary(plain).margins).toEqual(margins); // ranks the board itself when not given it
    expect(computeSecondary(job({ primary: slice({}, counts, 6), weights: 'balanced' })).margins).toEqual({});
  });

  it('adds own votes revealed after the snapshot, only those the slice filter matches', () => {
    const whole = computePrimary(job({ primary: slice({}, counts, 4) }));
    expect(whole.freshOwn).toBe(2);
    const german = computePrimary(job({ primary: slice({ language: 'de' }, counts, 0) }));
    expect(german.freshOwn).toBe(2);
    const english = computePrimary(job({ primary: slice({ language: 'en' }, counts, 0) }));
    expect(english.freshOwn).toBe(0);
  });

  it('ranks the rest of the votes as the whole minus the slice, unless too few raters can be shown to remain', () => {
    const part = aggregateBattles(simulateBattles({ models: 8, votes: 500, seed: 9 }).battles);
    const whole = mergePairCounts(counts, part);
    const compare = { mode: 'rest' as const, global: { ...slice({}, whole), raters: 60 } };
    const result = computeSecondary(job({ primary: slice({ language: 'de' }, part), compare, own: null }));
    expect(result.compare?.withheld).toBe(false);
    expect(result.compare?.ranking).toEqual(rankModels(counts));
    const thin = computeSecondary(job({ primary: { ...slice({ language: 'de' }, part), raters: 58 }, compare, own: null }));
    expect(thin.compare).toEqual({ ranking: null, withheld: true, ratersAtLeast: 2 });
  });

  it('ranks the board without the rater’s own votes in the slice, and the rater’s votes on their own', () => {
    const result = computeSecondary(job({ primary: slice({ country: 'DE' }) }));
    expect(result.contribution.inSlice).toBe(3);
    const mine = [
      { modelA: models[0]!, modelB: models[1]!, outcome: 0 },
      { modelA: models[2]!, modelB: models[0]!, outcome: 1 },
      { modelA: models[1]!, modelB: models[2]!, outcome: 2 },
    ];
    expect(result.contribution.without).toEqual(rankModels(adjustCounts(counts, mine, -1)));
    expect(result.contribution.own?.models.map((m) => m.model).sort()).toEqual(own.models.slice().sort());
    const coded = computeSecondary(job({ primary: slice({ category: 'code' }) }));
    expect(coded.contribution.inSlice).toBe(2);
  });

  it('uses bootstrap intervals when asked, reproducibly for a seed', () => {
    const first = computePrimary(job({ method: 'bootstrap' }));
    expect(first.ranking.method).toBe('bootstrap');
    expect(computePrimary(job({ method: 'bootstrap' })).ranking).toEqual(first.ranking);
  });
});
