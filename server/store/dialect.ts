import type { Dialect, Statement } from './types';

/**
 * The few SQL fragments that SQLite and PostgreSQL spell differently. Domain
 * code builds a statement with `perDialect((d) => ...)` and gets one text per
 * dialect; it never names a dialect itself.
 */
export interface Fragments {
  /** `IN` list of account ids from one JSON-array parameter, however long the list. */
  jsonIds(placeholder: string): string;
  /** `IN` list of strings from one JSON-array parameter. */
  jsonTexts(placeholder: string): string;
  /**
   * Row lock on what a SELECT returns, for the rest of the transaction.
   * SQLite has one writer at a time (BEGIN IMMEDIATE), so it needs none.
   */
  forUpdate: string;
  /** Lock what it returns and skip rows another transaction holds: concurrent leases take different rows. */
  skipLocked: string;
}

const FRAGMENTS: Record<Dialect, Fragments> = {
  sqlite: {
    jsonIds: (p) => `(SELECT value FROM json_each(${p}))`,
    jsonTexts: (p) => `(SELECT value FROM json_each(${p}))`,
    forUpdate: '',
    skipLocked: '',
  },
  postgres: {
    jsonIds: (p) => `(SELECT jsonb_array_elements_text(${p}::jsonb)::bigint)`,
    jsonTexts: (p) => `(SELECT jsonb_array_elements_text(${p}::jsonb))`,
    forUpdate: ' FOR UPDATE',
    skipLocked: ' FOR UPDATE SKIP LOCKED',
  },
};

export function perDialect(build: (fragments: Fragments) => string): Statement {
  return { sqlite: build(FRAGMENTS.sqlite), postgres: build(FRAGMENTS.postgres) };
}
