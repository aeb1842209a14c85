import type { SupervisorFailure } from '../../../../../shared/ipc/features/supervisorContract';
import { call } from '../../../bridge';
import { toTeamVote } from '../analysis/teamVote';
import type { AnalysisEngine } from '../engine/analysisEngine';

/** The server's largest page. */
const PAGE = 1000;

export interface LoadControl {
  cancelled(): boolean;
  onProgress(loaded: number): void;
}

/**
 * Pages the whole team's votes from the server (through main) into the
 * analysis engine with one cursor (GET /v1/supervisor/votes), page by page,
 * so no single message or parse is large and a team of hundreds costs one
 * request per thousand votes, not one per rater. Returns the failure, if any.
 */
export async function loadTeamVotes(engine: AnalysisEngine, control: LoadControl): Promise<SupervisorFailure | null> {
  await engine.run('reset');
  let loaded = 0;
  let cursor: string | undefined;
  do {
    const answer = await call('supervisor.teamVotes', { limit: PAGE, ...(cursor ? { cursor } : {}) });
    if (!answer.ok) return answer.failure;
    if (control.cancelled()) return null;
    await engine.run('add', answer.data.votes.map(toTeamVote));
    loaded += answer.data.votes.length;
    control.onProgress(loaded);
    cursor = answer.data.nextCursor ?? undefined;
  } while (cursor && !control.cancelled());
  return null;
}
