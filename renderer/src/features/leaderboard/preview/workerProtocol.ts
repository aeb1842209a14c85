import type { OwnVotes } from '../../../../../shared/ipc/features/leaderboardContract';
import type { PairCounts, RankingResult, SegmentFilter, StyleCounts, StyleRankingResult, WinRateMatrix } from '../../../../../shared/ranking';
import { packCounts, unpackCounts, type PackedCounts } from './packedCounts';

/**
 * The typed messages between the page and ranking.worker.ts. Everything is plain data
 * (structured clone). The worker answers each job in two phases: the primary board first
 * (what the table and plots wait for), then the comparisons, so a filter change paints as
 * soon as the one ranking it needs is done.
 */

/** A slice the page may show: withheld slices never reach the worker. */
export interface SliceInput {
  filter: SegmentFilter;
  counts: PairCounts;
  ownSeqAtFetch: number;
  raters: number;
  minRaters: number;
  /** The slice's style rows, when the snapshot carries them (plain arrays: cloned, not transferred). */
  style?: StyleCounts;
}

export type CompareInput = { mode: 'slice'; slice: SliceInput } | { mode: 'rest'; global: SliceInput };

export interface PreviewJob {
  primary: SliceInput;
  compare: CompareInput | null;
  own: OwnVotes | null;
  method: 'sandwich' | 'bootstrap';
  /** Balanced weights (docs/RANKING.md); absent means none. */
  weights?: 'none' | 'balanced';
  rounds: number;
  seed: number;
  /** The heatmaps show the top `matrixSize` models by rating. */
  matrixSize: number;
}

export interface PrimaryResult {
  ranking: RankingResult;
  observed: WinRateMatrix;
  predicted: { models: string[]; rates: number[][] };
  /** Own votes revealed after the snapshot was fetched, added to its counts. */
  freshOwn: number;
}

export interface CompareResult {
  ranking: RankingResult | null;
  /** The complement of a slice is withheld when it cannot be shown to have enough raters. */
  withheld: boolean;
  /** For 'rest': the fewest distinct raters it can have. */
  ratersAtLeast: number;
}

export interface ContributionResult {
  /** Every own revealed vote, ranked on its own (not sliced). */
  own: RankingResult | null;
  /** The primary board with this rater's matching votes taken out. */
  without: RankingResult | null;
  /** Own battles that fall in the primary slice. */
  inSlice: number;
}

/** Rigging margin per ranked model (votes to flip to swap it with the next one below); null on a board's last row. */
export type Margins = Record<string, number | null>;

export interface SecondaryResult {
  compare: CompareResult | null;
  contribution: ContributionResult;
  /** The style-controlled board of the primary slice; null when its snapshot has no style rows. */
  style: StyleRankingResult | null;
  margins: Margins;
}

/** A job as posted: every slice's counts packed (see packedCounts.ts). */
export type WireSlice = Omit<SliceInput, 'counts'> & { counts: PackedCounts };
export type WireJob = Omit<PreviewJob, 'primary' | 'compare'> & {
  primary: WireSlice;
  compare: { mode: 'slice'; slice: WireSlice } | { mode: 'rest'; global: WireSlice } | null;
};

export interface WorkerRequest {
  id: number;
  job: WireJob;
}

const packSlice = (slice: SliceInput): WireSlice => ({ ...slice, counts: packCounts(slice.counts) });
const unpackSlice = (slice: WireSlice): SliceInput => ({ ...slice, counts: unpackCounts(slice.counts) });

/** The job in wire form, and the buffers to transfer with it. */
export function toWire(job: PreviewJob): { wire: WireJob; transfer: ArrayBuffer[] } {
  const compare = job.compare;
  const wire: WireJob = {
    ...job,
    primary: packSlice(job.primary),
    compare: !compare ? null : compare.mode === 'slice' ? { mode: 'slice', slice: packSlice(compare.slice) } : { mode: 'rest', global: packSlice(compare.global) },
  };
  const slices = [wire.primary, wire.compare?.mode === 'slice' ? wire.compare.slice : wire.compare?.global].filter((slice) => slice !== undefined);
  return { wire, transfer: slices.flatMap((slice) => [slice.counts.pairs.buffer as ArrayBuffer, slice.counts.cells.buffer as ArrayBuffer]) };
}

export function fromWire(wire: WireJob): PreviewJob {
  const compare = wire.compare;
  return {
    ...wire,
    primary: unpackSlice(wire.primary),
    compare: !compare ? null : compare.mode === 'slice' ? { mode: 'slice', slice: unpackSlice(compare.slice) } : { mode: 'rest', global: unpackSlice(compare.global) },
  };
}

export type WorkerResponse =
  | { id: number; phase: 'primary'; result: PrimaryResult; ms: number }
  | { id: number; phase: 'secondary'; result: SecondaryResult; ms: number }
  | { id: number; phase: 'error'; message: string };
