import type { SliceAnswer } from '../../../../../shared/ipc/features/leaderboardContract';
import { DEFAULT_ROUNDS, DEFAULT_SEED } from '../../../../../shared/ranking';
import type { useLeaderboard } from '../../../stores/leaderboard';
import type { CompareInput, PreviewJob, SliceInput } from './workerProtocol';

type LeaderboardState = ReturnType<typeof useLeaderboard.getState>;

/**
 * A slice the worker may rank: fetched (now or before) and released. The server reports raters
 * only for released slices; one without them is treated as withheld, never as zero raters.
 */
export function rankableSlice(answer: SliceAnswer | null): SliceInput | null {
  if (answer?.state !== 'ready' || answer.snapshot.withheld) return null;
  const { filter, counts, ownSeqAtFetch, raters, minRaters, style } = answer.snapshot;
  if (raters === undefined) return null;
  return { filter, counts, ownSeqAtFetch, raters, minRaters, ...(style ? { style } : {}) };
}

function compareInput(state: LeaderboardState): CompareInput | null {
  const slice = rankableSlice(state.secondary);
  if (!slice) return null;
  if (state.compareMode === 'slice') return { mode: 'slice', slice };
  if (state.compareMode === 'rest') return { mode: 'rest', global: slice };
  return null;
}

/** The job for the section's current state, or null when there is nothing the rater may see ranked. */
export function planJob(state: LeaderboardState): PreviewJob | null {
  const primary = rankableSlice(state.primary);
  if (!primary) return null;
  return {
    primary,
    compare: compareInput(state),
    own: state.own,
    method: state.method,
    weights: state.weights,
    rounds: DEFAULT_ROUNDS,
    seed: DEFAULT_SEED,
    matrixSize: state.matrixSize,
  };
}

/**
 * The inputs a job depends on, by identity: a change elsewhere in the store (loading flags, the
 * count of pending own votes) starts nothing. The store keeps own battles' arrays when unchanged.
 */
export function jobInputs(state: LeaderboardState): unknown[] {
  const own = state.own;
  return [state.primary, state.secondary, state.compareMode, own?.battles, own?.segments, own?.models, state.method, state.weights, state.matrixSize];
}
