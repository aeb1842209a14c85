import type { FastifyError, FastifyInstance } from 'fastify';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../../shared/protocol/errors';

/** Thrown by handlers; the error handler turns it into the one error body shape. */
export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Fastify's own errors (body parsing, limits) mapped onto our codes with clear messages. */
function fromFastify(error: FastifyError, bodyLimit: number): HttpError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError('payload_too_large', `request body is larger than the ${bodyLimit}-byte limit`);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError('invalid_json', `request body is not valid JSON: ${error.message}`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError('invalid_json', 'request body is empty but Content-Type is application/json');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError('unsupported_media_type', 'send the body as application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError('invalid_json', 'Content-Length does not match the body that was sent');
    default:
      break;
  }
  // secure-json-parse rejects __proto__/constructor keys with a 400 and no code.
  if (error.statusCode === 400) return new HttpError('invalid_json', `request body was refused: ${error.message}`);
  return null;
}

export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((raw, request, reply) => {
    const error = raw instanceof HttpError ? raw : fromFastify(raw as FastifyError, bodyLimit);
    if (error) {
      void reply.status(error.status).headers(error.headers).send(errorBody(error.code, error.message));
      return;
    }
    request.log.error({ err: raw }, 'unhandled error');
    console.error(raw);
    void reply.status(500).send(errorBody('internal', 'the server failed to handle this request'));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(errorBody('not_found', `no route for ${request.method} ${request.url.split('?')[0]}`));
  });
}
