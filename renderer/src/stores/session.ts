import { create } from 'zustand';
import type { PublicTask, SessionState, SkipReason, VoteInput } from '../../../shared/ipc/contract';
import type { Choice, CriterionRating, VoteFlag } from '../../../shared/protocol/votes';
import { call, subscribe } from '../bridge';

/** What the rater has filled in for the task on screen, beyond the choice. */
export interface Draft {
  criteria: Record<string, CriterionRating>;
  rationale: string;
  reasonTags: string[];
  flags: VoteFlag[];
  confidence: number | null;
}

const EMPTY_DRAFT: Draft = { criteria: {}, rationale: '', reasonTags: [], flags: [], confidence: null };

interface SessionStore {
  session: SessionState | null;
  draft: Draft;
  /** Votes cast since the app started. */
  doneThisSession: number;
  lastError: string | null;
  updateDraft(changes: Partial<Draft>): void;
  hasUnsavedInput(): boolean;
  vote(choice: Choice, timing: { activeMs: number; shownAt: string }): Promise<boolean>;
  undo(voteId: string): Promise<void>;
  amend(voteId: string, choice: Choice): Promise<void>;
  skip(reason: SkipReason): Promise<void>;
}

/**
 * The comparison screen's state. The queue and the votes belong to main; the
 * draft is the only thing held here, and it resets whenever the task changes.
 */
export const useSession = create<SessionStore>((set, get) => ({
  session: null,
  draft: EMPTY_DRAFT,
  doneThisSession: 0,
  lastError: null,
  updateDraft: (changes) => set({ draft: { ...get().draft, ...changes } }),
  hasUnsavedInput() {
    const { draft } = get();
    return draft.rationale.trim() !== '' || draft.reasonTags.length > 0 || draft.flags.length > 0 || Object.keys(draft.criteria).length > 0 || draft.confidence !== null;
  },
  async vote(choice, timing) {
    const { session, draft } = get();
    const task = session?.task;
    if (!session || !task) return false;
    const input: VoteInput = { taskId: task.taskId, choice, ...timing, ...draftFields(draft) };
    // Show the next task at once (it is already rendered, hidden); the vote is
    // "saved" only when main answers after its fsync, and on failure the task comes back.
    set({ session: { ...session, task: session.upcoming, upcoming: null, remaining: Math.max(0, session.remaining - 1) }, draft: EMPTY_DRAFT });
    try {
      const result = await call('session.vote', input);
      set((state) => ({ session: shareUnchanged(state.session, result.state), doneThisSession: state.doneThisSession + 1, lastError: null }));
      return true;
    } catch (error) {
      set({ session, draft, lastError: (error as Error).message });
      return false;
    }
  },
  async undo(voteId) {
    await guarded(set, async () => {
      const session = await call('session.undo', { voteId });
      set({ session, draft: EMPTY_DRAFT, doneThisSession: Math.max(0, get().doneThisSession - 1) });
    });
  },
  async amend(voteId, choice) {
    await guarded(set, async () => set({ session: await call('session.amend', { voteId, choice }) }));
  },
  async skip(reason) {
    const task = get().session?.task;
    if (!task) return;
    await guarded(set, async () => set({ session: await call('session.skip', { taskId: task.taskId, reason }), draft: EMPTY_DRAFT }));
  },
}));

function draftFields(draft: Draft): Partial<VoteInput> {
  return {
    ...(Object.keys(draft.criteria).length ? { criteria: draft.criteria } : {}),
    ...(draft.rationale.trim() ? { rationale: draft.rationale.trim() } : {}),
    ...(draft.reasonTags.length ? { reasonTags: draft.reasonTags } : {}),
    ...(draft.flags.length ? { flags: draft.flags } : {}),
    ...(draft.confidence !== null ? { confidence: draft.confidence } : {}),
  };
}

async function guarded(set: (partial: Partial<SessionStore>) => void, work: () => Promise<void>): Promise<void> {
  try {
    await work();
    set({ lastError: null });
  } catch (error) {
    set({ lastError: (error as Error).message });
  }
}

/**
 * `next`, keeping the objects of `previous` that did not change. Main answers every vote and
 * also announces the same state as an event; tasks arrive as fresh copies each time. Kept
 * objects let memoised views (a task's markdown, the recent votes) skip re-rendering, and an
 * update that changes nothing renders nothing. A task never changes under its id, except
 * that a renewed lease moves its expiry.
 */
export function shareUnchanged(previous: SessionState | null, next: SessionState): SessionState {
  if (!previous) return next;
  const known = [previous.task, previous.upcoming];
  const shared: SessionState = {
    ...next,
    task: sameTaskIn(known, next.task),
    upcoming: sameTaskIn(known, next.upcoming),
    recent: JSON.stringify(previous.recent) === JSON.stringify(next.recent) ? previous.recent : next.recent,
  };
  const unchanged = (Object.keys(shared) as (keyof SessionState)[]).every((key) => shared[key] === previous[key]);
  return unchanged ? previous : shared;
}

function sameTaskIn(known: (PublicTask | null)[], task: PublicTask | null): PublicTask | null {
  if (!task) return task;
  return known.find((candidate) => candidate?.taskId === task.taskId && candidate.leaseExpiresAt === task.leaseExpiresAt) ?? task;
}

export async function startSessionSync(): Promise<() => void> {
  let currentTaskId: string | null = null;
  const unsubscribe = subscribe('session.state', (session) => {
    // A different task on screen means a fresh draft.
    const taskId = session.task?.taskId ?? null;
    const shared = shareUnchanged(useSession.getState().session, session);
    useSession.setState(taskId === currentTaskId ? { session: shared } : { session: shared, draft: EMPTY_DRAFT });
    currentTaskId = taskId;
  });
  const session = await call('session.getState', {});
  currentTaskId = session.task?.taskId ?? null;
  useSession.setState({ session });
  return unsubscribe;
}
