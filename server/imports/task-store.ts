import { STYLE_COLUMNS, styleValues } from '../leaderboard/style';
import { randomInt } from 'node:crypto';
import type { ConversationTurn, CriteriaConfig } from '../../shared/protocol/tasks';
import type { Db } from '../db/open';
import { sql } from '../db/statements';
import { baseLanguage } from '../tasks/languages';
import { pairKey, type Outcome } from '../tasks/repo';

export interface TaskSetInfo {
  id: string;
  source: string;
  licence: string;
  attribution: string;
}

/** One prompt with the answers of several models; every pair of them becomes a task. */
export interface PromptItem {
  /** Stable id prefix; task ids are `${id}` (two models) or `${id}:${i}-${j}`. */
  id: string;
  language: string;
  category: string;
  conversation: ConversationTurn[];
  /**
   * The models' answers in a fixed order. `key` lets several items share one
   * stored text (LLMFAO shows the same answer in many pairs).
   */
  responses: Array<{ model: string; content: string; key?: string }>;
  /** Known answer (two-model items only): makes the task a gold item. */
  gold?: Outcome;
  criteria?: CriteriaConfig;
}

export async function upsertTaskSet(db: Db, set: TaskSetInfo, now = Date.now()): Promise<void> {
  await sql(
    db,
    `INSERT INTO task_sets (id, source, licence, attribution, imported_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET source = excluded.source, licence = excluded.licence, attribution = excluded.attribution`,
  ).run(set.id, set.source, set.licence, set.attribution, now);
}

/** Stores each distinct response text once; pairs reference it by id. */
export class ResponseStore {
  private readonly ids = new Map<string, number>();
  constructor(private readonly db: Db) {}

  async idFor(key: string, model: string, content: string): Promise<number> {
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = Number(
      (
        await sql(
          this.db,
          // Style features measured once, here (leaderboard/style.ts): every vote on this response reuses them.
          `INSERT INTO responses (model, content, ${STYLE_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
        ).get(model, content, ...styleValues(content))
      )?.id,
    );
    this.ids.set(key, id);
    return id;
  }
}

/**
 * Inserts the tasks of one prompt (call inside a transaction). Returns how
 * many were new; an id already present is skipped, so re-importing a file is harmless.
 */
export async function insertPromptItem(
  db: Db,
  setId: string,
  item: PromptItem,
  store: ResponseStore,
  now = Date.now(),
): Promise<number> {
  if (item.responses.length < 2) throw new Error(`${item.id}: needs at least two responses to make a pair`);
  if (item.gold && item.responses.length !== 2) throw new Error(`${item.id}: gold needs exactly two responses`);
  const firstId = item.responses.length === 2 ? item.id : `${item.id}:0-1`;
  if (await sql(db, 'SELECT 1 AS x FROM tasks WHERE id = ?').get(firstId)) return 0;
  const ids: number[] = [];
  for (const r of item.responses)
    ids.push(await store.idFor(r.key ?? `${item.id}\u0000${r.model}`, r.model, r.content));
  let inserted = 0;
  for (let i = 0; i < item.responses.length; i++) {
    for (let j = i + 1; j < item.responses.length; j++) {
      const a = item.responses[i] as { model: string };
      const b = item.responses[j] as { model: string };
      const taskId = item.responses.length === 2 ? item.id : `${item.id}:${i}-${j}`;
      const result = await sql(
        db,
        `INSERT INTO tasks (id, task_set, language, lang_base, category, conversation, response_a, response_b,
           model_a, model_b, pair_key, gold, criteria, shuffle, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ).run(
        taskId,
        setId,
        item.language,
        baseLanguage(item.language),
        item.category,
        JSON.stringify(item.conversation),
        ids[i] as number,
        ids[j] as number,
        a.model,
        b.model,
        pairKey(a.model, b.model),
        item.gold ?? null,
        item.criteria ? JSON.stringify(item.criteria) : null,
        randomInt(2 ** 31),
        now,
      );
      inserted += result;
      await sql(
        db,
        'INSERT INTO pair_load (lang_base, pair_key, assigned, shuffle) VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING',
      ).run(baseLanguage(item.language), pairKey(a.model, b.model), randomInt(2 ** 31));
    }
  }
  return inserted;
}
