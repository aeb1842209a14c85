import { z } from 'zod';

/**
 * The HTTP API version this build speaks. The server announces its own in
 * GET /v1/health; a client that sees a different major refuses to sync
 * rather than guessing at a contract it does not know.
 */
export const API_VERSION = 1;

export const HEALTH_PATH = '/v1/health';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  apiVersion: z.number().int().positive(),
  serverTime: z.iso.datetime(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
