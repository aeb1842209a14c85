import fs from 'node:fs';
import type { TokenVault } from '../../ports';
import { StoredSession } from '../auth/authService';
import { writeFileAtomic } from './atomicFile';

/** The part of Electron's safeStorage the vault uses (async API; the sync one is deprecated in Electron 45). */
export interface SafeStoragePort {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  /** Linux only: 'basic_text' means a hard-coded key, which protects nothing. */
  getSelectedStorageBackend(): string;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

/**
 * The signed-in session's tokens, encrypted with the OS keychain. The file
 * holds the ciphertext as base64 text (so it survives any editor or copy
 * that mangles binary); read decodes it before decrypting — the two halves
 * must match, or the rater is signed out on every restart. On Linux without
 * a keyring the tokens stay in memory only and the rater signs in again
 * after a restart.
 */
export function createEncryptedTokenVault(
  filePath: string,
  storage: SafeStoragePort,
  platform: NodeJS.Platform,
  warn: (message: string) => void,
): TokenVault<StoredSession> {
  let memoryOnly: StoredSession | null = null;

  async function encryptionUsable(): Promise<boolean> {
    if (!(await storage.isAsyncEncryptionAvailable())) return false;
    return platform !== 'linux' || storage.getSelectedStorageBackend() !== 'basic_text';
  }

  return {
    async read() {
      if (memoryOnly) return memoryOnly;
      if (!fs.existsSync(filePath) || !(await encryptionUsable())) return null;
      try {
        const encrypted = Buffer.from(fs.readFileSync(filePath, 'utf8').trim(), 'base64');
        const { result, shouldReEncrypt } = await storage.decryptStringAsync(encrypted);
        const parsed = StoredSession.safeParse(JSON.parse(result));
        if (!parsed.success) return null;
        // The OS rotated its key: store under the new one, so the next restart still reads it.
        if (shouldReEncrypt) await write(parsed.data);
        return parsed.data;
      } catch (error) {
        warn(`token vault: could not decrypt stored session (${(error as Error).message}); sign in again`);
        return null;
      }
    },
    write,
    async clear() {
      memoryOnly = null;
      fs.rmSync(filePath, { force: true });
    },
  };

  async function write(session: StoredSession): Promise<void> {
    if (!(await encryptionUsable())) {
      warn('token vault: no OS keychain available; keeping the session in memory only');
      memoryOnly = session;
      return;
    }
    const encrypted = await storage.encryptStringAsync(JSON.stringify(session));
    writeFileAtomic(filePath, encrypted.toString('base64'), 0o600);
  }
}
