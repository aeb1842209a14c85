import type { PostgresStore } from './postgres';
import { POSTGRES_MIGRATIONS } from './postgres-schema';

/** Any constant: the advisory lock every Verdict process takes to migrate. */
const MIGRATION_LOCK = 0x5e7d1c7;

/**
 * Brings the schema up to date exactly once, however many processes start
 * together: each takes a transaction-scoped advisory lock first, so the
 * others wait, then find the work done. DDL is transactional in PostgreSQL,
 * so a crash mid-migration leaves the previous version whole.
 */
export async function migratePostgres(store: PostgresStore): Promise<number> {
  return store.transaction(async () => {
    await store.one('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    await store.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const row = await store.one<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = row?.v ?? 0;
    const latest = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1]?.version ?? 0;
    if (current > latest) {
      throw new Error(
        `database schema version ${current} is newer than this server knows (${latest}); upgrade the server`,
      );
    }
    for (const migration of POSTGRES_MIGRATIONS) {
      if (migration.version <= current) continue;
      await store.exec(migration.sql);
      await migration.then?.(store);
      await store.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
    }
    return latest;
  });
}
