import { findAccountByPublicId, insertAccount, type AccountRow } from '../accounts/repo';
import type { Db } from '../db/open';
import { insertHistoricalVote } from './historical-votes';
import { LLMFAO_SET, readLlmfao, syntheticProfile, workerPublicId } from './llmfao';
import { insertPromptItem, ResponseStore, upsertTaskSet } from './task-store';

function workerAccount(db: Db, worker: string, supervisor: AccountRow | null): AccountRow {
  return (
    findAccountByPublicId(db, workerPublicId(worker)) ??
    insertAccount(db, {
      publicId: workerPublicId(worker),
      email: null,
      passwordHash: null,
      displayName: `LLMFAO crowd worker ${worker}`,
      role: 'rater',
      vetted: true,
      supervisorId: supervisor?.id ?? null,
      profile: syntheticProfile(worker),
    })
  );
}

/**
 * Loads the LLMFAO tasks and crowd votes (call inside a transaction). The
 * 124 workers become vetted raters without credentials: they cannot sign
 * in, they exist so that their real votes have a rater. Re-running skips
 * whatever is already stored.
 */
export function loadLlmfao(
  db: Db,
  dir: string,
  supervisor: AccountRow | null,
): { tasks: number; votes: number; raters: number } {
  const data = readLlmfao(dir);
  upsertTaskSet(db, LLMFAO_SET);
  const store = new ResponseStore(db);
  const tasks = data.items.reduce((sum, item) => sum + insertPromptItem(db, LLMFAO_SET.id, item, store), 0);
  const raters = new Map(data.workers.map((worker) => [worker, workerAccount(db, worker, supervisor)]));
  let votes = 0;
  for (const vote of data.votes) if (insertHistoricalVote(db, raters.get(vote.worker) as AccountRow, vote)) votes += 1;
  return { tasks, votes, raters: raters.size };
}
