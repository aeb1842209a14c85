import { useLeaderboard } from '../../../stores/leaderboard';
import { jobInputs, planJob } from './planJob';
import { EMPTY_RESULTS, usePreviewResults } from './previewResults';
import { RankingClient, type WorkerLike } from './rankingClient';
import { spawnRankingWorker } from './spawnRankingWorker';

let spawn: () => WorkerLike = spawnRankingWorker;

/** For component tests (jsdom has no Worker): a stand-in that runs the same worker runtime. */
export function setRankingWorkerFactory(factory: (() => WorkerLike) | null): void {
  spawn = factory ?? spawnRankingWorker;
}

function sameInputs(x: unknown[], y: unknown[]): boolean {
  return x.length === y.length && x.every((value, i) => Object.is(value, y[i]));
}

/**
 * Watches the leaderboard store and keeps the ranking worker busy with the newest job.
 * The previous results stay on screen (marked as updating) until the new ones arrive, so a
 * filter change never blanks the table.
 */
export function startPreviewController(): () => void {
  const client = new RankingClient(spawn);
  client.warm();
  let inputs: unknown[] = [];
  const update = () => {
    const state = useLeaderboard.getState();
    const next = jobInputs(state);
    if (sameInputs(inputs, next)) return;
    inputs = next;
    const job = planJob(state);
    if (!job) {
      usePreviewResults.setState(EMPTY_RESULTS);
      return;
    }
    usePreviewResults.setState({ computing: true, secondaryPending: true, error: null });
    performance.mark('leaderboard:job');
    client.run(job, {
      primary: (primary, primaryMs) => {
        performance.mark('leaderboard:ranked');
        usePreviewResults.setState({ primary, primaryMs, shownFilter: job.primary.filter, computing: false });
      },
      secondary: (secondary) => usePreviewResults.setState({ secondary, secondaryPending: false }),
      error: (error) => usePreviewResults.setState({ error, computing: false, secondaryPending: false }),
    });
  };
  const unsubscribe = useLeaderboard.subscribe(update);
  update();
  return () => {
    unsubscribe();
    client.dispose();
    inputs = [];
  };
}
