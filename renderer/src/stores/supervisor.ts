import { create } from 'zustand';
import type { SupervisorFailure } from '../../../shared/ipc/features/supervisorContract';
import type { Flag, ItemMark, MarkKind, RatersResponse } from '../../../shared/protocol/supervisor';
import { call } from '../bridge';
import { useAuth } from './auth';
import type { TeamAnalysis } from '../features/supervisor/analysis/analysisCore';
import { analysisEngine } from '../features/supervisor/engine/analysisEngine';
import { loadTeamVotes } from '../features/supervisor/data/voteLoader';

export type SupervisorTab = 'team' | 'pool' | 'inbox' | 'whatif';
export type StatusFilter = 'all' | 'ok' | 'watch' | 'flagged';
export type SortDirection = 'asc' | 'desc';

export interface TeamTableState {
  sortBy: string;
  direction: SortDirection;
  status: StatusFilter;
  search: string;
}

interface SupervisorStore {
  team: RatersResponse | null;
  flags: Flag[];
  marks: ItemMark[];
  failure: SupervisorFailure | null;
  loading: boolean;
  votesState: 'idle' | 'loading' | 'ready' | 'failed';
  votesLoaded: number;
  votesFailure: SupervisorFailure | null;
  analysis: TeamAnalysis | null;
  /** The last action's outcome, read out by a polite live region. */
  notice: string | null;
  tab: SupervisorTab;
  raterId: string | null;
  /** The pool's worst share on a metric that puts a rater on watch. */
  tailShare: number;
  table: TeamTableState;
  /** Bumped whenever flags change, so views that read flags per rater refetch. */
  flagsVersion: number;
  /** Whose team is loaded (server and account), so another sign-in starts afresh. */
  account: string | null;
  /** Loads the team for this account unless it is the one already loaded. */
  loadFor(account: string): Promise<void>;
  load(): Promise<void>;
  reloadFlags(): Promise<SupervisorFailure | null>;
  flag(raterId: string, note: string, unflag?: boolean): Promise<SupervisorFailure | null>;
  markVote(voteId: string, mark: MarkKind, note: string): Promise<SupervisorFailure | null>;
  setTab(tab: SupervisorTab): void;
  openRater(raterId: string | null): void;
  setTailShare(share: number): void;
  setTable(changes: Partial<TeamTableState>): void;
  announce(notice: string): void;
}

const INITIAL_TABLE: TeamTableState = { sortBy: 'status', direction: 'desc', status: 'all', search: '' };
const HEATMAP_RATERS = 40;
/** Each load gets a number; a newer load makes an older one stop feeding the engine. */
let generation = 0;

/**
 * The supervisor console's state: the team table and flags from the server
 * (through main), the team's votes loaded into the analysis Worker, and
 * what the supervisor is looking at.
 */
export const useSupervisor = create<SupervisorStore>((set, get) => ({
  team: null,
  flags: [],
  marks: [],
  failure: null,
  loading: false,
  votesState: 'idle',
  votesLoaded: 0,
  votesFailure: null,
  analysis: null,
  notice: null,
  tab: 'team',
  raterId: null,
  tailShare: 0.1,
  table: INITIAL_TABLE,
  flagsVersion: 0,
  account: null,
  async loadFor(account) {
    if (get().account === account) return;
    resetSupervisor();
    set({ account });
    await get().load();
  },
  async load() {
    const mine = ++generation;
    set({ loading: true, failure: null });
    let team, flags, marks;
    try {
      [team, flags, marks] = await Promise.all([
        call('supervisor.raters', {}),
        call('supervisor.flags', {}),
        call('supervisor.marks', {}),
      ]);
    } catch (error) {
      if (mine === generation)
        set({ loading: false, failure: { reason: 'unreachable', detail: (error as Error).message } });
      return;
    }
    if (mine !== generation) return;
    if (!team.ok || !flags.ok || !marks.ok) {
      set({
        loading: false,
        failure: !team.ok ? team.failure : !flags.ok ? flags.failure : marks.ok ? null : marks.failure,
      });
      return;
    }
    set({
      team: team.data,
      flags: flags.data.flags,
      marks: marks.data.marks,
      loading: false,
      votesState: 'loading',
      votesLoaded: 0,
      votesFailure: null,
      analysis: null,
    });
    await loadAnalysis(mine, set);
  },
  async reloadFlags() {
    const [flags, marks] = await Promise.all([call('supervisor.flags', {}), call('supervisor.marks', {})]);
    if (!flags.ok) return flags.failure;
    if (!marks.ok) return marks.failure;
    set((state) => ({ flags: flags.data.flags, marks: marks.data.marks, flagsVersion: state.flagsVersion + 1 }));
    return null;
  },
  async flag(raterId, note, unflag = false) {
    const answer = await call(unflag ? 'supervisor.unflag' : 'supervisor.flag', { raterId, note });
    if (!answer.ok) return answer.failure;
    return get().reloadFlags();
  },
  async markVote(voteId, mark, note) {
    const answer = await call('supervisor.markVote', { voteId, mark, note });
    if (!answer.ok) return answer.failure;
    return get().reloadFlags();
  },
  setTab: (tab) => set({ tab, raterId: null }),
  openRater: (raterId) => set({ raterId }),
  setTailShare: (tailShare) => set({ tailShare }),
  setTable: (changes) => set((state) => ({ table: { ...state.table, ...changes } })),
  announce: (notice) => set({ notice }),
}));

async function loadAnalysis(mine: number, set: (partial: Partial<SupervisorStore>) => void): Promise<void> {
  const engine = analysisEngine();
  try {
    const failure = await loadTeamVotes(engine, {
      cancelled: () => mine !== generation,
      onProgress: (votesLoaded) => set({ votesLoaded }),
    });
    if (mine !== generation) return;
    if (failure) {
      set({ votesState: 'failed', votesFailure: failure });
      return;
    }
    const analysis = await engine.run('analyse', HEATMAP_RATERS);
    if (mine === generation) set({ analysis, votesState: 'ready' });
  } catch (error) {
    if (mine === generation)
      set({ votesState: 'failed', votesFailure: { reason: 'unreachable', detail: (error as Error).message } });
  }
}

/** Forgets everything, e.g. when another account signs in. */
export function resetSupervisor(): void {
  generation++;
  useSupervisor.setState({
    team: null,
    flags: [],
    marks: [],
    failure: null,
    loading: false,
    votesState: 'idle',
    votesLoaded: 0,
    votesFailure: null,
    analysis: null,
    raterId: null,
    notice: null,
    account: null,
    tab: 'team',
    table: INITIAL_TABLE,
  });
}

// A team's data never outlives the supervisor's session: sign-out or another
// account clears it at once, whichever section is on screen.
useAuth.subscribe((state, previous) => {
  const before = previous.auth?.account;
  const now = state.auth?.account;
  if (
    before &&
    (before.email !== now?.email || before.role !== now?.role || previous.auth?.serverUrl !== state.auth?.serverUrl)
  ) {
    resetSupervisor();
  }
});
