import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Store } from './store/types';

/**
 * HMAC keys by purpose. The first key of each ring signs; every key in it
 * verifies. Keys are KeyObjects made once: building one per HMAC from a
 * Buffer cost more than the HMAC itself on the push path.
 */
export interface KeyRing {
  current: { kid: string; key: KeyObject };
  byKid: Map<string, KeyObject>;
}

export interface Secrets {
  token: KeyRing;
  ticket: KeyRing;
}

interface StoredKey {
  kid: string;
  key: string;
  createdAt: string;
}

interface SecretsFile {
  version: 1;
  token: StoredKey[];
  ticket: StoredKey[];
}

export const SECRETS_FILE = 'secrets.json';

function newKey(): StoredKey {
  return {
    kid: randomBytes(6).toString('base64url'),
    key: randomBytes(32).toString('base64'),
    createdAt: new Date().toISOString(),
  };
}

function toRing(keys: StoredKey[]): KeyRing {
  const first = keys[0];
  if (!first) throw new Error('secrets file has an empty key ring');
  const byKid = new Map(keys.map((k) => [k.kid, createSecretKey(Buffer.from(k.key, 'base64'))]));
  return { current: { kid: first.kid, key: byKid.get(first.kid) as KeyObject }, byKid };
}

/** Atomic replace: a crash leaves either the old file or the new one, never half of one. */
function writeSecretsFile(path: string, file: SecretsFile): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  chmodSync(path, 0o600);
}

function readSecretsFile(path: string): SecretsFile {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as SecretsFile;
  if (parsed.version !== 1 || !Array.isArray(parsed.token) || !Array.isArray(parsed.ticket)) {
    throw new Error(`${path} is not a Verdict secrets file`);
  }
  return parsed;
}

/** Generated on first start; afterwards only the admin CLI changes them. */
export function loadOrCreateSecrets(dataDir: string): Secrets {
  const path = join(dataDir, SECRETS_FILE);
  if (!existsSync(path)) writeSecretsFile(path, { version: 1, token: [newKey()], ticket: [newKey()] });
  // Keys must stay private to the server's user even if someone loosened the mode.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const file = readSecretsFile(path);
  return { token: toRing(file.token), ticket: toRing(file.ticket) };
}

/**
 * Puts a fresh key in front of each ring. The previous key is kept for
 * verification so that outstanding tickets stay valid (a lease is never
 * revoked) unless dropPrevious is set, which ends every session and lease.
 * A running server picks the new keys up on restart.
 */
export function rotateSecrets(dataDir: string, options: { dropPrevious: boolean }): { token: string; ticket: string } {
  const path = join(dataDir, SECRETS_FILE);
  loadOrCreateSecrets(dataDir);
  const file = readSecretsFile(path);
  const keep = options.dropPrevious ? 0 : 1;
  const token = [newKey(), ...file.token.slice(0, keep)];
  const ticket = [newKey(), ...file.ticket.slice(0, keep)];
  writeSecretsFile(path, { version: 1, token, ticket });
  return { token: (token[0] as StoredKey).kid, ticket: (ticket[0] as StoredKey).kid };
}

interface SecretRow {
  purpose: 'token' | 'ticket';
  kid: string;
  key: string;
  created_at: string;
}

function ringsFrom(rows: SecretRow[]): Secrets {
  const of = (purpose: SecretRow['purpose']) =>
    rows
      .filter((row) => row.purpose === purpose)
      .map((row) => ({ kid: row.kid, key: row.key, createdAt: row.created_at }));
  return { token: toRing(of('token')), ticket: toRing(of('ticket')) };
}

const SELECT_SECRETS = 'SELECT purpose, kid, key, created_at FROM secrets ORDER BY purpose, position';

/**
 * The key rings of a database shared by several processes (PostgreSQL): in
 * the database, so every process signs and verifies with the same keys. The
 * first process to start creates them; ON CONFLICT lets processes that start
 * together agree on whichever keys were written first.
 */
export async function loadOrCreateSharedSecrets(db: Store): Promise<Secrets> {
  return db.transaction(async () => {
    for (const purpose of ['token', 'ticket'] as const) {
      const key = newKey();
      await db.run(
        'INSERT INTO secrets (purpose, position, kid, key, created_at) VALUES (?, 0, ?, ?, ?) ON CONFLICT DO NOTHING',
        [purpose, key.kid, key.key, key.createdAt],
      );
    }
    return ringsFrom(await db.many<SecretRow>(SELECT_SECRETS));
  });
}

/** rotateSecrets for the shared key rings; running servers pick the new keys up on restart. */
export async function rotateSharedSecrets(
  db: Store,
  options: { dropPrevious: boolean },
): Promise<{ token: string; ticket: string }> {
  await loadOrCreateSharedSecrets(db);
  return db.transaction(async () => {
    const kids = { token: '', ticket: '' };
    for (const purpose of ['token', 'ticket'] as const) {
      const current = await db.one<SecretRow>(
        'SELECT purpose, kid, key, created_at FROM secrets WHERE purpose = ? AND position = 0',
        [purpose],
      );
      const fresh = newKey();
      await db.run('DELETE FROM secrets WHERE purpose = ?', [purpose]);
      const ring = [
        fresh,
        ...(options.dropPrevious || !current
          ? []
          : [{ kid: current.kid, key: current.key, createdAt: current.created_at }]),
      ];
      for (const [position, key] of ring.entries()) {
        await db.run('INSERT INTO secrets (purpose, position, kid, key, created_at) VALUES (?, ?, ?, ?, ?)', [
          purpose,
          position,
          key.kid,
          key.key,
          key.createdAt,
        ]);
      }
      kids[purpose] = fresh.kid;
    }
    return kids;
  });
}

/** Where this store keeps its keys: SQLite beside its file in the data dir, PostgreSQL in the database. */
export function loadSecretsFor(db: Store, dataDir: string): Promise<Secrets> {
  return db.dialect === 'postgres' ? loadOrCreateSharedSecrets(db) : Promise.resolve(loadOrCreateSecrets(dataDir));
}

export function rotateSecretsFor(
  db: Store,
  dataDir: string,
  options: { dropPrevious: boolean },
): Promise<{ token: string; ticket: string }> {
  return db.dialect === 'postgres'
    ? rotateSharedSecrets(db, options)
    : Promise.resolve(rotateSecrets(dataDir, options));
}
