import { z } from 'zod';

/**
 * Every 4xx/5xx body has this one shape. `code` is for programs and stays
 * stable; `message` is clear English for logs and support, never shown as the
 * only explanation to a rater (the client translates by code).
 */
export const ERROR_CODES = [
  'invalid_json',
  'validation_failed',
  'unreleased_table',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'token_expired',
  'invalid_credentials',
  'not_vetted',
  'suspended',
  'forbidden',
  'installation_foreign',
  'not_found',
  'rate_limited',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    // A plain snake_case string on the wire so an older client keeps working
    // when a newer server adds a code; ErrorCode lists the ones this build knows.
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    message: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** HTTP status for each code, so server and client agree on the mapping. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_json: 400,
  validation_failed: 400,
  unreleased_table: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthorized: 401,
  token_expired: 401,
  invalid_credentials: 401,
  not_vetted: 403,
  suspended: 403,
  forbidden: 403,
  installation_foreign: 403,
  not_found: 404,
  rate_limited: 429,
  internal: 500,
};
