import type { Reveal, RejectReason, VoteResult } from '../../shared/protocol/votes';
import type { Db } from '../db/open';
import { addVoteToAggregates, type AggregateBatch } from '../leaderboard/aggregates';
import { taskStyleLevels } from '../leaderboard/style';
import { sql } from '../db/statements';
import type { Outcome } from '../tasks/repo';

export interface StoredResult {
  vote_id: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  original: 'accepted' | 'rejected' | null;
  reason: RejectReason | null;
  reveal: string | null;
}

export async function resultAtSeq(db: Db, installationId: string, seq: number): Promise<StoredResult | undefined> {
  return (await sql(
    db,
    'SELECT vote_id, status, original, reason, reveal FROM push_results WHERE installation_id = ? AND seq = ?',
  ).get(installationId, seq)) as StoredResult | undefined;
}

/** The first answer ever given for a vote id, from any installation or seq. */
export async function firstResultForVote(db: Db, voteId: string): Promise<StoredResult | undefined> {
  // Imported votes have no push result, but their id is taken all the same: they answer as accepted.
  return (await sql(
    db,
    `SELECT vote_id, status, original, reason, reveal FROM push_results WHERE vote_id = :id AND status <> 'duplicate'
     UNION ALL SELECT id, 'accepted', NULL, NULL, NULL FROM votes WHERE id = :id
     LIMIT 1`,
  ).get({ id: voteId })) as StoredResult | undefined;
}

export async function saveResult(
  db: Db,
  installationId: string,
  seq: number,
  result: VoteResult,
  now: number,
): Promise<void> {
  await sql(
    db,
    `INSERT INTO push_results (installation_id, seq, vote_id, status, original, reason, reveal, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    installationId,
    seq,
    result.id,
    result.status,
    result.original ?? null,
    result.reason ?? null,
    result.reveal ? JSON.stringify(result.reveal) : null,
    now,
  );
}

/** Replays a stored answer as a duplicate: same reason and reveal, and what it originally was. */
export function asDuplicate(
  stored: StoredResult,
  id: string,
  seq: number,
  messages: Record<string, string>,
): VoteResult {
  const original = stored.status === 'duplicate' ? (stored.original ?? 'accepted') : stored.status;
  const result: VoteResult = { id, seq, status: 'duplicate', original };
  if (stored.reason) {
    result.reason = stored.reason;
    result.message = messages[stored.reason];
  }
  if (stored.reveal) result.reveal = JSON.parse(stored.reveal) as Reveal;
  return result;
}

export interface VoteRecord {
  id: string;
  accountId: number;
  taskId: string;
  leaseId: string | null;
  kind: 'normal' | 'gold' | 'repeat' | 'import';
  repeatOf: string | null;
  installationId: string | null;
  seq: number | null;
  choice: string;
  swapped: number;
  /** The item's model the rater saw first ('a' = modelA), when the client reported it. */
  shownFirst: 'a' | 'b' | null;
  outcome: Outcome | 'cant_read';
  counted: boolean;
  modelA: string;
  modelB: string;
  language: string;
  category: string;
  country: string | null;
  ageBand: string | null;
  education: string | null;
  goldCorrect: boolean | null;
  details: object;
  activeMs: number | null;
  shownAt: string | null;
  votedAt: string;
  receivedAt: number;
  /** Style contrast levels of the task's pair (model_a → model_b), set by insertVote when counted. */
  style?: number[] | null;
}

/** Stores a vote and adds it to the stored aggregates (now, or through `batch` at the end of the transaction). */
export async function insertVote(db: Db, v: VoteRecord, batch?: AggregateBatch): Promise<void> {
  await sql(
    db,
    `INSERT INTO votes (id, account_id, task_id, lease_id, kind, repeat_of, installation_id, seq, choice, swapped, outcome,
       counted, model_a, model_b, language, category, country, age_band, education, gold_correct, details, active_ms,
       shown_at, voted_at, received_at, shown_first)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.id,
    v.accountId,
    v.taskId,
    v.leaseId,
    v.kind,
    v.repeatOf,
    v.installationId,
    v.seq,
    v.choice,
    v.swapped,
    v.outcome,
    v.counted ? 1 : 0,
    v.modelA,
    v.modelB,
    v.language,
    v.category,
    v.country,
    v.ageBand,
    v.education,
    v.goldCorrect === null ? null : v.goldCorrect ? 1 : 0,
    JSON.stringify(v.details),
    v.activeMs,
    v.shownAt,
    v.votedAt,
    v.receivedAt,
    v.shownFirst,
  );
  // Same transaction as the vote: the stored leaderboard can never disagree with the votes table.
  if (v.counted && v.outcome !== 'cant_read') {
    // Read here, for every path that stores a counted vote (push and import); kept on the record
    // so the in-memory cube (LeaderboardService.addVotes) adds the same style row.
    v.style = await taskStyleLevels(db, v.taskId);
    const counted = {
      style: v.style,
      accountId: v.accountId,
      modelA: v.modelA,
      modelB: v.modelB,
      outcome: v.outcome,
      segment: {
        language: v.language,
        country: v.country,
        age_band: v.ageBand,
        education: v.education,
        category: v.category,
      },
    };
    if (batch) batch.add(counted);
    else await addVoteToAggregates(db, counted);
  }
}
