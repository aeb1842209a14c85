import fs from 'node:fs';
import path from 'node:path';

/**
 * Small state files (preferences, the task cache, the web host's token file)
 * are replaced whole: write a temp file, fsync it, rename it over the old one,
 * fsync the folder. A crash leaves the old or the new version, never a mix.
 */
export function writeFileAtomic(filePath: string, text: string, mode = 0o600): void {
  const dir = path.dirname(filePath);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = `${filePath}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', mode);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, filePath);
  const dirFd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}

/**
 * Reads a JSON file; a missing file is `undefined`, and a file that does not
 * parse is renamed aside (kept for inspection) and also reads as `undefined`.
 */
export function readJsonFile(filePath: string, onCorrupt: (message: string) => void = console.warn): unknown {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const aside = `${filePath}.corrupt-${Date.now()}`;
    fs.renameSync(filePath, aside);
    onCorrupt(`${filePath} was not valid JSON (${(error as Error).message}); moved to ${aside}`);
    return undefined;
  }
}
