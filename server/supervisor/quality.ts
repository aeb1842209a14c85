import type { PoolAgreement, RaterQuality, RaterReliability } from '../../shared/protocol/supervisor';
import {
  poolAgreement,
  raterQualityReport,
  type Label,
  type RaterQualityRow,
  type RaterVote,
} from '../../shared/quality';
import type { Db } from '../db/open';
import { sql } from '../db/statements';
import { perDialect } from '../store/dialect';
import { teamReliability } from './reliability';

interface QualityVoteRow {
  rater_id: string;
  task_id: string;
  choice: RaterVote['choice'];
  swapped: number;
  shown_first: 'a' | 'b' | null;
  model_a: string;
  model_b: string;
  active_ms: number | null;
  voted_at: string;
}

/**
 * Every decisive vote on the items that the given raters voted on: their
 * own votes plus everyone else's on the same items, because agreement is
 * measured against the other raters. Repeats share their item's id, which
 * is what self-consistency pairs up.
 */
export async function votesAround(db: Db, accountIds: number[] | 'all'): Promise<RaterVote[]> {
  const columns = `a.public_id AS rater_id, v.task_id, v.choice, v.swapped, v.shown_first, v.model_a, v.model_b, v.active_ms, v.voted_at
     FROM votes v JOIN accounts a ON a.id = v.account_id WHERE v.outcome <> 'cant_read'`;
  const rows = (accountIds === 'all'
    ? await sql(db, `SELECT ${columns}`).all()
    : await sql(
        db,
        perDialect(
          (d) => `SELECT ${columns} AND v.task_id IN (SELECT task_id FROM votes WHERE account_id IN ${d.jsonIds('?')})`,
        ),
      ).all(JSON.stringify(accountIds))) as unknown as QualityVoteRow[];
  return rows.map((row) => ({
    raterId: row.rater_id,
    itemId: row.task_id,
    choice: row.choice,
    swapped: row.swapped === 1,
    ...shownFirstOf(row),
    models: [row.model_a, row.model_b] as const,
    ...(row.active_ms === null ? {} : { activeMs: row.active_ms }),
    timestamp: Date.parse(row.voted_at),
  }));
}

/**
 * The side (in choice terms) the rater saw first, when the vote recorded it: the side
 * holding the model shown first. 'first' holds model_a unless the lease swapped them.
 */
function shownFirstOf(row: QualityVoteRow): Pick<RaterVote, 'shownFirst'> {
  if (row.shown_first === null) return {};
  const firstHolds = row.swapped === 1 ? 'b' : 'a';
  return { shownFirst: row.shown_first === firstHolds ? 'first' : 'second' };
}

async function countRaters(db: Db): Promise<number> {
  return ((await sql(db, `SELECT COUNT(*) AS n FROM accounts WHERE role = 'rater'`).get()) as { n: number }).n;
}

async function goldAnswers(db: Db): Promise<Record<string, Label>> {
  const rows = (await sql(db, 'SELECT id, gold FROM tasks WHERE gold IS NOT NULL').all()) as Array<{
    id: string;
    gold: Label;
  }>;
  return Object.fromEntries(rows.map((row) => [row.id, row.gold]));
}

/**
 * Vote attempts the server refused as too fast, per rater (public id). They
 * never became votes, so "too fast" in the console would read 0% without them.
 */
async function rejectedTooFast(db: Db, accountIds: number[] | 'all'): Promise<Map<string, number>> {
  const base = `SELECT a.public_id AS rater_id, COUNT(*) AS n FROM push_results p
     JOIN installations i ON i.id = p.installation_id JOIN accounts a ON a.id = i.account_id
     WHERE p.status = 'rejected' AND p.reason = 'too_fast'`;
  const rows = (
    accountIds === 'all'
      ? await sql(db, `${base} GROUP BY a.public_id`).all()
      : await sql(
          db,
          perDialect((d) => `${base} AND i.account_id IN ${d.jsonIds('?')} GROUP BY a.public_id`),
        ).all(JSON.stringify(accountIds))
  ) as Array<{
    rater_id: string;
    n: number;
  }>;
  return new Map(rows.map((row) => [row.rater_id, row.n]));
}

