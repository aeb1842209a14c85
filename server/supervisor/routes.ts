import { z } from 'zod';
import {
  CreateFlagRequest,
  CreateItemMarkRequest,
  ItemMark,
  ItemMarksQuery,
  ItemMarksResponse,
  SUPERVISOR_MARKS_PATH,
  SUPERVISOR_VOTES_PATH,
  UnflagRequest,
  DisagreementsResponse,
  ExportQuery,
  Flag,
  FlagsQuery,
  FlagsResponse,
  PageQuery,
  RatersResponse,
  RaterVotesResponse,
  SupervisorItem,
  SUPERVISOR_EXPORT_PATH,
  SUPERVISOR_FLAGS_PATH,
  SUPERVISOR_RATERS_PATH,
} from '../../shared/protocol/supervisor';
import { OpaqueId } from '../../shared/protocol/primitives';
import { canSupervise, findAccountByPublicId, profileOf, teamOf, type AccountRow } from '../accounts/repo';
import type { AppContext } from '../context';
import { sql } from '../db/statements';
import { perDialect } from '../store/dialect';
import { HttpError } from '../http/errors';
import type { RouteTable } from '../http/route';
import { findTask, responseContent } from '../tasks/repo';
import { disagreementsOf } from './disagreements';
import { votesToCsv, votesToJsonl } from './export';
import { addFlag, flagsFor, openFlagCounts } from './flags';
import { addMark, marksFor } from './marks';
import { raterVotesPage, teamVotesPage, toRaterVote, VOTE_COLUMNS, type VoteRow } from './vote-rows';

const SUPERVISORS = { roles: ['supervisor', 'admin'] } as const;
const RaterParams = z.strictObject({ raterId: OpaqueId });
const ItemParams = z.strictObject({ itemId: OpaqueId });

/**
 * True when someone in the viewer's team voted on the item (admins: anyone).
 * A supervisor reviews their team's disagreements, not the whole task pool.
 */
async function teamVotedOn(ctx: AppContext, viewer: AccountRow, itemId: string): Promise<boolean> {
  if (viewer.role === 'admin') return true;
  return (
    (await sql(
      ctx.db,
      'SELECT 1 FROM votes v JOIN accounts a ON a.id = v.account_id WHERE v.task_id = ? AND a.supervisor_id = ? LIMIT 1',
    ).get(itemId, viewer.id)) !== undefined
  );
}

/**
 * The prompt and both responses of an item, in the item's own (model_a, model_b) order.
 * 404, not 403, for an item outside the team: a supervisor learns nothing about other teams' items.
 */
async function itemContent(ctx: AppContext, viewer: AccountRow, itemId: string): Promise<SupervisorItem> {
  const task = await findTask(ctx.db, itemId);
  if (!task || !(await teamVotedOn(ctx, viewer, itemId)))
    throw new HttpError('not_found', `no item ${itemId} voted on by your team`);
  return {
    itemId: task.id,
    language: task.language,
    category: task.category,
    conversation: JSON.parse(task.conversation) as SupervisorItem['conversation'],
    responses: [
      { model: task.model_a, content: await responseContent(ctx.db, task.response_a) },
      { model: task.model_b, content: await responseContent(ctx.db, task.response_b) },
    ],
  };
}

/** 404 rather than 403 for raters outside the team: a supervisor learns nothing about other teams. */
async function teamMember(ctx: AppContext, viewer: AccountRow, raterId: string): Promise<AccountRow> {
  const rater = await findAccountByPublicId(ctx.db, raterId);
  if (!rater || !canSupervise(viewer, rater)) throw new HttpError('not_found', `no rater ${raterId} in your team`);
  return rater;
}

async function raters(ctx: AppContext, viewer: AccountRow): Promise<RatersResponse> {
  const team = await teamOf(ctx.db, viewer);
  // Votes taken by other processes move the counts version that the quality cache keys on.
  await ctx.leaderboard.refresh(ctx.db);
  // Off the event loop (a worker thread): leases and pushes go on while it computes.
  const quality = await ctx.quality.forTeam(viewer.id, team);
  const flags = await openFlagCounts(ctx.db);
  return {
    raters: team.map((rater) => {
      return {
        id: rater.public_id,
        displayName: rater.display_name,
        email: rater.email,
        role: rater.role,
        vetted: rater.vetted === 1,
        suspended: rater.suspended === 1,
        profile: profileOf(rater),
        lastVoteAt: quality.lastVoteAt.get(rater.public_id) ?? null,
        openFlags: flags.get(rater.id) ?? 0,
        quality: quality.byRater.get(rater.public_id) as RatersResponse['raters'][number]['quality'],
      };
    }),
    pool: quality.pool,
    computedAt: new Date().toISOString(),
  };
}

