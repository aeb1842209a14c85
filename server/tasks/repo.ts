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

export function findTask(db: Db, id: string): TaskRow | undefined {
  return sql(db, 'SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
}

/** What judging a vote needs of its task; leaves out the (possibly long) conversation. */
export type TaskHead = Pick<
  TaskRow,
  'id' | 'lang_base' | 'pair_key' | 'model_a' | 'model_b' | 'language' | 'category' | 'gold' | 'criteria'
>;

export function findTaskHead(db: Db, id: string): TaskHead | undefined {
  return sql(
    db,
    'SELECT id, lang_base, pair_key, model_a, model_b, language, category, gold, criteria FROM tasks WHERE id = ?',
  ).get(id) as TaskHead | undefined;
}

export function findLease(db: Db, id: string): LeaseRow | undefined {
  return sql(db, 'SELECT * FROM leases WHERE id = ?').get(id) as LeaseRow | undefined;
}

export function responseContent(db: Db, id: number): string {
  const row = sql(db, 'SELECT content FROM responses WHERE id = ?').get(id) as { content: string } | undefined;
  if (!row) throw new Error(`response ${id} is missing`);
  return row.content;
}

/** Pair keys are order-free so that A-vs-B and B-vs-A share one sampling count. */
export function pairKey(modelA: string, modelB: string): string {
  return modelA < modelB ? `${modelA}\u0000${modelB}` : `${modelB}\u0000${modelA}`;
}

/**
 * A normal lease holds one of the task's rater slots and one unit of its
 * pair's load, from issue until it lapses (voted leases keep theirs).
 */
export function adjustLoad(db: Db, task: Pick<TaskRow, 'id' | 'pair_key' | 'lang_base'>, delta: 1 | -1): void {
  sql(db, 'UPDATE tasks SET assigned = assigned + ? WHERE id = ?').run(delta, task.id);
  sql(db, 'UPDATE pair_load SET assigned = assigned + ? WHERE lang_base = ? AND pair_key = ?').run(
    delta,
    task.lang_base,
    task.pair_key,
  );
}
