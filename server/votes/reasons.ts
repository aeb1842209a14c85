import type { RejectReason } from '../../shared/protocol/votes';

/** Clear English for each rejection; the client shows its own translation by reason code. */
export const REJECT_MESSAGES: Record<RejectReason, string> = {
  invalid_ticket: 'the ticket is not one this server issued, or it was altered',
  foreign_ticket: 'the ticket was issued to another rater',
  ticket_task_mismatch: 'the ticket belongs to a different task than the vote names',
  ticket_expired: 'the lease expired and its grace period is over; the task went back to the pool',
  task_already_voted: 'this rater has already voted on this task',
  too_fast: 'the vote came faster than the minimum time on task',
  rater_suspended: 'the rater is suspended; votes are not accepted',
  invalid_vote: 'the vote does not fit the task (unknown criterion or reason tag, or a required rationale is missing)',
  seq_conflict: 'this seq was already used by a different vote id from this installation',
};
