import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AccountRow } from '../accounts/repo';
import { authenticate, type GuardOptions } from '../auth/guard';
import type { AppContext } from '../context';
import { parseInput } from './validate';

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

/** One endpoint: its contract (schemas from shared/protocol) and its handler. */
export interface RouteSpec<B, Q, P, R> {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  tag: string;
  /** null = public; otherwise who may call it. */
  auth: GuardOptions | null;
  body?: B;
  query?: Q;
  params?: P;
  /** The 200 body; null when the route streams another content type (exports). */
  response: R | null;
  produces?: string;
  handler: (input: {
    account: AccountRow | null;
    body: Out<B>;
    query: Out<Q>;
    params: Out<P>;
    request: FastifyRequest;
    reply: FastifyReply;
  }) => Promise<unknown> | unknown;
}

// Registered routes, in order; openapi.ts reads this to describe the API.
export type AnyRoute = RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined, Schema>;

export class RouteTable {
  readonly routes: AnyRoute[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly ctx: AppContext,
  ) {}

  /**
   * Registers a route whose input is validated by its zod schemas before
   * the handler runs; the handler only ever sees typed, bounded data.
   */
  add<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined, R extends Schema>(
    spec: RouteSpec<B, Q, P, R>,
  ): void {
    this.routes.push(spec as unknown as AnyRoute);
    const { ctx } = this;
    this.app.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        const account = spec.auth ? await authenticate(ctx, request, spec.auth) : null;
        const body = (spec.body ? parseInput(spec.body, request.body, 'body') : undefined) as Out<B>;
        const query = (spec.query ? parseInput(spec.query, request.query, 'query') : undefined) as Out<Q>;
        const params = (spec.params ? parseInput(spec.params, request.params, 'path') : undefined) as Out<P>;
        return spec.handler({ account, body, query, params, request, reply });
      },
    });
  }
}
