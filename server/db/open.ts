import { DatabaseSync } from 'node:sqlite';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { migratePostgres } from '../store/postgres-migrate';
import { PostgresStore } from '../store/postgres';
import { SqliteStore } from '../store/sqlite';
import type { Store } from '../store/types';
import { migrate } from './migrations';

/** The server's storage: SQLite or PostgreSQL behind one interface (server/store/). */
export type Db = Store;

export const DB_FILE = 'verdict.sqlite';

/**
 * Opens (creating if needed) the SQLite database in dataDir and brings its
 * schema up to date. WAL lets readers (admin CLI, exports) run beside the
 * server; synchronous=FULL makes every COMMIT durable before we acknowledge a
 * vote, which is what "an acknowledged vote survives kill -9 and power loss" rests on.
 */
export async function openDatabase(dataDir: string): Promise<SqliteStore> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, DB_FILE);
  // Create the file private (password hashes, rationales); SQLite gives -wal/-shm the same mode.
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  const connection = new DatabaseSync(path);
  connection.exec('PRAGMA journal_mode = WAL');
  connection.exec('PRAGMA synchronous = FULL');
  connection.exec('PRAGMA foreign_keys = ON');
  connection.exec('PRAGMA busy_timeout = 5000');
  const store = new SqliteStore(connection);
  try {
    await migrate(store);
  } catch (error) {
    connection.close();
    throw error;
  }
  return store;
}

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string;
  poolSize?: number;
  statementTimeoutMs?: number;
}

/**
 * The server's store: PostgreSQL when a database URL is given (migrated once,
 * under an advisory lock, however many processes start together), otherwise
 * the SQLite file in dataDir.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (!options.databaseUrl) return openDatabase(options.dataDir);
  const store = PostgresStore.connect({
    url: options.databaseUrl,
    poolSize: options.poolSize ?? 10,
    statementTimeoutMs: options.statementTimeoutMs ?? 30_000,
  });
  try {
    await migratePostgres(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** Runs fn in one transaction of db; every query fn makes through db joins it (see Store.transaction). */
export function transaction<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
