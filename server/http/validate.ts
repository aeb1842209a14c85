import { z } from 'zod';
import { HttpError } from './errors';

/**
 * Parses untrusted input with a protocol schema. The zod message is clear
 * enough to send back verbatim ("Unrecognized key: "foo" → at votes[0]").
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'path',
): z.output<S> {
  const result = schema.safeParse(input ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  throw new HttpError('validation_failed', `invalid request ${where}:\n${z.prettifyError(result.error)}`);
}
