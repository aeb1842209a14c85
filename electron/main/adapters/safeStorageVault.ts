import { safeStorage } from 'electron';
import type { TokenVault } from '../ports';
import type { StoredSession } from '../services/auth/authService';
import { createEncryptedTokenVault } from '../services/storage/encryptedTokenVault';

/** Tokens encrypted with the OS keychain through Electron's safeStorage (logic and tests: encryptedTokenVault.ts). */
export function createSafeStorageVault(filePath: string, warn: (message: string) => void): TokenVault<StoredSession> {
  return createEncryptedTokenVault(filePath, safeStorage, process.platform, warn);
}
