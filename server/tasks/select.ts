import type { Db } from '../db/open';
import { sql } from '../db/statements';
import { perDialect } from '../store/dialect';
import type { LeaderboardService } from '../leaderboard/service';
import { rankPairsForLease } from './active';
import { adjustLoad } from './repo';

/** The rater may take this item: not gold, under the rater cap, never seen by them (lapsed leases do not count). */
const AVAILABLE = `t.lang_base = p.lang_base AND t.pair_key = p.pair_key AND t.gold IS NULL AND t.assigned < :cap
  AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.account_id = :account AND l.task_id = t.id AND l.state <> 'lapsed')
  AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.account_id = :account AND v.task_id = t.id AND v.kind <> 'repeat')`;

interface Candidate {
  id: string;
  assigned: number;
  shuffle: number;
}

/**
 * One available item from each of the least-loaded pairs of a language.
 * SQLite walks pair_load in index order and stops after `count` hits, so
 * the cost follows the lease size, not the size of the pool.
 */
async function firstPerPair(db: Db, lang: string, accountId: number, count: number, cap: number): Promise<Candidate[]> {
  return (await sql(
    db,
    `SELECT id, assigned, shuffle FROM (
       SELECT p.assigned, p.shuffle, (SELECT t.id FROM tasks t WHERE ${AVAILABLE} ORDER BY t.shuffle LIMIT 1) AS id
       FROM pair_load p WHERE p.lang_base = :lang ORDER BY p.assigned, p.shuffle
     ) AS per_pair WHERE id IS NOT NULL LIMIT :count`,
  ).all({ lang, account: accountId, cap, count })) as unknown as Candidate[];
}

/** Several items per pair, least-loaded pairs first: for languages with fewer pairs than slots. */
async function manyPerPair(db: Db, lang: string, accountId: number, count: number, cap: number): Promise<string[]> {
  const rows = (await sql(
    db,
    `SELECT t.id FROM pair_load p JOIN tasks t ON ${AVAILABLE}
     WHERE p.lang_base = :lang ORDER BY p.assigned, p.shuffle, t.shuffle LIMIT :count`,
  ).all({ lang, account: accountId, cap, count })) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}

/**
 * Items for normal slots: the least-loaded model pairs first (load per
 * language: votes plus live leases), one item per pair while pairs last,
 * so that one lease is not ten items of the same pair.
 */
export async function pickNormal(
  db: Db,
  accountId: number,
  languages: string[],
  count: number,
  cap: number,
): Promise<string[]> {
  if (count === 0) return [];
  const perLanguage: Candidate[] = [];
  for (const lang of languages) perLanguage.push(...(await firstPerPair(db, lang, accountId, count, cap)));
  const merged = perLanguage.sort((x, y) => x.assigned - y.assigned || x.shuffle - y.shuffle);
  const chosen = new Set(merged.slice(0, count).map((c) => c.id));
  for (const lang of languages) {
    if (chosen.size >= count) break;
    for (const id of await manyPerPair(db, lang, accountId, count + chosen.size, cap))
      if (chosen.size < count) chosen.add(id);
  }
  return [...chosen];
}

/** One item of a given pair that this rater may take, or undefined. */
async function firstOfPair(
  db: Db,
  lang: string,
  pair: string,
  accountId: number,
  cap: number,
): Promise<string | undefined> {
  const available = AVAILABLE.replace('p.lang_base', ':lang').replace('p.pair_key', ':pair');
  const row = (await sql(db, `SELECT t.id FROM tasks t WHERE ${available} ORDER BY t.shuffle LIMIT 1`).get({
    lang,
    pair,
    account: accountId,
    cap,
  })) as { id: string } | undefined;
  return row?.id;
}

/**
 * Items for normal slots chosen by the active policy (config pairSelection = 'active'): per
 * language, pairs in the policy's order, one item per pair; languages take turns. A pair the
 * rater has nothing left in is skipped, so the policy is asked for more pairs than slots; slots
 * still empty after that (small pools) are filled by the least-voted rule.
 */
