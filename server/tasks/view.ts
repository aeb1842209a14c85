import type { ConversationTurn, Task } from '../../shared/protocol/tasks';
import type { AppContext } from '../context';
import { criteriaOf } from './criteria';
import { responseContent, type LeaseRow, type TaskRow } from './repo';
import { responseHandle, signTicket } from './tickets';

/**
 * The wire form of a lease. Gold and repeat leases go through exactly this
 * code, so nothing in the shape can tell them apart from normal ones.
 */
export async function renderTask(
  ctx: AppContext,
  lease: LeaseRow,
  task: TaskRow,
  raterPublicId: string,
): Promise<Task> {
  const [first, second] = lease.swapped ? [task.response_b, task.response_a] : [task.response_a, task.response_b];
  const ring = ctx.secrets.ticket;
  return {
    taskId: lease.id,
    ticket: signTicket(ring, {
      leaseId: lease.id,
      raterId: raterPublicId,
      swapped: lease.swapped === 1,
      expiresAt: lease.expires_at,
    }),
    language: task.language,
    category: task.category,
    conversation: JSON.parse(task.conversation) as ConversationTurn[],
    responses: [
      { handle: responseHandle(ring, lease.id, 0), content: await responseContent(ctx.db, first) },
      { handle: responseHandle(ring, lease.id, 1), content: await responseContent(ctx.db, second) },
    ],
    leaseExpiresAt: new Date(lease.expires_at).toISOString(),
    criteria: criteriaOf(task.criteria),
  };
}
