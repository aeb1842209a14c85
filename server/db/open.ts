import { DatabaseSync } from 'node:sqlite';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations';

export type Db = DatabaseSync;

export const DB_FILE = 'verdict.sqlite';

/**
 * Opens (creating if needed) the database in dataDir and brings its schema up
 * to date. WAL lets readers (admin CLI, exports) run beside the server;
 * synchronous=FULL makes every COMMIT durable before we acknowledge a vote,
 * which is what "an acknowledged vote survives kill -9 and power loss" rests on.
 */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, DB_FILE);
  // Create the file private (password hashes, rationales); SQLite gives -wal/-shm the same mode.
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Runs fn inside BEGIN IMMEDIATE … COMMIT. IMMEDIATE takes the write lock up
 * front, so two writers (server and admin CLI) queue on busy_timeout instead
 * of failing halfway through with SQLITE_BUSY on lock upgrade.
 */
export function transaction<T>(db: Db, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
