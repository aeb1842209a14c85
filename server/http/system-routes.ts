import { z } from 'zod';
import { API_VERSION, HEALTH_PATH, HealthResponse, type VoteRules } from '../../shared/protocol/health';
import { buildOpenApi } from './openapi';
import type { RouteTable } from './route';

export const OPENAPI_PATH = '/v1/openapi.json';

export function registerSystemRoutes(routes: RouteTable, voteRules: VoteRules): void {
  routes.add({
    method: 'GET',
    url: HEALTH_PATH,
    tag: 'system',
    summary: 'Liveness, API version, and the rules a vote must meet (minimum active time)',
    auth: null,
    response: HealthResponse,
    handler: () => ({ status: 'ok' as const, apiVersion: API_VERSION, serverTime: new Date().toISOString(), voteRules }),
  });
  let document: Record<string, unknown> | undefined;
  routes.add({
    method: 'GET',
    url: OPENAPI_PATH,
    tag: 'system',
    summary: 'This API as OpenAPI 3.1, generated from the zod schemas in shared/protocol',
    auth: null,
    response: z.record(z.string(), z.unknown()),
    // Built on first request, after every route has been registered.
    handler: () => (document ??= buildOpenApi(routes.routes)),
  });
}
