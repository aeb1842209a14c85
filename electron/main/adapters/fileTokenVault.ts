import fs from 'node:fs';
import type { TokenVault } from '../ports';
import { readJsonFile, writeFileAtomic } from '../services/storage/atomicFile';
import { StoredSession } from '../services/auth/authService';

/**
 * The web host's token store: a file readable by its owner only (0600) in
 * the data folder. Plain JSON, not encrypted — there is no OS keychain to
 * lean on under plain Node; docs/ARCHITECTURE.md says so. Electron uses
 * safeStorage instead.
 */
export function createFileTokenVault(filePath: string): TokenVault<StoredSession> {
  return {
    async read() {
      const parsed = StoredSession.safeParse(readJsonFile(filePath));
      return parsed.success ? parsed.data : null;
    },
    async write(session) {
      writeFileAtomic(filePath, JSON.stringify(session), 0o600);
    },
    async clear() {
      fs.rmSync(filePath, { force: true });
    },
  };
}
