import type { CriterionRating, VoteFlag } from '../../shared/protocol/votes';
import type { RaterVote, VoteKind } from '../../shared/protocol/supervisor';
import type { Db } from '../db/open';
import { sql } from '../db/statements';
import { perDialect } from '../store/dialect';
import { HttpError } from '../http/errors';

/** A votes row joined with its rater's public id, as the supervisor queries read it. */
export interface VoteRow {
  id: string;
  rater_id: string;
  account_id: number;
  task_id: string;
  kind: VoteKind;
  choice: RaterVote['choice'];
  swapped: number;
  outcome: string;
  model_a: string;
  model_b: string;
  language: string;
  category: string;
  country: string | null;
  age_band: string | null;
  education: string | null;
  gold_correct: number | null;
  details: string;
  active_ms: number | null;
  voted_at: string;
  received_at: number;
}

export const VOTE_COLUMNS = `v.id, a.public_id AS rater_id, v.account_id, v.task_id, v.kind, v.choice, v.swapped, v.outcome,
  v.model_a, v.model_b, v.language, v.category, v.country, v.age_band, v.education, v.gold_correct, v.details,
  v.active_ms, v.voted_at, v.received_at`;

interface Details {
  criteria?: Record<string, CriterionRating>;
  rationale?: string | null;
  reasonTags?: string[];
  flags?: VoteFlag[];
  confidence?: number | null;
}

/** Winner as a model name; null when the vote names no side. */
function winnerOf(row: VoteRow): string | null {
  if (row.outcome === 'a') return row.model_a;
  if (row.outcome === 'b') return row.model_b;
  return null;
}

export function toRaterVote(row: VoteRow): RaterVote {
  const details = JSON.parse(row.details) as Details;
  const [shownFirst, shownSecond] = row.swapped ? [row.model_b, row.model_a] : [row.model_a, row.model_b];
  return {
    voteId: row.id,
    raterId: row.rater_id,
    itemId: row.task_id,
    kind: row.kind,
    language: row.language,
    category: row.category,
    shownFirst,
    shownSecond,
    choice: row.choice,
    winner: winnerOf(row),
    goldCorrect: row.gold_correct === null ? null : row.gold_correct === 1,
    criteria: details.criteria ?? {},
    rationale: details.rationale ?? null,
    reasonTags: details.reasonTags ?? [],
    flags: details.flags ?? [],
    confidence: details.confidence ?? null,
    activeMs: row.active_ms,
    votedAt: new Date(row.voted_at).toISOString(),
    receivedAt: new Date(row.received_at).toISOString(),
    segment: { country: row.country, age_band: row.age_band, education: row.education },
  };
}

const encodeCursor = (row: VoteRow): string => Buffer.from(`${row.received_at}\u0000${row.id}`).toString('base64url');

/** Cursors come back from clients: anything that is not one we issued is a 400, never a query with junk. */
function decodeCursor(cursor: string): { at: number; id: string } {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('\u0000');
  if (at === undefined || id === undefined || extra !== undefined || !/^\d{1,16}$/.test(at)) {
    throw new HttpError('validation_failed', 'cursor is not one this server issued; pass nextCursor back unchanged');
  }
  return { at: Number(at), id };
}

const encodeTeamCursor = (row: VoteRow): string =>
  Buffer.from(`${row.account_id}\u0000${row.received_at}\u0000${row.id}`).toString('base64url');

function decodeTeamCursor(cursor: string): { account: number; at: number; id: string } {
  const [account, at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('\u0000');
  if (
    account === undefined ||
    at === undefined ||
    id === undefined ||
    extra !== undefined ||
    !/^\d{1,16}$/.test(account) ||
    !/^\d{1,16}$/.test(at)
  ) {
    throw new HttpError('validation_failed', 'cursor is not one this server issued; pass nextCursor back unchanged');
  }
  return { account: Number(account), at: Number(at), id };
}

/**
 * One page of a whole team's votes, rater after rater and oldest first within
 * each, so every page is a range of the votes_by_account index (account_id,
 * received_at, id): no sort of the team's votes per page, however large.
 */
export async function teamVotesPage(
  db: Db,
  accountIds: number[],
  limit: number,
  cursor?: string,
): Promise<{ rows: VoteRow[]; next: string | null }> {
  const { account, at, id } = cursor ? decodeTeamCursor(cursor) : { account: -1, at: -1, id: '' };
  const rows = (await sql(
    db,
    perDialect(
      (d) => `SELECT ${VOTE_COLUMNS} FROM votes v JOIN accounts a ON a.id = v.account_id
     WHERE v.account_id IN ${d.jsonIds(':team')}
       AND (v.account_id > :account OR (v.account_id = :account AND (v.received_at > :at OR (v.received_at = :at AND v.id > :id))))
     ORDER BY v.account_id, v.received_at, v.id LIMIT :limit`,
    ),
  ).all({ team: JSON.stringify(accountIds), account, at, id, limit: limit + 1 })) as unknown as VoteRow[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > limit && last ? encodeTeamCursor(last) : null };
}

/** One page of a rater's votes, oldest first; the cursor is the last row's (received_at, id). */
export async function raterVotesPage(
  db: Db,
  accountId: number,
  limit: number,
  cursor?: string,
): Promise<{ rows: VoteRow[]; next: string | null }> {
  const { at, id } = cursor ? decodeCursor(cursor) : { at: -1, id: '' };
  const rows = (await sql(
    db,
    `SELECT ${VOTE_COLUMNS} FROM votes v JOIN accounts a ON a.id = v.account_id
     WHERE v.account_id = ? AND (v.received_at > ? OR (v.received_at = ? AND v.id > ?))
     ORDER BY v.received_at, v.id LIMIT ?`,
  ).all(accountId, at, at, id, limit + 1)) as unknown as VoteRow[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > limit && last ? encodeCursor(last) : null };
}
