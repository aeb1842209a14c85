import type { AccountRow } from '../accounts/repo';
import type { Db } from '../db/open';
import { sql } from '../db/statements';
import { adjustLoad, findTask, type Outcome } from '../tasks/repo';
import { insertVote } from '../votes/store';

/** A vote collected elsewhere (e.g. the LLMFAO crowd), in the task's model_a/model_b terms. */
export interface HistoricalVote {
  id: string;
  taskId: string;
  outcome: Outcome;
  votedAt: string;
}

const CHOICE: Record<Outcome, string> = { a: 'first', b: 'second', tie: 'tie', both_bad: 'both_bad' };

/**
 * Stores one historical vote as kind 'import' (call inside a transaction).
 * It counts in the leaderboard and in the item's sampling load like a live
 * vote, but it has no lease, seq or installation. Returns false when the id
 * (or this rater's vote on the item) is already stored, so imports are re-runnable.
 */
export async function insertHistoricalVote(
  db: Db,
  rater: AccountRow,
  vote: HistoricalVote,
  now = Date.now(),
): Promise<boolean> {
  const task = await findTask(db, vote.taskId);
  if (!task) throw new Error(`vote ${vote.id}: unknown task ${vote.taskId}`);
  const exists = await sql(
    db,
    `SELECT 1 AS x FROM votes WHERE id = ? OR (account_id = ? AND task_id = ? AND kind <> 'repeat')`,
  ).get(vote.id, rater.id, task.id);
  if (exists) return false;
  await insertVote(db, {
    id: vote.id,
    accountId: rater.id,
    taskId: task.id,
    leaseId: null,
    kind: 'import',
    repeatOf: null,
    installationId: null,
    seq: null,
    choice: CHOICE[vote.outcome],
    swapped: 0,
    // The crowd file does not say what its raters saw first; position bias reads choice order.
    shownFirst: null,
    outcome: vote.outcome,
    counted: true,
    modelA: task.model_a,
    modelB: task.model_b,
    language: task.language,
    category: task.category,
    country: rater.country,
    ageBand: rater.age_band,
    education: rater.education,
    goldCorrect: null,
    details: { criteria: {}, rationale: null, reasonTags: [], flags: [], confidence: null, imported: true },
    activeMs: null,
    shownAt: null,
    votedAt: vote.votedAt,
    receivedAt: now,
  });
  await adjustLoad(db, task, 1);
  return true;
}
