import { randomInt } from 'node:crypto';
import {
  activeFit,
  choosePairs,
  createRng,
  DEFAULT_ACTIVE_POLICY,
  toPairTable,
  type ActiveFit,
  type PairCandidate,
  type PairCountRow,
  type PairCounts,
} from '../../shared/ranking';
import type { Db } from '../db/open';
import { sql } from '../db/statements';
import type { LeaderboardService } from '../leaderboard/service';
import { pairKey } from './repo';

/** What active leasing needs of one language: the fit over the language's pair_load models, and votes per pair. */
export interface LanguageFit {
  fit: ActiveFit;
  index: Map<string, number>;
  /** Counted votes per pair key (repo.pairKey), as the fit saw them. */
  votes: Map<string, number>;
}

/**
 * The fit over exactly `models` (those pair_load lists for the language, sorted): models
 * without votes get the prior, votes on models outside the list are left out.
 */
export function languageFit(counts: PairCounts, models: string[]): LanguageFit {
  const index = new Map(models.map((name, i) => [name, i]));
  const votes = new Map<string, number>();
  const rows: PairCountRow[] = [];
  for (const row of counts.rows) {
    const [x, y] = [counts.models[row.a]!, counts.models[row.b]!];
    const [i, j] = [index.get(x), index.get(y)];
    if (i === undefined || j === undefined) continue;
    votes.set(pairKey(x, y), row.winsA + row.winsB + row.ties + row.bothBad);
    rows.push(
      i < j
        ? { ...row, a: i, b: j }
        : { a: j, b: i, winsA: row.winsB, winsB: row.winsA, ties: row.ties, bothBad: row.bothBad },
    );
  }
  return { fit: activeFit(toPairTable({ models, rows })), index, votes };
}

interface LoadRow {
  pair_key: string;
  assigned: number;
}

/**
 * The language's pairs in the order the active policy would serve them (up to `limit`).
 * Reads every pair_load row of the language (one indexed range scan) and scores them on the
 * service's fit, which is cached per counts version. Load beyond the fit's votes (live leases,
 * votes since the fit) is passed as pending, so concurrent raters do not all get the same pairs.
 */
export async function rankPairsForLease(
  db: Db,
  leaderboard: LeaderboardService,
  lang: string,
  limit: number,
): Promise<string[]> {
  const rows = (await sql(db, 'SELECT pair_key, assigned FROM pair_load WHERE lang_base = ? ORDER BY shuffle').all(
    lang,
  )) as unknown as LoadRow[];
  if (rows.length === 0) return [];
  const models = [...new Set(rows.flatMap((row) => row.pair_key.split('\u001f')))].sort((x, y) =>
    x < y ? -1 : x > y ? 1 : 0,
  );
  const view = leaderboard.pairFit(lang, models.join('\u0000'), (counts) => languageFit(counts, models));
  const candidates: PairCandidate[] = [];
  const pending: number[] = [];
  for (const row of rows) {
    const [x, y] = row.pair_key.split('\u001f') as [string, string];
    candidates.push({ a: view.index.get(x)!, b: view.index.get(y)!, votes: row.assigned });
    pending.push(Math.max(0, row.assigned - (view.votes.get(row.pair_key) ?? 0)));
  }
  const rng = createRng(randomInt(2 ** 31));
  return choosePairs(view.fit, candidates, limit, rng, DEFAULT_ACTIVE_POLICY, pending).map((k) => rows[k]!.pair_key);
}
