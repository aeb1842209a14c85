import fs from 'node:fs';
import path from 'node:path';
import type { KeyValueStore } from '../ports';

/**
 * Preferences as one small JSON file, for the web host where electron-store
 * cannot load (it imports electron). Writes go to a temp file that is fsync'd
 * and renamed over the old one, so a crash leaves either version, never half.
 * A file that does not parse is set aside and treated as empty.
 */
export function createJsonFileStore(filePath: string): KeyValueStore {
  let data = load(filePath);
  return {
    get: (key) => data[key],
    set(key, value) {
      data = { ...data, [key]: value };
      writeAtomically(filePath, JSON.stringify(data, null, 2));
    },
  };
}

function load(filePath: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through: keep the unreadable file for inspection, start empty
  }
  fs.renameSync(filePath, `${filePath}.corrupt-${Date.now()}`);
  return {};
}

function writeAtomically(filePath: string, text: string): void {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const temp = `${filePath}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, filePath);
}
