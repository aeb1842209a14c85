import { z } from 'zod';
import { API_VERSION } from '../../shared/protocol/health';
import { ErrorBody } from '../../shared/protocol/errors';
import type { AnyRoute } from './route';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(route: AnyRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const described = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(described.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (described.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return out;
}

function operation(route: AnyRoute): JsonSchema {
  const ok = route.response
    ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
    : { description: 'OK', content: { [route.produces ?? 'application/octet-stream']: {} } };
  return {
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth ? { security: [{ bearer: [] }] } : {}),
    parameters: parameters(route),
    ...(route.body
      ? {
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
        }
      : {}),
    responses: {
      200: ok,
      default: {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      },
    },
  };
}

/** OpenAPI 3.1 generated from the same zod schemas that validate requests, so the two cannot drift. */
export function buildOpenApi(routes: readonly AnyRoute[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Verdict ranking backend', version: String(API_VERSION) },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { ErrorBody: jsonSchema(ErrorBody, 'output') },
    },
  };
}
