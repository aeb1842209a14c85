import { z } from 'zod';
import type { SupervisorAnswer, SupervisorExport } from '../../../../shared/ipc/features/supervisorContract';
import {
  DisagreementsResponse,
  Flag,
  FlagsResponse,
  ItemMark,
  ItemMarksResponse,
  type MarkKind,
  RatersResponse,
  RaterVotesResponse,
  SUPERVISOR_EXPORT_PATH,
  SUPERVISOR_FLAGS_PATH,
  SUPERVISOR_MARKS_PATH,
  SUPERVISOR_RATERS_PATH,
  SUPERVISOR_VOTES_PATH,
  supervisorDisagreementsPath,
  supervisorItemPath,
  supervisorRaterVotesPath,
  supervisorUnflagPath,
  SupervisorItem,
} from '../../../../shared/protocol/supervisor';
import type { SupervisorClient } from './supervisorClient';

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function mapAnswer<T, U>(answer: SupervisorAnswer<T>, map: (data: T) => U): SupervisorAnswer<U> {
  return answer.ok ? { ok: true, data: map(answer.data) } : answer;
}

/**
 * The export endpoint answers text. The HTTP adapter parses any body that is
 * valid JSON, so a one-vote JSONL file arrives as an object and an empty one
 * as null; both are turned back into the text the server sent.
 */
function exportText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body === null || body === undefined) return '';
  return `${JSON.stringify(body)}\n`;
}

function safeFilePart(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 64);
}

/** One method per supervisor IPC call: validated proxies to /v1/supervisor, nothing cached. */
export function createSupervisorService(client: SupervisorClient, today: () => Date = () => new Date()) {
  return {
    raters: () => client.request({ method: 'GET', path: SUPERVISOR_RATERS_PATH, schema: RatersResponse }),
    raterVotes: (raterId: string, page: { cursor?: string; limit?: number }) =>
      client.request({
        method: 'GET',
        path: withQuery(supervisorRaterVotesPath(raterId), page),
        schema: RaterVotesResponse,
      }),
    teamVotes: (page: { cursor?: string; limit?: number }) =>
      client.request({ method: 'GET', path: withQuery(SUPERVISOR_VOTES_PATH, page), schema: RaterVotesResponse }),
    item: (itemId: string) =>
      client.request({ method: 'GET', path: supervisorItemPath(itemId), schema: SupervisorItem }),
    disagreements: (raterId: string) =>
      client.request({ method: 'GET', path: supervisorDisagreementsPath(raterId), schema: DisagreementsResponse }),
    flags: (raterId?: string) =>
      client.request({ method: 'GET', path: withQuery(SUPERVISOR_FLAGS_PATH, { raterId }), schema: FlagsResponse }),
    flag: (raterId: string, note: string) =>
      client.request({ method: 'POST', path: SUPERVISOR_FLAGS_PATH, body: { raterId, note }, schema: Flag }),
    unflag: (raterId: string, note: string) =>
      client.request({ method: 'POST', path: supervisorUnflagPath(raterId), body: { note }, schema: Flag }),
    marks: (raterId?: string) =>
      client.request({ method: 'GET', path: withQuery(SUPERVISOR_MARKS_PATH, { raterId }), schema: ItemMarksResponse }),
    markVote: (voteId: string, mark: MarkKind, note: string) =>
      client.request({ method: 'POST', path: SUPERVISOR_MARKS_PATH, body: { voteId, mark, note }, schema: ItemMark }),
    export: async (format: 'csv' | 'jsonl', raterId?: string): Promise<SupervisorAnswer<SupervisorExport>> =>
      mapAnswer(
        await client.request({
          method: 'GET',
          path: withQuery(SUPERVISOR_EXPORT_PATH, { format, raterId }),
          schema: z.unknown(),
        }),
        (body) => ({
          fileName: `verdict-votes-${safeFilePart(raterId ?? 'team')}-${today().toISOString().slice(0, 10)}.${format}`,
          mediaType: format === 'csv' ? 'text/csv' : 'application/x-ndjson',
          content: exportText(body),
        }),
      ),
  };
}
export type SupervisorService = ReturnType<typeof createSupervisorService>;
