import type { PushRequest, PushResponse, Vote, VoteResult } from '../../shared/protocol/votes';
import type { AccountRow } from '../accounts/repo';
import type { AppContext } from '../context';
import { transaction } from '../db/open';
import { sql } from '../db/statements';
import { HttpError } from '../http/errors';
import { perDialect } from '../store/dialect';
import { AggregateBatch } from '../leaderboard/aggregates';
import { bumpCountsVersion } from '../leaderboard/service';
import { closeLease, evaluateVote } from './evaluate';
import { REJECT_MESSAGES } from './reasons';
import { asDuplicate, firstResultForVote, insertVote, resultAtSeq, saveResult, type VoteRecord } from './store';

const LOCK_INSTALLATION = perDialect(
  (d) => `SELECT account_id, last_seq FROM installations WHERE id = ?${d.forUpdate}`,
);

/**
 * An installation's cursor belongs to the account that first pushed with
 * it. Letting another account advance it would let one rater swallow
 * another's seqs, so a client switching accounts must use a new installationId.
 */
async function cursorOf(ctx: AppContext, installationId: string, account: AccountRow, now: number): Promise<number> {
  await sql(
    ctx.db,
    'INSERT INTO installations (id, account_id, last_seq, created_at) VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING',
  ).run(installationId, account.id, now);
  // The row lock serialises pushes of one installation across processes: the second of two
  // identical pushes waits for the first to commit, then answers from its stored results.
  const row = (await sql(ctx.db, LOCK_INSTALLATION).get(installationId)) as { account_id: number; last_seq: number };
  if (row.account_id !== account.id) {
    throw new HttpError(
      'installation_foreign',
      'this installationId belongs to another account; create a new installationId per account',
    );
  }
  return row.last_seq;
}

/** seq at or below the cursor: answered from the stored result, never applied again. */
async function replay(ctx: AppContext, installationId: string, vote: Vote): Promise<VoteResult> {
  const stored = await resultAtSeq(ctx.db, installationId, vote.seq);
  if (stored && stored.vote_id === vote.id) return asDuplicate(stored, vote.id, vote.seq, REJECT_MESSAGES);
  // A different vote under an old seq is a client bug; saying "duplicate" would make it drop a real vote.
  return {
    id: vote.id,
    seq: vote.seq,
    status: 'rejected',
    reason: 'seq_conflict',
    message: REJECT_MESSAGES.seq_conflict,
  };
}

async function apply(
  ctx: AppContext,
  account: AccountRow,
  installationId: string,
  vote: Vote,
  now: number,
  accepted: VoteRecord[],
  aggregates: AggregateBatch,
): Promise<VoteResult> {
  const seen = await firstResultForVote(ctx.db, vote.id);
  if (seen) return asDuplicate(seen, vote.id, vote.seq, REJECT_MESSAGES);
  const verdict = await evaluateVote(ctx, account, vote, installationId, now);
  if (!verdict.accepted) {
    return {
      id: vote.id,
      seq: vote.seq,
      status: 'rejected',
      reason: verdict.reason,
      message: REJECT_MESSAGES[verdict.reason],
    };
  }
  const { record, task } = verdict;
  await insertVote(ctx.db, record, aggregates);
  await closeLease(ctx, record, task);
  accepted.push(record);
  const result: VoteResult = { id: vote.id, seq: vote.seq, status: 'accepted' };
  if (ctx.options.reveal === 'on_accept') {
    result.reveal = record.swapped
      ? { first: record.modelB, second: record.modelA }
      : { first: record.modelA, second: record.modelB };
  }
  return result;
}

/**
 * Applies a batch with Replicache's rules, all in one transaction: seq ≤
 * cursor is a replay, seq = cursor + 1 is applied (accepted or rejected,
 * either way the cursor advances), and the first gap stops the batch. The
 * response is sent only after COMMIT, so every acknowledged vote is on disk.
 */
export async function pushVotes(
  ctx: AppContext,
  account: AccountRow,
  request: PushRequest,
  now = Date.now(),
): Promise<PushResponse> {
  const accepted: VoteRecord[] = [];
  const { installationId } = request;
  const outcome = await transaction(ctx.db, async () => {
    // A transaction may run again (a PostgreSQL deadlock victim): only its last run's votes count.
    accepted.length = 0;
    const aggregates = new AggregateBatch();
    let cursor = await cursorOf(ctx, installationId, account, now);
    const results: VoteResult[] = [];
    for (const vote of request.votes) {
      if (vote.seq <= cursor) {
        results.push(await replay(ctx, installationId, vote));
        continue;
      }
      if (vote.seq > cursor + 1) break;
      const result = await apply(ctx, account, installationId, vote, now, accepted, aggregates);
      await saveResult(ctx.db, installationId, vote.seq, result, now);
      results.push(result);
      cursor = vote.seq;
    }
    await sql(ctx.db, 'UPDATE installations SET last_seq = ? WHERE id = ?').run(cursor, installationId);
    await aggregates.flush(ctx.db);
    // Last, so the one counts_version row is locked only for the moment before COMMIT.
    const countsVersion = accepted.length > 0 ? await bumpCountsVersion(ctx.db, accepted.length) : 0;
    return { lastSeq: cursor, results, countsVersion };
  });
  // Only committed votes reach the in-memory cube; the stored aggregates were written in the transaction itself.
  ctx.leaderboard.addVotes(accepted, outcome.countsVersion);
  return { lastSeq: outcome.lastSeq, results: outcome.results, serverTime: new Date(now).toISOString() };
}

export async function cursorFor(ctx: AppContext, account: AccountRow, installationId: string): Promise<number> {
  const row = (await sql(ctx.db, 'SELECT account_id, last_seq FROM installations WHERE id = ?').get(installationId)) as
    { account_id: number; last_seq: number } | undefined;
  if (row && row.account_id !== account.id)
    throw new HttpError('installation_foreign', 'this installationId belongs to another account');
  return row?.last_seq ?? 0;
}
