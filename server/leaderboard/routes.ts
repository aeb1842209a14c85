import {
  CountsQuery,
  CountsResponse,
  LEADERBOARD_COUNTS_PATH,
  LEADERBOARD_PATH,
  LeaderboardQuery,
  LeaderboardResponse,
} from '../../shared/protocol/leaderboard';
import type { AppContext } from '../context';
import type { RouteTable } from '../http/route';

export function registerLeaderboardRoutes(routes: RouteTable, ctx: AppContext): void {
  routes.add({
    method: 'GET',
    url: LEADERBOARD_PATH,
    tag: 'leaderboard',
    summary:
      'Bradley–Terry ratings with 95% CIs and ranks for all votes or a slice of one or two fields; withheld, saying nothing, where releasing it could expose fewer than K raters',
    auth: {},
    query: LeaderboardQuery,
    response: LeaderboardResponse,
    handler: async ({ query }) => {
      await ctx.leaderboard.refresh(ctx.db);
      const { weights, style, ...filter } = query;
      return ctx.leaderboard.leaderboard(filter, { weights: weights ?? 'none', style: style ?? 'off' });
    },
  });
  routes.add({
    method: 'GET',
    url: LEADERBOARD_COUNTS_PATH,
    tag: 'leaderboard',
    summary:
      'Aggregated pair counts of a released table (all votes; one field; two fields, or one field split `by` another), for ranking on the client',
    auth: {},
    query: CountsQuery,
    response: CountsResponse,
    handler: async ({ query }) => {
      const { by, style, ...filter } = query;
      await ctx.leaderboard.refresh(ctx.db);
      return ctx.leaderboard.counts(filter, by, style ?? 'off');
    },
  });
}
