import type { Db } from '../db/open';
import { sql } from '../db/statements';

export type Outcome = 'a' | 'b' | 'tie' | 'both_bad';

export interface TaskRow {
  id: string;
  task_set: string;
  language: string;
  lang_base: string;
  category: string;
  conversation: string;
  response_a: number;
  response_b: number;
  model_a: string;
  model_b: string;
  pair_key: string;
  gold: Outcome | null;
  criteria: string | null;
  assigned: number;
}

export interface LeaseRow {
  id: string;
  task_id: string;
  account_id: number;
  kind: 'normal' | 'gold' | 'repeat';
  swapped: number;
  repeat_of: string | null;
  issued_at: number;
  expires_at: number;
  state: 'open' | 'voted' | 'lapsed';
}

export async function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  return (await sql(db, 'SELECT * FROM tasks WHERE id = ?').get(id)) as TaskRow | undefined;
}

/** What judging a vote needs of its task; leaves out the (possibly long) conversation. */
export type TaskHead = Pick<
  TaskRow,
  'id' | 'lang_base' | 'pair_key' | 'model_a' | 'model_b' | 'language' | 'category' | 'gold' | 'criteria'
>;

export async function findTaskHead(db: Db, id: string): Promise<TaskHead | undefined> {
  return (await sql(
    db,
    'SELECT id, lang_base, pair_key, model_a, model_b, language, category, gold, criteria FROM tasks WHERE id = ?',
  ).get(id)) as TaskHead | undefined;
}

export async function findLease(db: Db, id: string): Promise<LeaseRow | undefined> {
  return (await sql(db, 'SELECT * FROM leases WHERE id = ?').get(id)) as LeaseRow | undefined;
}

export async function responseContent(db: Db, id: number): Promise<string> {
  const row = (await sql(db, 'SELECT content FROM responses WHERE id = ?').get(id)) as { content: string } | undefined;
  if (!row) throw new Error(`response ${id} is missing`);
  return row.content;
}

/** Pair keys are order-free so that A-vs-B and B-vs-A share one sampling count. */
export function pairKey(modelA: string, modelB: string): string {
  return modelA < modelB ? `${modelA}\u001f${modelB}` : `${modelB}\u001f${modelA}`;
}

/**
 * A normal lease holds one of the task's rater slots and one unit of its
 * pair's load, from issue until it lapses (voted leases keep theirs).
 */
export async function adjustLoad(
  db: Db,
  task: Pick<TaskRow, 'id' | 'pair_key' | 'lang_base'>,
  delta: 1 | -1,
): Promise<void> {
  await sql(db, 'UPDATE tasks SET assigned = assigned + ? WHERE id = ?').run(delta, task.id);
  await sql(db, 'UPDATE pair_load SET assigned = assigned + ? WHERE lang_base = ? AND pair_key = ?').run(
    delta,
    task.lang_base,
    task.pair_key,
  );
}
