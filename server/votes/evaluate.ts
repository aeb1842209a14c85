import type { Choice, RejectReason, Vote } from '../../shared/protocol/votes';
import type { AccountRow } from '../accounts/repo';
import type { AppContext } from '../context';
import { sql } from '../db/statements';
import { criteriaOf } from '../tasks/criteria';
import { adjustLoad, findLease, findTaskHead, type LeaseRow, type Outcome, type TaskHead } from '../tasks/repo';
import { readTicket, responseHandle } from '../tasks/tickets';
import type { VoteRecord } from './store';

export type Verdict =
  { accepted: true; record: VoteRecord; task: TaskHead } | { accepted: false; reason: RejectReason };

const reject = (reason: RejectReason): Verdict => ({ accepted: false, reason });

/** Display terms → model terms through the lease's side order. */
export function outcomeOf(choice: Choice, swapped: boolean): Outcome | 'cant_read' {
  if (choice === 'first') return swapped ? 'b' : 'a';
  if (choice === 'second') return swapped ? 'a' : 'b';
  return choice;
}

/** The checks that need only the ticket, cheapest first. */
async function checkTicket(
  ctx: AppContext,
  account: AccountRow,
  vote: Vote,
  now: number,
): Promise<{ lease: LeaseRow } | RejectReason> {
  if (account.suspended) return 'rater_suspended';
  const ticket = readTicket(ctx.secrets.ticket, vote.ticket);
  if (!ticket) return 'invalid_ticket';
  if (ticket.raterId !== account.public_id) return 'foreign_ticket';
  if (ticket.leaseId !== vote.taskId) return 'ticket_task_mismatch';
  if (now > ticket.expiresAt + ctx.options.leaseGraceMs) return 'ticket_expired';
  const lease = await findLease(ctx.db, ticket.leaseId);
  // A signed ticket with no matching lease means a different database under the same keys.
  if (!lease || lease.account_id !== account.id || lease.swapped !== (ticket.swapped ? 1 : 0)) return 'invalid_ticket';
  if (lease.state === 'voted') return 'task_already_voted';
  if (lease.state === 'lapsed') return 'ticket_expired';
  return { lease };
}

function fitsTask(vote: Vote, task: TaskHead): boolean {
  const config = criteriaOf(task.criteria);
  if (vote.reasonTags?.some((tag) => !config.reasonTags.includes(tag))) return false;
  if (vote.criteria && Object.keys(vote.criteria).some((id) => !config.criteria.includes(id))) return false;
  return config.rationale !== 'required' || vote.choice === 'cant_read' || (vote.rationale ?? '').trim().length > 0;
}

/**
 * The item's model the rater saw first, from the handles in the order the client showed
 * them; null when the client did not say. 'invalid' when they are not this lease's two
 * handles (a vote cannot describe a screen it was never sent).
 */
function shownFirstOf(ctx: AppContext, vote: Vote, lease: LeaseRow): 'a' | 'b' | null | 'invalid' {
  if (!vote.shownOrder) return null;
  const sent = [responseHandle(ctx.secrets.ticket, lease.id, 0), responseHandle(ctx.secrets.ticket, lease.id, 1)];
  const [seenFirst, seenSecond] = vote.shownOrder;
  const asSent = seenFirst === sent[0] && seenSecond === sent[1];
  const reversed = seenFirst === sent[1] && seenSecond === sent[0];
  if (!asSent && !reversed) return 'invalid';
  // responses[0] is model_b when the lease swapped the sides.
  const sentFirst = lease.swapped === 1 ? 'b' : 'a';
  return asSent ? sentFirst : sentFirst === 'a' ? 'b' : 'a';
}

async function alreadyVoted(ctx: AppContext, accountId: number, taskId: string): Promise<boolean> {
  return (
    (await sql(ctx.db, `SELECT 1 AS x FROM votes WHERE account_id = ? AND task_id = ? AND kind <> 'repeat'`).get(
      accountId,
      taskId,
    )) !== undefined
  );
}

function buildRecord(
  account: AccountRow,
  vote: Vote,
  lease: LeaseRow,
  task: TaskHead,
  installationId: string,
  now: number,
  shownFirst: 'a' | 'b' | null,
): VoteRecord {
  const outcome = outcomeOf(vote.choice, lease.swapped === 1);
  const decisive = outcome !== 'cant_read';
  return {
    id: vote.id,
    accountId: account.id,
    taskId: task.id,
    leaseId: lease.id,
    kind: lease.kind,
    repeatOf: lease.repeat_of,
    installationId,
    seq: vote.seq,
    choice: vote.choice,
    swapped: lease.swapped,
    shownFirst,
    outcome,
    // Gold and repeats measure the rater; counting them would over-weight their pairs.
    counted: lease.kind === 'normal' && decisive,
    modelA: task.model_a,
    modelB: task.model_b,
    language: task.language,
    category: task.category,
    // Segment attributes as they are now, at vote time: later profile edits do not move old votes.
    country: account.country,
    ageBand: account.age_band,
    education: account.education,
    goldCorrect: lease.kind === 'gold' && task.gold && decisive ? outcome === task.gold : null,
    details: {
      criteria: vote.criteria ?? {},
      rationale: vote.rationale ?? null,
      reasonTags: vote.reasonTags ?? [],
      flags: vote.flags ?? [],
      confidence: vote.confidence ?? null,
      clockOffsetMs: vote.clockOffsetMs,
      locale: vote.locale,
      appVersion: vote.appVersion,
    },
    activeMs: vote.activeMs,
    shownAt: vote.shownAt,
    votedAt: vote.votedAt,
    receivedAt: now,
  };
}

/** Decides one new vote (never seen before). Call inside the push transaction. */
export async function evaluateVote(
  ctx: AppContext,
  account: AccountRow,
  vote: Vote,
  installationId: string,
  now: number,
): Promise<Verdict> {
  const checked = await checkTicket(ctx, account, vote, now);
  if (typeof checked === 'string') return reject(checked);
  const { lease } = checked;
  const task = (await findTaskHead(ctx.db, lease.task_id)) as TaskHead;
  if (lease.kind !== 'repeat' && (await alreadyVoted(ctx, account.id, task.id))) return reject('task_already_voted');
  const min = ctx.options.minActiveMs;
  if (vote.activeMs < min || now - lease.issued_at < min) return reject('too_fast');
  const shownFirst = shownFirstOf(ctx, vote, lease);
  if (!fitsTask(vote, task) || shownFirst === 'invalid') return reject('invalid_vote');
  return { accepted: true, record: buildRecord(account, vote, lease, task, installationId, now, shownFirst), task };
}

/** Closes the lease; "can't read" also frees the rater slot so someone who reads it gets the item. */
export async function closeLease(ctx: AppContext, record: VoteRecord, task: TaskHead): Promise<void> {
  await sql(ctx.db, `UPDATE leases SET state = 'voted' WHERE id = ?`).run(record.leaseId);
  if (record.kind === 'normal' && record.outcome === 'cant_read') await adjustLoad(ctx.db, task, -1);
}
