import { useEffect, useMemo, useState } from 'react';
import { useSupervisor } from '../../../stores/supervisor';
import type { WhatIfResult } from '../analysis/whatIf';
import { analysisEngine } from '../engine/analysisEngine';
import { useTeamRows } from '../team/useTeam';

/** The raters left out of the what-if board: flagged ones, and on request those on watch. */
export function useExcludedRaters(includeWatch: boolean): string[] {
  const { rows } = useTeamRows();
  return useMemo(
    () =>
      rows
        .filter((row) => row.assessment.status === 'flagged' || (includeWatch && row.assessment.status === 'watch'))
        .map((row) => row.rater.id)
        .sort(),
    [rows, includeWatch],
  );
}

/** Asks the Worker for the board without `excluded`; keeps the last answer while a new one computes. */
export function useWhatIf(excluded: readonly string[]): { result: WhatIfResult | null; computing: boolean } {
  const ready = useSupervisor((state) => state.votesState === 'ready');
  const [state, setState] = useState<{ key: string; result: WhatIfResult } | null>(null);
  const key = excluded.join('\u0000');
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void analysisEngine()
      .run('whatIf', key ? key.split('\u0000') : [])
      .then((result) => {
        if (live) setState({ key, result });
      });
    return () => {
      live = false;
    };
  }, [key, ready]);
  return { result: state?.result ?? null, computing: ready && state?.key !== key };
}
