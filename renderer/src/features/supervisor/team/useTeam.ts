import { useMemo } from 'react';
import { useSupervisor } from '../../../stores/supervisor';
import { assessRaters } from '../analysis/raterStatus';
import { flaggedRaters } from '../data/flagState';
import type { TeamRow } from './teamRows';

/** Every rater with their status and reasons, recomputed only when the team, flags or threshold change. */
export function useTeamRows() {
  const team = useSupervisor((state) => state.team);
  const flags = useSupervisor((state) => state.flags);
  const share = useSupervisor((state) => state.tailShare);
  const extras = useSupervisor((state) => state.analysis?.extras ?? null);
  return useMemo(() => {
    const raters = team?.raters ?? [];
    const { assessments, cuts } = assessRaters(raters, flaggedRaters(flags), share);
    const rows: TeamRow[] = raters.map((rater) => ({
      rater,
      assessment: assessments.get(rater.id)!,
      extras: extras?.[rater.id] ?? null,
    }));
    return { rows, cuts, byId: new Map(rows.map((row) => [row.rater.id, row])) };
  }, [team, flags, share, extras]);
}