function toQuality(
  row: RaterQualityRow | undefined,
  tooFastRejected = 0,
  reliability?: RaterReliability,
): RaterQuality {
  return {
    ...(reliability ? { reliability } : {}),
    votes: row?.votes ?? 0,
    items: row?.items ?? 0,
    agreement: row?.majority.rate ?? null,
    agreementCompared: row?.majority.compared ?? 0,
    meanCohenKappa: row?.cohenKappa.meanKappa ?? null,
    tieRate: row?.tieRate ?? null,
    bothBadRate: row?.bothBadRate ?? null,
    positionBias: row?.positionBias.firstShare ?? null,
    positionBiasPValue: row?.positionBias.pValue ?? null,
    selfConsistency: row?.selfConsistency.rate ?? null,
    repeats: row?.selfConsistency.repeats ?? 0,
    goldAccuracy: row?.gold.accuracy ?? null,
    goldItems: row?.gold.items ?? 0,
    medianActiveMs: row?.activeTime.median ?? null,
    tooFastShare: tooFastShareOf(row, tooFastRejected),
    tooFastRejected,
    anomalyScore: row?.anomaly.tested ? Math.max(row.anomaly.mUpper, row.anomaly.mLower) : null,
    anomalous: row?.anomaly.flagged ?? false,
  };
}

function tooFastShareOf(row: RaterQualityRow | undefined, rejected: number): number | null {
  const fast = (row?.activeTime.tooFast ?? 0) + rejected;
  const attempts = (row?.activeTime.count ?? 0) + rejected;
  return attempts === 0 ? null : fast / attempts;
}

export interface TeamQuality {
  byRater: Map<string, RaterQuality>;
  pool: PoolAgreement;
  /** ISO time of each rater's latest vote (public id), absent when they have none. */
  lastVoteAt: Map<string, string>;
}

/** One grouped scan instead of a query per rater: part of the worker's job, not the event loop's. */
async function lastVotes(db: Db, team: Array<{ id: number; public_id: string }>): Promise<Map<string, string>> {
  const rows = (await sql(
    db,
    perDialect(
      (d) =>
        `SELECT account_id, MAX(voted_at) AS at FROM votes WHERE account_id IN ${d.jsonIds('?')} GROUP BY account_id`,
    ),
  ).all(JSON.stringify(team.map((rater) => rater.id)))) as Array<{ account_id: number; at: string }>;
  const byId = new Map(team.map((rater) => [rater.id, rater.public_id]));
  return new Map(rows.map((row) => [byId.get(row.account_id) as string, new Date(row.at).toISOString()]));
}

/** Quality rows for a team (public ids) and the agreement of the votes around it. */
export async function teamQuality(
  db: Db,
  team: Array<{ id: number; public_id: string; role: string }>,
): Promise<TeamQuality> {
  // An admin's "team" is every rater: one scan instead of a huge IN list.
  const everyone =
    team.length > 0 && team.every((rater) => rater.role === 'rater') && team.length === (await countRaters(db));
  const votes = await votesAround(db, everyone ? 'all' : team.map((rater) => rater.id));
  const options = { gold: await goldAnswers(db) };
  const rows = new Map(raterQualityReport(votes, options).map((row) => [row.raterId, row]));
  const pool = poolAgreement(votes, options);
  const rejected = await rejectedTooFast(db, everyone ? 'all' : team.map((rater) => rater.id));
  const reliability = teamReliability(votes, new Map([...rows].map(([id, row]) => [id, row.gold.accuracy])));
  return {
    lastVoteAt: await lastVotes(db, team),
    byRater: new Map(
      team.map((rater) => [
        rater.public_id,
        toQuality(rows.get(rater.public_id), rejected.get(rater.public_id) ?? 0, reliability.get(rater.public_id)),
      ]),
    ),
    pool: {
      votes: pool.votes,
      raters: pool.raters,
      items: pool.items,
      krippendorffAlphaNominal: pool.alphaNominal,
      krippendorffAlphaOrdinal: pool.alphaOrdinal,
      fleissKappa: pool.fleiss.kappa,
      meanCohenKappa: pool.meanCohenKappa,
    },
  };
}
