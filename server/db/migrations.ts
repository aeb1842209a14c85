import type { Db } from './open';
import { SCHEMA_V1 } from './schema-v1';
import { SCHEMA_V2 } from './schema-v2';
import { SCHEMA_V3 } from './schema-v3';
import { buildAggregatesOnce, SCHEMA_V4 } from './schema-v4';

/**
 * Ordered, append-only list of schema changes. A released migration is never
 * edited: a fix is a new entry. The applied version lives in
 * PRAGMA user_version, updated in the same transaction as the change, so a
 * crash mid-migration leaves the old version and the whole step re-runs.
 */
export const MIGRATIONS: ReadonlyArray<{
  version: number;
  name: string;
  sql: string;
  /** Data work after the SQL, in the same transaction (for what SQL alone cannot express). */
  then?: (db: Db) => void;
}> = [
  { version: 1, name: 'initial schema', sql: SCHEMA_V1 },
  { version: 2, name: 'unflags and item marks as records of their own', sql: SCHEMA_V2 },
  { version: 3, name: 'the side each vote showed first', sql: SCHEMA_V3 },
  { version: 4, name: 'leaderboard aggregates stored with the votes', sql: SCHEMA_V4, then: buildAggregatesOnce },
];

export function schemaVersion(db: Db): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

export function migrate(db: Db): void {
  const current = schemaVersion(db);
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `database schema version ${current} is newer than this server knows (${latest}); upgrade the server`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      migration.then?.(db);
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
