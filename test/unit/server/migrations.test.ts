import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, schemaVersion } from '../../../server/db/migrations';
import { openDatabase, transaction } from '../../../server/db/open';

const dir = mkdtempSync(join(tmpdir(), 'verdict-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('database', () => {
  it('opens in WAL mode with synchronous=FULL and the latest schema, idempotently', async () => {
    const db = await openDatabase(dir);
    expect(await db.one('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.one('PRAGMA synchronous')).toEqual({ synchronous: 2 });
    expect(await schemaVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1]?.version);
    await db.close();
    const again = await openDatabase(dir);
    expect(await schemaVersion(again)).toBe(MIGRATIONS.length);
    await again.close();
  });

  it('refuses a database written by a newer server', async () => {
    const db = await openDatabase(dir);
    await db.exec('PRAGMA user_version = 999');
    await db.close();
    await expect(openDatabase(dir)).rejects.toThrow(/newer than this server knows/);
  });

  it('rolls a failed transaction back completely', async () => {
    const db = await openDatabase(mkdtempSync(join(dir, 'tx-')));
    await db.exec('CREATE TABLE t (x INTEGER UNIQUE)');
    await expect(
      transaction(db, async () => {
        await db.run('INSERT INTO t VALUES (1)');
        await db.run('INSERT INTO t VALUES (1)');
      }),
    ).rejects.toThrow();
    expect(await db.one('SELECT COUNT(*) AS n FROM t')).toEqual({ n: 0 });
    await db.close();
  });

  it('keeps queries from outside an open transaction out of it', async () => {
    const db = await openDatabase(mkdtempSync(join(dir, 'lock-')));
    await db.exec('CREATE TABLE t (x INTEGER)');
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    const failing = transaction(db, async () => {
      await db.run('INSERT INTO t VALUES (1)');
      inside();
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('roll back');
    });
    await opened;
    // Issued while the transaction is open: it must wait, not join the transaction and vanish with it.
    const outside = db.run('INSERT INTO t VALUES (2)');
    await expect(failing).rejects.toThrow('roll back');
    await outside;
    expect(await db.many('SELECT x FROM t')).toEqual([{ x: 2 }]);
    await db.close();
  });

  it('enforces one counted vote per rater and item in the schema itself', async () => {
    const db = await openDatabase(mkdtempSync(join(dir, 'uniq-')));
    const index = await db.one(`SELECT sql FROM sqlite_master WHERE name = 'votes_one_per_rater_item'`);
    expect(String(index?.sql)).toMatch(/UNIQUE INDEX .* ON votes\(account_id, task_id\) WHERE kind <> 'repeat'/);
    await db.close();
  });
});
