import { safeStorage } from 'electron';
import fs from 'node:fs';
import type { TokenVault } from '../ports';
import { writeFileAtomic } from '../services/storage/atomicFile';
import { StoredSession } from '../services/auth/authService';

/**
 * Tokens encrypted with the OS keychain through safeStorage's async API (the
 * sync one is deprecated in Electron 45). On Linux without a keyring,
 * safeStorage falls back to a hard-coded key ('basic_text'); that protects
 * nothing, so then the tokens stay in memory only and the rater signs in
 * again after a restart.
 */
export function createSafeStorageVault(filePath: string, warn: (message: string) => void): TokenVault<StoredSession> {
  let memoryOnly: StoredSession | null = null;

  async function encryptionUsable(): Promise<boolean> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }

  return {
    async read() {
      if (memoryOnly) return memoryOnly;
      if (!fs.existsSync(filePath) || !(await encryptionUsable())) return null;
      try {
        const { result } = await safeStorage.decryptStringAsync(fs.readFileSync(filePath));
        const parsed = StoredSession.safeParse(JSON.parse(result));
        return parsed.success ? parsed.data : null;
      } catch (error) {
        warn(`token vault: could not decrypt stored session (${(error as Error).message}); sign in again`);
        return null;
      }
    },
    async write(session) {
      if (!(await encryptionUsable())) {
        warn('token vault: no OS keychain available; keeping the session in memory only');
        memoryOnly = session;
        return;
      }
      const encrypted = await safeStorage.encryptStringAsync(JSON.stringify(session));
      writeFileAtomic(filePath, encrypted.toString('base64'), 0o600);
    },
    async clear() {
      memoryOnly = null;
      fs.rmSync(filePath, { force: true });
    },
  };
}
