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

/** The fit plus, per pair_load row (in shuffle order), its model indices and the votes the fit saw. */
interface LeaseView {
  fit: ActiveFit;
  a: Int32Array;
  b: Int32Array;
  fitted: Float64Array;
}

function leaseView(counts: PairCounts, rows: LoadRow[]): LeaseView {
  const models = [...new Set(rows.flatMap((row) => row.pair_key.split('\u001f')))].sort((x, y) =>
    x < y ? -1 : x > y ? 1 : 0,
  );
  const view = languageFit(counts, models);
  const a = new Int32Array(rows.length);
  const b = new Int32Array(rows.length);
  const fitted = new Float64Array(rows.length);
  rows.forEach((row, k) => {
    const [x, y] = row.pair_key.split('\u001f') as [string, string];
    a[k] = view.index.get(x)!;
    b[k] = view.index.get(y)!;
    fitted[k] = view.votes.get(row.pair_key) ?? 0;
  });
  return { fit: view.fit, a, b, fitted };
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
  // pair_load rows are only ever added (imports), never removed or re-shuffled, so their count
  // names the language's pair list and its order: the layout is cached with the fit.
  const view = leaderboard.pairFit(lang, `pairs:${rows.length}`, (counts) => leaseView(counts, rows));
  const candidates: PairCandidate[] = new Array<PairCandidate>(rows.length);
  const pending = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const assigned = rows[k]!.assigned;
    candidates[k] = { a: view.a[k]!, b: view.b[k]!, votes: assigned };
    pending[k] = Math.max(0, assigned - view.fitted[k]!);
  }
  const rng = createRng(randomInt(2 ** 31));
  return choosePairs(view.fit, candidates, limit, rng, DEFAULT_ACTIVE_POLICY, pending).map((k) => rows[k]!.pair_key);
}
