import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredSession } from '../../../../electron/main/services/auth/authService';
import { createEncryptedTokenVault, type SafeStoragePort } from '../../../../electron/main/services/storage/encryptedTokenVault';

/**
 * A stand-in for Electron's safeStorage with the same contract: ciphertext is
 * opaque bytes, and decrypting anything that is not exactly what encrypt
 * produced throws, as the real one does. It also records calls.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: string; reEncrypt?: boolean } = {}): SafeStoragePort & { encrypted: number } {
  const MAGIC = Buffer.from('v10');
  const fake = {
    encrypted: 0,
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    async encryptStringAsync(plainText: string) {
      fake.encrypted += 1;
      return Buffer.concat([MAGIC, Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0x5a)]);
    },
    async decryptStringAsync(encrypted: Buffer) {
      if (!encrypted.subarray(0, 3).equals(MAGIC)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: Buffer.from(encrypted.subarray(3).map((byte) => byte ^ 0x5a)).toString('utf8'), shouldReEncrypt: options.reEncrypt ?? false };
    },
  };
  return fake;
}

const session: StoredSession = {
  serverUrl: 'https://verdict.example',
  accessToken: 'access',
  accessExpiresAt: '2026-12-03T10:00:00.000Z',
  refreshToken: 'refresh',
  refreshExpiresAt: '2027-01-03T10:00:00.000Z',
  reauthRequired: false,
  account: {
    id: 'acc-1',
    email: 'r@verdict.example',
    displayName: 'Rater',
    role: 'rater',
    profile: { country: 'DE', ageBand: '25-34', education: 'master', languages: [{ tag: 'de', proficiency: 'native' }], specialties: [] },
  },
} as StoredSession;

function file(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-vault-')), 'session.bin');
}

describe('the encrypted token vault', () => {
  it('reads back, after a restart, what it wrote: the rater stays signed in', async () => {
    const target = file();
    const storage = fakeSafeStorage();
    await createEncryptedTokenVault(target, storage, 'darwin', () => undefined).write(session);
    const restarted = createEncryptedTokenVault(target, storage, 'darwin', () => undefined);
    expect(await restarted.read()).toEqual(session);
  });

  it('never writes the tokens in clear, and keeps the file private', async () => {
    const target = file();
    await createEncryptedTokenVault(target, fakeSafeStorage(), 'win32', () => undefined).write(session);
    const text = fs.readFileSync(target, 'utf8');
    expect(text).not.toContain('refresh');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });

  it('keeps the session in memory only where Linux has no keyring (basic_text)', async () => {
    const target = file();
    const warnings: string[] = [];
    const vault = createEncryptedTokenVault(target, fakeSafeStorage({ backend: 'basic_text' }), 'linux', (w) => warnings.push(w));
    await vault.write(session);
    expect(fs.existsSync(target)).toBe(false);
    expect(await vault.read()).toEqual(session);
    expect(warnings.join()).toMatch(/memory only/);
  });

  it('re-encrypts when the OS says its key changed', async () => {
    const target = file();
    const storage = fakeSafeStorage({ reEncrypt: true });
    await createEncryptedTokenVault(target, storage, 'darwin', () => undefined).write(session);
    await createEncryptedTokenVault(target, storage, 'darwin', () => undefined).read();
    expect(storage.encrypted).toBe(2);
  });

  it('answers "signed out" with a clear warning for a damaged file, never a crash', async () => {
    const target = file();
    fs.writeFileSync(target, 'not base64 ciphertext');
    const warnings: string[] = [];
    expect(await createEncryptedTokenVault(target, fakeSafeStorage(), 'darwin', (w) => warnings.push(w)).read()).toBeNull();
    expect(warnings.join()).toMatch(/sign in again/);
  });
});

describe('which server addresses may carry a password', () => {
  it('allows https anywhere and plain http only on this machine', async () => {
    const { isSecureOrLoopback } = await import('../../../../electron/main/services/auth/authService');
    expect(isSecureOrLoopback('https://verdict.example')).toBe(true);
    expect(isSecureOrLoopback('http://127.0.0.1:8787')).toBe(true);
    expect(isSecureOrLoopback('http://127.8.9.10')).toBe(true);
    expect(isSecureOrLoopback('http://localhost:3000')).toBe(true);
    expect(isSecureOrLoopback('http://[::1]:8787')).toBe(true);
    expect(isSecureOrLoopback('http://verdict.example')).toBe(false);
    expect(isSecureOrLoopback('http://192.168.1.20')).toBe(false);
    expect(isSecureOrLoopback('http://127.0.0.1.evil.example')).toBe(false);
  });
});
