import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, HealthResponse } from '../../../shared/protocol/health';
import { call, startTestServer, type TestServer } from './helpers';

describe('health and OpenAPI', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('answers GET /v1/health without a token, in the shape the client codes against', async () => {
    const reply = await call(t.url, 'GET', '/v1/health');
    expect(reply.status).toBe(200);
    expect(HealthResponse.parse(reply.body)).toMatchObject({ status: 'ok', apiVersion: API_VERSION });
  });

  it('describes every endpoint from the zod schemas, strict bodies included', async () => {
    const { body } = await call(t.url, 'GET', '/v1/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths).sort()).toEqual(
      [
        '/v1/auth/login',
        '/v1/auth/logout',
        '/v1/auth/refresh',
        '/v1/health',
        '/v1/leaderboard',
        '/v1/leaderboard/counts',
        '/v1/me',
        '/v1/openapi.json',
        '/v1/supervisor/export',
        '/v1/supervisor/flags',
        '/v1/supervisor/items/{itemId}',
        '/v1/supervisor/marks',
        '/v1/supervisor/raters',
        '/v1/supervisor/raters/{raterId}/disagreements',
        '/v1/supervisor/raters/{raterId}/unflag',
        '/v1/supervisor/raters/{raterId}/votes',
        '/v1/supervisor/votes',
        '/v1/tasks/lease',
        '/v1/tasks/leases',
        '/v1/votes/cursor',
        '/v1/votes/push',
      ].sort(),
    );
    const push = body.paths['/v1/votes/push'].post;
    const request = push.requestBody.content['application/json'].schema;
    expect(request.additionalProperties).toBe(false);
    expect(request.required).toEqual(['installationId', 'votes']);
    const vote = request.properties.votes.items;
    expect(vote.additionalProperties).toBe(false);
    expect(vote.properties.choice.enum).toEqual(['first', 'second', 'tie', 'both_bad', 'cant_read']);
    expect(push.security).toEqual([{ bearer: [] }]);
    const params = body.paths['/v1/leaderboard'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(['language', 'country', 'age_band', 'education', 'category', 'weights', 'style']);
  });
});
