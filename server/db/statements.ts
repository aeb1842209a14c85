import type { StatementSync } from 'node:sqlite';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, StatementSync>>();

/**
 * Prepared statements cached per connection. Preparing is most of the cost
 * of a small SQLite query, and the hot paths (push, lease) run a handful of
 * queries per vote.
 */
export function sql(db: Db, text: string): StatementSync {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

/** Row values as node:sqlite returns them; narrowed by the caller that knows the query. */
export type Row = Record<string, unknown>;
