import {
  CursorQuery,
  CursorResponse,
  PushRequest,
  PushResponse,
  VOTES_CURSOR_PATH,
  VOTES_PUSH_PATH,
} from '../../shared/protocol/votes';
import type { AccountRow } from '../accounts/repo';
import type { AppContext } from '../context';
import type { RouteTable } from '../http/route';
import { cursorFor, pushVotes } from './push';

export function registerVoteRoutes(routes: RouteTable, ctx: AppContext): void {
  routes.add({
    method: 'POST',
    url: VOTES_PUSH_PATH,
    tag: 'votes',
    summary: 'Push a batch of votes in seq order; applied in one transaction, exactly once per vote id',
    auth: { roles: ['rater'], allowSuspended: true },
    body: PushRequest,
    response: PushResponse,
    handler: async ({ account, body }) => await pushVotes(ctx, account as AccountRow, body),
  });
  routes.add({
    method: 'GET',
    url: VOTES_CURSOR_PATH,
    tag: 'votes',
    summary: "The server's last applied seq for an installation (where a client that lost its ack state resumes)",
    auth: { roles: ['rater'], allowSuspended: true },
    query: CursorQuery,
    response: CursorResponse,
    handler: async ({ account, query }) => ({
      installationId: query.installationId,
      lastSeq: await cursorFor(ctx, account as AccountRow, query.installationId),
      serverTime: new Date().toISOString(),
    }),
  });
}
