import { create } from 'zustand';
import type { OwnVotes, SegmentCatalog, SliceAnswer } from '../../../shared/ipc/features/leaderboardContract';
import type { SegmentField, SegmentFilter } from '../../../shared/protocol/leaderboard';
import { call, subscribe } from '../bridge';

export type CompareMode = 'off' | 'slice' | 'rest';
export type CiMethod = 'sandwich' | 'bootstrap';
export type Weights = 'none' | 'balanced';

/**
 * The Leaderboard section's data and settings: which slice, what main answered for it
 * (counts from the server or the disk cache), the filter catalog and the rater's own votes.
 * Ranking results live in useLeaderboardPreview (features/leaderboard/preview), computed
 * off the main thread from what is here.
 */
interface LeaderboardStore {
  filter: SegmentFilter;
  compareMode: CompareMode;
  compareFilter: SegmentFilter;
  method: CiMethod;
  weights: Weights;
  matrixSize: number;
  primary: SliceAnswer | null;
  /** The comparison slice ('slice'), or the whole board ('rest': the complement is computed locally). */
  secondary: SliceAnswer | null;
  catalog: SegmentCatalog | null;
  own: OwnVotes | null;
  loading: boolean;
  /** A call to main failed (not a server problem: those come back as answers). */
  error: string | null;
  setFilterValue(field: SegmentField, value: string | null): void;
  setCompareMode(mode: CompareMode): void;
  setCompareValue(field: SegmentField, value: string | null): void;
  setMethod(method: CiMethod): void;
  setWeights(weights: Weights): void;
  setMatrixSize(size: number): void;
  loadSlices(refresh?: boolean): Promise<void>;
  loadCatalog(refresh?: boolean): Promise<void>;
  loadOwn(): Promise<void>;
  refresh(): Promise<void>;
}

let sliceRequest = 0;

/**
 * A new answer whose battles are the same as before (only a pending count or the profile's
 * revision moved) keeps the old arrays, so the ranking worker is not asked to redo a board.
 */
function keepUnchangedBattles(previous: OwnVotes | null, next: OwnVotes): OwnVotes {
  if (!previous) return next;
  const same =
    JSON.stringify([previous.models, previous.segments, previous.battles]) === JSON.stringify([next.models, next.segments, next.battles]);
  return same ? { ...next, models: previous.models, segments: previous.segments, battles: previous.battles } : next;
}

function withValue(filter: SegmentFilter, field: SegmentField, value: string | null): SegmentFilter {
  const next = { ...filter };
  if (value === null) delete next[field];
  else next[field] = value;
  return next;
}

export const useLeaderboard = create<LeaderboardStore>((set, get) => ({
  filter: {},
  compareMode: 'off',
  compareFilter: {},
  method: 'sandwich',
  weights: 'none',
  matrixSize: 20,
  primary: null,
  secondary: null,
  catalog: null,
  own: null,
  loading: false,
  error: null,
  setFilterValue(field, value) {
    const filter = withValue(get().filter, field, value);
    // "Everything outside the slice" of all votes is nothing: stop comparing rather than show an empty board.
    const compareMode = Object.keys(filter).length === 0 && get().compareMode === 'rest' ? 'off' : get().compareMode;
    set({ filter, compareMode });
    void get().loadSlices();
  },
  setCompareMode(compareMode) {
    set({ compareMode, secondary: null });
    void get().loadSlices();
  },
  setCompareValue(field, value) {
    set({ compareFilter: withValue(get().compareFilter, field, value) });
    void get().loadSlices();
  },
  setMethod: (method) => set({ method }),
  setWeights: (weights) => set({ weights }),
  setMatrixSize: (matrixSize) => set({ matrixSize }),
  async loadSlices(refresh = false) {
    // Only the newest request may land: quick filter changes must not show an older slice last.
    const request = ++sliceRequest;
    const { filter, compareMode, compareFilter } = get();
    set({ loading: true });
    try {
      const secondaryFilter = compareMode === 'slice' ? compareFilter : compareMode === 'rest' ? {} : null;
      const [primary, secondary] = await Promise.all([
        call('leaderboard.getSlice', { filter, refresh }),
        secondaryFilter ? call('leaderboard.getSlice', { filter: secondaryFilter, refresh }) : Promise.resolve(null),
      ]);
      if (request === sliceRequest) {
        // A named mark (cheap) so `npm run bench:preview` can split a filter change into its steps.
        performance.mark('leaderboard:counts');
        set({ primary, secondary, error: null });
      }
    } catch (error) {
      if (request === sliceRequest) set({ error: (error as Error).message });
    } finally {
      if (request === sliceRequest) set({ loading: false });
    }
  },
  async loadCatalog(refresh = false) {
    try {
      set({ catalog: await call('leaderboard.getCatalog', { refresh }) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async loadOwn() {
    try {
      set({ own: keepUnchangedBattles(get().own, await call('leaderboard.getOwnVotes', {})) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async refresh() {
    await Promise.all([get().loadSlices(true), get().loadCatalog(true), get().loadOwn()]);
  },
}));

/** Loads what the section shows and follows main's notices about the rater's own votes. */
export function startLeaderboardSync(): () => void {
  const unsubscribe = subscribe('leaderboard.ownVotes', (change) => {
    if (change.revision !== useLeaderboard.getState().own?.revision) void useLeaderboard.getState().loadOwn();
  });
  const store = useLeaderboard.getState();
  void store.loadOwn();
  // The menus' lists are several counts answers in one: fetched after the slice on screen, not competing with it.
  void store.loadSlices().then(() => store.loadCatalog());
  return unsubscribe;
}