/** The team members a flags or marks query is about: one rater (404 outside the team) or the whole team. */
async function raterScope(ctx: AppContext, viewer: AccountRow, raterId: string | undefined): Promise<number[]> {
  return raterId ? [(await teamMember(ctx, viewer, raterId)).id] : (await teamOf(ctx.db, viewer)).map((r) => r.id);
}

/** A vote of the viewer's team, with its rater; 404 for any other vote, so other teams' vote ids stay unknown. */
async function teamVote(ctx: AppContext, viewer: AccountRow, voteId: string) {
  const vote = (await sql(ctx.db, 'SELECT id, task_id, account_id FROM votes WHERE id = ?').get(voteId)) as
    { id: string; task_id: string; account_id: number } | undefined;
  const rater = vote
    ? ((await sql(ctx.db, 'SELECT * FROM accounts WHERE id = ?').get(vote.account_id)) as unknown as AccountRow)
    : undefined;
  if (!vote || !rater || !canSupervise(viewer, rater))
    throw new HttpError('not_found', `no vote ${voteId} in your team`);
  return { vote, rater };
}

async function exportVotes(ctx: AppContext, viewer: AccountRow, raterId: string | undefined) {
  const team = raterId ? [await teamMember(ctx, viewer, raterId)] : await teamOf(ctx.db, viewer);
  const rows = (await sql(
    ctx.db,
    perDialect(
      (d) => `SELECT ${VOTE_COLUMNS} FROM votes v JOIN accounts a ON a.id = v.account_id
     WHERE v.account_id IN ${d.jsonIds('?')} ORDER BY v.account_id, v.received_at, v.id`,
    ),
  ).all(JSON.stringify(team.map((rater) => rater.id)))) as unknown as VoteRow[];
  return rows.map(toRaterVote);
}

