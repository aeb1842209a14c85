import { create } from 'zustand';
import type { SegmentFilter } from '../../../../../shared/protocol/leaderboard';
import type { PrimaryResult, SecondaryResult } from './workerProtocol';

export interface PreviewResults {
  /** A job is running for the current inputs; what is shown may belong to the previous ones. */
  computing: boolean;
  secondaryPending: boolean;
  primary: PrimaryResult | null;
  secondary: SecondaryResult | null;
  /** The slice the shown primary result belongs to. */
  shownFilter: SegmentFilter | null;
  primaryMs: number | null;
  error: string | null;
}

export const EMPTY_RESULTS: PreviewResults = {
  computing: false,
  secondaryPending: false,
  primary: null,
  secondary: null,
  shownFilter: null,
  primaryMs: null,
  error: null,
};

/** What the ranking worker last answered; written only by previewController. */
export const usePreviewResults = create<PreviewResults>(() => EMPTY_RESULTS);
