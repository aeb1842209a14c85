import type { SupervisorFailure } from '../../../../../shared/ipc/features/supervisorContract';
import type { RaterSummary } from '../../../../../shared/protocol/supervisor';
import { call } from '../../../bridge';
import { toTeamVote } from '../analysis/teamVote';
import type { AnalysisEngine } from '../engine/analysisEngine';

/** The server's largest page. */
const PAGE = 1000;
/** Pages in flight at once: enough to hide latency, few enough to leave the server and main responsive. */
const PARALLEL = 3;

export interface LoadControl {
  cancelled(): boolean;
  onProgress(loaded: number): void;
}

async function loadRater(
  raterId: string,
  engine: AnalysisEngine,
  control: LoadControl,
  count: { loaded: number },
): Promise<SupervisorFailure | null> {
  let cursor: string | undefined;
  do {
    const answer = await call('supervisor.raterVotes', { raterId, limit: PAGE, ...(cursor ? { cursor } : {}) });
    if (!answer.ok) return answer.failure;
    if (control.cancelled()) return null;
    await engine.run('add', answer.data.votes.map(toTeamVote));
    count.loaded += answer.data.votes.length;
    control.onProgress(count.loaded);
    cursor = answer.data.nextCursor ?? undefined;
  } while (cursor && !control.cancelled());
  return null;
}

/**
 * Pages every team rater's votes from the server (through main) into the
 * analysis engine, page by page, so no single message or parse is large.
 * Raters with no votes are skipped. Returns the first failure, if any.
 */
export async function loadTeamVotes(
  raters: readonly RaterSummary[],
  engine: AnalysisEngine,
  control: LoadControl,
): Promise<SupervisorFailure | null> {
  await engine.run('reset');
  const queue = raters.filter((rater) => rater.quality.votes > 0 || rater.lastVoteAt !== null).map((rater) => rater.id);
  const count = { loaded: 0 };
  let failure: SupervisorFailure | null = null;
  const worker = async () => {
    for (
      let raterId = queue.shift();
      raterId !== undefined && !failure && !control.cancelled();
      raterId = queue.shift()
    ) {
      failure = (await loadRater(raterId, engine, control, count)) ?? failure;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return failure;
}
