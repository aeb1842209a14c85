import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, schemaVersion } from '../../../server/db/migrations';
import { openDatabase, transaction } from '../../../server/db/open';

const dir = mkdtempSync(join(tmpdir(), 'verdict-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('database', () => {
  it('opens in WAL mode with synchronous=FULL and the latest schema, idempotently', () => {
    const db = openDatabase(dir);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(schemaVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1]?.version);
    db.close();
    const again = openDatabase(dir);
    expect(schemaVersion(again)).toBe(MIGRATIONS.length);
    again.close();
  });

  it('refuses a database written by a newer server', () => {
    const db = openDatabase(dir);
    db.exec('PRAGMA user_version = 999');
    db.close();
    expect(() => openDatabase(dir)).toThrow(/newer than this server knows/);
  });

  it('rolls a failed transaction back completely', () => {
    const db = openDatabase(mkdtempSync(join(dir, 'tx-')));
    db.exec('CREATE TABLE t (x INTEGER UNIQUE)');
    expect(() =>
      transaction(db, () => {
        db.prepare('INSERT INTO t VALUES (1)').run();
        db.prepare('INSERT INTO t VALUES (1)').run();
      }),
    ).toThrow();
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
    db.close();
  });

  it('enforces one counted vote per rater and item in the schema itself', () => {
    const db = openDatabase(mkdtempSync(join(dir, 'uniq-')));
    const index = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'votes_one_per_rater_item'`).get();
    expect(String(index?.sql)).toMatch(/UNIQUE INDEX .* ON votes\(account_id, task_id\) WHERE kind <> 'repeat'/);
    db.close();
  });
});