export async function pickActive(
  db: Db,
  leaderboard: LeaderboardService,
  accountId: number,
  languages: string[],
  count: number,
  cap: number,
): Promise<string[]> {
  if (count === 0) return [];
  const perLanguage: string[][] = [];
  for (const lang of languages) {
    const ids: string[] = [];
    for (const pair of await rankPairsForLease(db, leaderboard, lang, 2 * count + 8)) {
      if (ids.length >= count) break;
      const id = await firstOfPair(db, lang, pair, accountId, cap);
      if (id) ids.push(id);
    }
    perLanguage.push(ids);
  }
  const chosen = new Set<string>();
  for (let i = 0; chosen.size < count && perLanguage.some((ids) => i < ids.length); i++)
    for (const ids of perLanguage) if (i < ids.length && chosen.size < count) chosen.add(ids[i]!);
  if (chosen.size < count)
    for (const id of await pickNormal(db, accountId, languages, count, cap)) if (chosen.size < count) chosen.add(id);
  return [...chosen];
}

/** A gold item this rater has never been shown. */
export async function pickGold(
  db: Db,
  accountId: number,
  languages: string[],
  exclude: Set<string>,
): Promise<{ id: string } | undefined> {
  const rows = (await sql(
    db,
    perDialect(
      (d) => `SELECT t.id FROM tasks t
     WHERE t.lang_base IN ${d.jsonTexts(':langs')}
       AND t.gold IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.account_id = :account AND l.task_id = t.id)
       AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.account_id = :account AND v.task_id = t.id AND v.kind <> 'repeat')
     ORDER BY random() LIMIT 8`,
    ),
  ).all({ langs: JSON.stringify(languages), account: accountId })) as Array<{ id: string }>;
  return rows.find((row) => !exclude.has(row.id));
}

/**
 * An earlier decisive vote of this rater, old enough not to be remembered
 * and never repeated before. The repeat is shown with the sides swapped
 * relative to that vote, which is what measures position bias per rater.
 */
export async function pickRepeat(
  db: Db,
  accountId: number,
  olderThan: number,
  exclude: Set<string>,
): Promise<{ voteId: string; taskId: string; swapped: number } | undefined> {
  const rows = (await sql(
    db,
    `SELECT v.id AS "voteId", v.task_id AS "taskId", v.swapped AS swapped FROM votes v
     WHERE v.account_id = :account AND v.kind = 'normal' AND v.outcome <> 'cant_read' AND v.received_at < :olderThan
       AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.repeat_of = v.id)
     ORDER BY random() LIMIT 8`,
  ).all({ account: accountId, olderThan })) as Array<{ voteId: string; taskId: string; swapped: number }>;
  return rows.find((row) => !exclude.has(row.taskId));
}

/**
 * Leases whose grace has run out go back to the pool. Runs before every
 * lease; it is the only place a lease changes from open to lapsed, so a
 * lease within its grace period is never taken away.
 */
export async function reclaimLapsed(db: Db, now: number, graceMs: number): Promise<number> {
  const lapsed = (await sql(
    db,
    `SELECT l.id, l.kind, t.id AS task_id, t.pair_key, t.lang_base FROM leases l JOIN tasks t ON t.id = l.task_id
     WHERE l.state = 'open' AND l.expires_at < ? ORDER BY t.lang_base, t.pair_key, l.id`,
  ).all(now - graceMs)) as Array<{ id: string; kind: string; task_id: string; pair_key: string; lang_base: string }>;
  let reclaimed = 0;
  for (const lease of lapsed) {
    // Conditional: when two processes reclaim the same lease, only one gives its slot back.
    const changed = await sql(db, `UPDATE leases SET state = 'lapsed' WHERE id = ? AND state = 'open'`).run(lease.id);
    if (changed === 0) continue;
    reclaimed += 1;
    if (lease.kind === 'normal')
      await adjustLoad(db, { id: lease.task_id, pair_key: lease.pair_key, lang_base: lease.lang_base }, -1);
  }
  return reclaimed;
}

/**
 * Of the chosen items, those this lease may really take: still under the rater cap, and
 * not being leased by a concurrent transaction at this moment (PostgreSQL: locked here
 * until COMMIT, and rows another process holds are skipped, not waited for). In SQLite
 * one writer runs at a time, so this only re-checks the cap.
 */
export async function claimTasks(db: Db, ids: string[], cap: number): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = (await sql(
    db,
    perDialect((d) => `SELECT id FROM tasks WHERE id IN ${d.jsonTexts('?')} AND assigned < ?${d.skipLocked}`),
  ).all(JSON.stringify(ids), cap)) as Array<{ id: string }>;
  return new Set(rows.map((row) => row.id));
}
