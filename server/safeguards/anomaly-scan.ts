import { anomalyTest } from '../../shared/quality';
import { findAccountByPublicId } from '../accounts/repo';
import type { AppContext } from '../context';
import type { Db } from '../db/open';
import { sql } from '../db/statements';
import { addFlag } from '../supervisor/flags';
import { votesAround } from '../supervisor/quality';

/**
 * Runs LMArena's sequential anomaly test over every rater and flags each
 * newly anomalous one for their supervisor. It flags, never suspends: a
 * rater with unusual taste is not a cheater until a person has looked.
 */
export async function runAnomalyScan(db: Db): Promise<{ tested: number; flagged: string[] }> {
  const results = anomalyTest(await votesAround(db, 'all'));
  const alreadyFlagged = new Set(
    (
      (await sql(
        db,
        `SELECT DISTINCT a.public_id AS id FROM flags f JOIN accounts a ON a.id = f.account_id WHERE f.source = 'anomaly_test'`,
      ).all()) as Array<{
        id: string;
      }>
    ).map((row) => row.id),
  );
  const flagged: string[] = [];
  let tested = 0;
  for (const [raterId, result] of results) {
    if (result.tested) tested += 1;
    if (!result.flagged || alreadyFlagged.has(raterId)) continue;
    const rater = await findAccountByPublicId(db, raterId);
    if (!rater) continue;
    const note =
      `Sequential anomaly test (LMArena, α = 0.05): after ${result.votesUsed} votes the running products reached ` +
      `M_upper = ${result.mUpper.toPrecision(3)}, M_lower = ${result.mLower.toPrecision(3)} (flag above 20).`;
    await addFlag(db, { rater, voteId: null, note, source: 'anomaly_test', by: null });
    flagged.push(raterId);
  }
  return { tested, flagged };
}

/** Background scans; the timer is unref'd so it never keeps the process alive. */
export function startAnomalyScans(ctx: AppContext): () => void {
  const every = ctx.options.anomalyScanIntervalMs;
  if (every <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    // One scan at a time: a slow scan must not pile up behind the timer.
    if (running) return;
    running = true;
    runAnomalyScan(ctx.db)
      .catch((error: unknown) => console.error('anomaly scan failed', error))
      .finally(() => (running = false));
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
