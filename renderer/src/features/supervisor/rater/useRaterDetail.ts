import { useEffect, useState } from 'react';
import type { SupervisorFailure } from '../../../../../shared/ipc/features/supervisorContract';
import type { Disagreement } from '../../../../../shared/protocol/supervisor';
import { call } from '../../../bridge';
import { useSupervisor } from '../../../stores/supervisor';
import type { JudgedVote } from '../analysis/raterVotes';
import { reviewHistory, type HistoryEntry } from '../data/flagState';
import type { TrendPoint } from '../analysis/trends';
import { analysisEngine } from '../engine/analysisEngine';

export interface RaterDetailData {
  votes: JudgedVote[] | null;
  trends: TrendPoint[] | null;
  history: HistoryEntry[] | null;
  disagreements: Disagreement[] | null;
  failure: SupervisorFailure | null;
}

const EMPTY: RaterDetailData = { votes: null, trends: null, history: null, disagreements: null, failure: null };

/** The rater's votes and trends from the Worker (once the team's votes are in), their flags and the server's disagreements. */
export function useRaterDetail(raterId: string): RaterDetailData {
  const ready = useSupervisor((state) => state.votesState === 'ready');
  const flagsVersion = useSupervisor((state) => state.flagsVersion);
  const [local, setLocal] = useState<Pick<RaterDetailData, 'votes' | 'trends'>>({ votes: null, trends: null });
  const [remote, setRemote] = useState<Omit<RaterDetailData, 'votes' | 'trends'>>(EMPTY);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    const engine = analysisEngine();
    void Promise.all([engine.run('raterVotes', raterId), engine.run('trends', raterId)]).then(([votes, trends]) => {
      if (live) setLocal({ votes, trends });
    });
    return () => {
      live = false;
    };
  }, [raterId, ready]);
  useEffect(() => {
    let live = true;
    void Promise.all([
      call('supervisor.flags', { raterId }),
      call('supervisor.marks', { raterId }),
      call('supervisor.disagreements', { raterId }),
    ]).then(([flags, marks, disagreements]) => {
      if (!live) return;
      setRemote({
        history: flags.ok && marks.ok ? reviewHistory(flags.data.flags, marks.data.marks) : null,
        disagreements: disagreements.ok ? disagreements.data.disagreements : null,
        failure: !flags.ok
          ? flags.failure
          : !marks.ok
            ? marks.failure
            : !disagreements.ok
              ? disagreements.failure
              : null,
      });
    });
    return () => {
      live = false;
    };
  }, [raterId, flagsVersion]);
  return { ...local, ...remote };
}
