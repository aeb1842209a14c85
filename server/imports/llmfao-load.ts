import { findAccountByPublicId, insertAccount, type AccountRow } from '../accounts/repo';
import type { Db } from '../db/open';
import { insertHistoricalVote } from './historical-votes';
import { LLMFAO_SET, readLlmfao, syntheticProfile, workerPublicId } from './llmfao';
import { insertPromptItem, ResponseStore, upsertTaskSet } from './task-store';

async function workerAccount(db: Db, worker: string, supervisor: AccountRow | null): Promise<AccountRow> {
  return (
    (await findAccountByPublicId(db, workerPublicId(worker))) ??
    (await insertAccount(db, {
      publicId: workerPublicId(worker),
      email: null,
      passwordHash: null,
      displayName: `LLMFAO crowd worker ${worker}`,
      role: 'rater',
      vetted: true,
      supervisorId: supervisor?.id ?? null,
      profile: syntheticProfile(worker),
    }))
  );
}

/**
 * Loads the LLMFAO tasks and crowd votes (call inside a transaction). The
 * 124 workers become vetted raters without credentials: they cannot sign
 * in, they exist so that their real votes have a rater. Re-running skips
 * whatever is already stored.
 */
export async function loadLlmfao(
  db: Db,
  dir: string,
  supervisor: AccountRow | null,
): Promise<{ tasks: number; votes: number; raters: number }> {
  const data = readLlmfao(dir);
  await upsertTaskSet(db, LLMFAO_SET);
  const store = new ResponseStore(db);
  let tasks = 0;
  for (const item of data.items) tasks += await insertPromptItem(db, LLMFAO_SET.id, item, store);
  const raters = new Map<string, AccountRow>();
  for (const worker of data.workers) raters.set(worker, await workerAccount(db, worker, supervisor));
  let votes = 0;
  for (const vote of data.votes)
    if (await insertHistoricalVote(db, raters.get(vote.worker) as AccountRow, vote)) votes += 1;
  return { tasks, votes, raters: raters.size };
}
