import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { KeyValueStore } from '../ports';

/**
 * This installation's stable id (the server's cursor is kept per installation).
 * Made once and kept with the preferences; an unreadable value is replaced,
 * which only costs the server a fresh cursor, never a vote.
 */
export function installationIdFrom(store: KeyValueStore): string {
  const existing = z.uuid().safeParse(store.get('installationId'));
  if (existing.success) return existing.data;
  const id = randomUUID();
  store.set('installationId', id);
  return id;
}