export function registerSupervisorRoutes(routes: RouteTable, ctx: AppContext): void {
  routes.add({
    method: 'GET',
    url: SUPERVISOR_RATERS_PATH,
    tag: 'supervisor',
    summary:
      "The team's raters with quality metrics (agreement, position bias, self-consistency, gold, speed, anomaly test)",
    auth: SUPERVISORS,
    response: RatersResponse,
    handler: async ({ account }) => raters(ctx, account as AccountRow),
  });
  routes.add({
    method: 'GET',
    url: '/v1/supervisor/raters/:raterId/votes',
    tag: 'supervisor',
    summary: "One team rater's votes, oldest first, paged",
    auth: SUPERVISORS,
    params: RaterParams,
    query: PageQuery,
    response: RaterVotesResponse,
    handler: async ({ account, params, query }) => {
      const rater = await teamMember(ctx, account as AccountRow, params.raterId);
      const page = await raterVotesPage(ctx.db, rater.id, query.limit ?? 200, query.cursor);
      return { votes: page.rows.map(toRaterVote), nextCursor: page.next };
    },
  });
  routes.add({
    method: 'GET',
    url: SUPERVISOR_VOTES_PATH,
    tag: 'supervisor',
    summary: "The whole team's votes, paged: rater after rater, oldest first within each (one cursor for the team)",
    auth: SUPERVISORS,
    query: PageQuery,
    response: RaterVotesResponse,
    handler: async ({ account, query }) => {
      const team = (await teamOf(ctx.db, account as AccountRow)).map((rater) => rater.id);
      const page = await teamVotesPage(ctx.db, team, query.limit ?? 200, query.cursor);
      return { votes: page.rows.map(toRaterVote), nextCursor: page.next };
    },
  });
  routes.add({
    method: 'GET',
    url: '/v1/supervisor/items/:itemId',
    tag: 'supervisor',
    summary:
      'One item your team voted on, with its prompt and both responses, models named, for judging disagreements (404 outside your team)',
    auth: SUPERVISORS,
    params: ItemParams,
    response: SupervisorItem,
    handler: async ({ account, params }) => await itemContent(ctx, account as AccountRow, params.itemId),
  });
  routes.add({
    method: 'GET',
    url: '/v1/supervisor/raters/:raterId/disagreements',
    tag: 'supervisor',
    summary: "Items where the rater's vote differs from the strict majority of the other raters",
    auth: SUPERVISORS,
    params: RaterParams,
    response: DisagreementsResponse,
    handler: async ({ account, params }) => ({
      disagreements: await disagreementsOf(ctx.db, (await teamMember(ctx, account as AccountRow, params.raterId)).id),
    }),
  });
  routes.add({
    method: 'GET',
    url: SUPERVISOR_FLAGS_PATH,
    tag: 'supervisor',
    summary: 'Flags on team raters (from supervisors and from the anomaly test)',
    auth: SUPERVISORS,
    query: FlagsQuery,
    response: FlagsResponse,
    handler: async ({ account, query }) => ({
      flags: await flagsFor(ctx.db, await raterScope(ctx, account as AccountRow, query.raterId)),
    }),
  });
  routes.add({
    method: 'POST',
    url: SUPERVISOR_FLAGS_PATH,
    tag: 'supervisor',
    summary: 'Flag a team rater (optionally one vote) with a note; audited',
    auth: SUPERVISORS,
    body: CreateFlagRequest,
    response: Flag,
    handler: async ({ account, body }) => {
      const viewer = account as AccountRow;
      const rater = await teamMember(ctx, viewer, body.raterId);
      if (
        body.voteId &&
        !(await sql(ctx.db, 'SELECT 1 AS x FROM votes WHERE id = ? AND account_id = ?').get(body.voteId, rater.id))
      ) {
        throw new HttpError('not_found', `rater ${body.raterId} has no vote ${body.voteId}`);
      }
      return await addFlag(ctx.db, {
        rater,
        voteId: body.voteId ?? null,
        note: body.note,
        source: 'supervisor',
        by: viewer,
      });
    },
  });
  routes.add({
    method: 'POST',
    url: '/v1/supervisor/raters/:raterId/unflag',
    tag: 'supervisor',
    summary: "Clear a team rater's flags with a note: recorded as an unflag entry in the rater's history; audited",
    auth: SUPERVISORS,
    params: RaterParams,
    body: UnflagRequest,
    response: Flag,
    handler: async ({ account, params, body }) => {
      const viewer = account as AccountRow;
      const rater = await teamMember(ctx, viewer, params.raterId);
      return await addFlag(ctx.db, {
        rater,
        voteId: null,
        note: body.note,
        source: 'supervisor',
        by: viewer,
        kind: 'unflag',
      });
    },
  });
  routes.add({
    method: 'GET',
    url: SUPERVISOR_MARKS_PATH,
    tag: 'supervisor',
    summary: "Marks on the team's votes (item ambiguous, vote wrong), oldest first; optionally one rater's",
    auth: SUPERVISORS,
    query: ItemMarksQuery,
    response: ItemMarksResponse,
    handler: async ({ account, query }) => ({
      marks: await marksFor(ctx.db, await raterScope(ctx, account as AccountRow, query.raterId)),
    }),
  });
  routes.add({
    method: 'POST',
    url: SUPERVISOR_MARKS_PATH,
    tag: 'supervisor',
    summary: "Mark a team vote's item ambiguous, or the vote wrong, with a note (404 outside your team); audited",
    auth: SUPERVISORS,
    body: CreateItemMarkRequest,
    response: ItemMark,
    handler: async ({ account, body }) => {
      const viewer = account as AccountRow;
      const { vote, rater } = await teamVote(ctx, viewer, body.voteId);
      return await addMark(ctx.db, { vote, rater, mark: body.mark, note: body.note, by: viewer });
    },
  });
  routes.add({
    method: 'GET',
    url: SUPERVISOR_EXPORT_PATH,
    tag: 'supervisor',
    summary: "The team's (or one rater's) votes as CSV or JSONL",
    auth: SUPERVISORS,
    query: ExportQuery,
    response: null,
    produces: 'text/csv, application/x-ndjson',
    handler: async ({ account, query, reply }) => {
      const votes = await exportVotes(ctx, account as AccountRow, query.raterId);
      const csv = query.format === 'csv';
      void reply
        .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="verdict-votes.${csv ? 'csv' : 'jsonl'}"`);
      return csv ? votesToCsv(votes) : votesToJsonl(votes);
    },
  });
}
