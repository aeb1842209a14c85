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
