import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { findAccountByEmail, findAccountByPublicId, type AccountRow } from '../accounts/repo';
import { audit } from '../audit';
import { transaction, type Db } from '../db/open';
import { LLMFAO_SET } from '../imports/llmfao';
import { loadLlmfao } from '../imports/llmfao-load';
import { TaskLine, toPromptItem } from '../imports/task-line';
import { insertHistoricalVote } from '../imports/historical-votes';
import { insertPromptItem, ResponseStore, upsertTaskSet, type TaskSetInfo } from '../imports/task-store';
import { bumpCountsVersion } from '../leaderboard/service';
import { findTask, type Outcome } from '../tasks/repo';

function jsonlLines(path: string): Array<{ line: number; value: unknown }> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => text.trim() !== '')
    .map(({ text, line }) => {
      try {
        return { line, value: JSON.parse(text) as unknown };
      } catch (error) {
        throw new Error(`${path}:${line}: not JSON: ${(error as Error).message}`, { cause: error });
      }
    });
}

/** All lines are validated before anything is written: a bad line imports nothing. */
export async function importTaskFile(
  db: Db,
  actor: string,
  path: string,
  set: TaskSetInfo,
): Promise<{ tasks: number; prompts: number }> {
  const lines = jsonlLines(path).map(({ line, value }) => {
    const parsed = TaskLine.safeParse(value);
    if (!parsed.success) throw new Error(`${path}:${line}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
  return await transaction(db, async () => {
    await upsertTaskSet(db, set);
    const store = new ResponseStore(db);
    let tasks = 0;
    for (const line of lines) tasks += await insertPromptItem(db, set.id, toPromptItem(set.id, line), store);
    await audit(db, actor, 'tasks.import', set.id, { path, prompts: lines.length, tasks });
    return { tasks, prompts: lines.length };
  });
}

/** The LLMFAO tasks plus its 8,931 crowd votes as 124 raters, on the given supervisor's team. */
export async function importLlmfao(
  db: Db,
  actor: string,
  dir: string,
  supervisor: AccountRow | null,
): Promise<{ tasks: number; votes: number; raters: number }> {
  return await transaction(db, async () => {
    const summary = await loadLlmfao(db, dir, supervisor);
    if (summary.votes > 0) await bumpCountsVersion(db, summary.votes);
    await audit(db, actor, 'votes.import_llmfao', LLMFAO_SET.id, { dir, ...summary });
    return summary;
  });
}

/**
 * One line of a historical-votes JSONL file (admin CLI `import-votes`):
 *   {"id":"ext-1","rater":"r_abc… or email","taskId":"set:q1:0-1","winner":"model-a","votedAt":"2025-01-01T00:00:00Z"}
 * `winner` is one of the task's two models, "tie" or "both_bad". The rater must already exist.
 */
export const VoteLine = z.strictObject({
  id: z.string().min(1).max(100),
  rater: z.string().min(1).max(254),
  taskId: z.string().min(1).max(200),
  winner: z.string().min(1).max(200),
  votedAt: z.iso.datetime({ offset: true }),
});
export type VoteLine = z.infer<typeof VoteLine>;

function outcomeFor(line: VoteLine, task: { model_a: string; model_b: string }): Outcome {
  if (line.winner === 'tie' || line.winner === 'both_bad') return line.winner;
  if (line.winner === task.model_a) return 'a';
  if (line.winner === task.model_b) return 'b';
  throw new Error(`vote ${line.id}: winner "${line.winner}" is neither ${task.model_a} nor ${task.model_b}`);
}

/** Validates every line and resolves every rater and task first; then imports all in one transaction. */
export async function importVoteFile(db: Db, actor: string, path: string): Promise<{ votes: number; skipped: number }> {
  const lines = jsonlLines(path).map(({ line, value }) => {
    const parsed = VoteLine.safeParse(value);
    if (!parsed.success) throw new Error(`${path}:${line}: ${z.prettifyError(parsed.error)}`);
    return { line, vote: parsed.data };
  });
  return await transaction(db, async () => {
    let votes = 0;
    for (const { line, vote } of lines) {
      const rater = (await findAccountByPublicId(db, vote.rater)) ?? (await findAccountByEmail(db, vote.rater));
      if (!rater) throw new Error(`${path}:${line}: no rater "${vote.rater}"; add the contributor first`);
      const task = await findTask(db, vote.taskId);
      if (!task) throw new Error(`${path}:${line}: no task "${vote.taskId}"`);
      const outcome = outcomeFor(vote, task);
      if (await insertHistoricalVote(db, rater, { id: vote.id, taskId: task.id, outcome, votedAt: vote.votedAt }))
        votes += 1;
    }
    // A running server sees the new votes on its next leaderboard read.
    if (votes > 0) await bumpCountsVersion(db, votes);
    await audit(db, actor, 'votes.import', null, { path, votes, skipped: lines.length - votes });
    return { votes, skipped: lines.length - votes };
  });
}
