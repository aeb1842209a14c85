import type { SqliteStore } from '../store/sqlite';
import type { Db } from './open';
import { SCHEMA_V1 } from './schema-v1';
import { SCHEMA_V2 } from './schema-v2';
import { SCHEMA_V3 } from './schema-v3';
import { buildAggregatesOnce, SCHEMA_V4 } from './schema-v4';
import { SCHEMA_V5 } from './schema-v5';
import { measureAndBuildStyleRows, SCHEMA_V6 } from './schema-v6';

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
  then?: (db: Db) => Promise<void>;
}> = [
  { version: 1, name: 'initial schema', sql: SCHEMA_V1 },
  { version: 2, name: 'unflags and item marks as records of their own', sql: SCHEMA_V2 },
  { version: 3, name: 'the side each vote showed first', sql: SCHEMA_V3 },
  { version: 4, name: 'leaderboard aggregates stored with the votes', sql: SCHEMA_V4, then: buildAggregatesOnce },
  { version: 5, name: 'state shared by several server processes', sql: SCHEMA_V5 },
  { version: 6, name: 'style features of responses and style rows', sql: SCHEMA_V6, then: measureAndBuildStyleRows },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export async function schemaVersion(db: SqliteStore): Promise<number> {
  const row = await db.one<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

export async function migrate(db: SqliteStore): Promise<void> {
  const current = await schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new Error(
      `database schema version ${current} is newer than this server knows (${LATEST_VERSION}); upgrade the server`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    try {
      await db.transaction(async () => {
        await db.exec(migration.sql);
        await migration.then?.(db);
        await db.exec(`PRAGMA user_version = ${migration.version}`);
      });
    } catch (error) {
      throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
