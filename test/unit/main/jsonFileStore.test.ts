import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonFileStore } from '../../../electron/main/adapters/jsonFileStore';
import { createPreferencesService } from '../../../electron/main/services/preferences';

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-prefs-')), 'nested', 'preferences.json');
}

describe('preferences on disk (web host)', () => {
  it('keeps a value across reopening the file', () => {
    const file = tempFile();
    createJsonFileStore(file).set('language', 'ar');
    expect(createJsonFileStore(file).get('language')).toBe('ar');
  });

  it('creates the file readable by its owner only', () => {
    const file = tempFile();
    createJsonFileStore(file).set('language', 'en');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('sets a corrupt file aside and starts empty instead of crashing', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"language": "ar"');
    const store = createJsonFileStore(file);
    expect(store.get('language')).toBeUndefined();
    expect(fs.readdirSync(path.dirname(file)).some((name) => name.includes('.corrupt-'))).toBe(true);
  });

  it('reads an invalid stored language as unset', () => {
    const file = tempFile();
    createJsonFileStore(file).set('language', 12);
    expect(createPreferencesService(createJsonFileStore(file)).read().language).toBeNull();
  });

  it('refuses to store a language that is not a BCP 47 tag', () => {
    const preferences = createPreferencesService(createJsonFileStore(tempFile()));
    expect(() => preferences.setLanguage('../../etc')).toThrow();
    expect(preferences.read().language).toBeNull();
  });
});
