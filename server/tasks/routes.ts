import { LeaseRequest, LeaseResponse, TASKS_LEASE_PATH, TASKS_LEASES_PATH } from '../../shared/protocol/tasks';
import type { AccountRow } from '../accounts/repo';
import type { AppContext } from '../context';
import type { RouteTable } from '../http/route';
import { leaseTasks, openLeases } from './lease';

export function registerTaskRoutes(routes: RouteTable, ctx: AppContext): void {
  routes.add({
    method: 'POST',
    url: TASKS_LEASE_PATH,
    tag: 'tasks',
    summary: 'Lease up to `count` new tasks in languages the rater reads; under-sampled model pairs first',
    auth: { roles: ['rater'] },
    body: LeaseRequest,
    response: LeaseResponse,
    handler: async ({ account, body }) => ({
      tasks: await leaseTasks(ctx, account as AccountRow, body.count),
      serverTime: new Date().toISOString(),
    }),
  });
  routes.add({
    method: 'GET',
    url: TASKS_LEASES_PATH,
    tag: 'tasks',
    summary: "The rater's open, unvoted, unexpired leases (to rebuild a lost task cache)",
    auth: { roles: ['rater'] },
    response: LeaseResponse,
    handler: async ({ account }) => ({
      tasks: await openLeases(ctx, account as AccountRow),
      serverTime: new Date().toISOString(),
    }),
  });
}
