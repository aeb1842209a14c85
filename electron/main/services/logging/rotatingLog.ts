import fs from 'node:fs';
import path from 'node:path';

/**
 * Main's log file, for a rater to open from Help and send to support: one
 * line per event, rotated at `maxBytes` (main.log → main.1.log → … keeping
 * `keep` old files), and redacted before it touches the disk — no bearer or
 * refresh token, no password, no model response text, no rationale. Written
 * synchronously: a line must survive the crash it describes.
 */
export interface RotatingLogOptions {
  dir: string;
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
}

export interface RotatingLog {
  write(level: 'info' | 'warn' | 'error', message: string): void;
  /** The folder Help → "Open log folder" shows. */
  dir: string;
}

const SECRET_FIELDS = /("(?:accessToken|refreshToken|password|ticket|token|content|rationale|secret)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/-]+=*/g;
const URL_SECRET = /([?#&](?:secret|token|access_token)=)[^&\s#]+/gi;
const LONG_OPAQUE = /\b[A-Za-z0-9_-]{40,}\b/g;

/** Removes credentials and model text from a log line (also used on crash reports). */
export function redact(message: string): string {
  return message
    .replace(SECRET_FIELDS, '$1"[redacted]"')
    .replace(BEARER, '$1 [redacted]')
    .replace(URL_SECRET, '$1[redacted]')
    .replace(LONG_OPAQUE, '[redacted]');
}

export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());
  const file = path.join(options.dir, 'main.log');
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });

  function rotate(): void {
    for (let index = keep - 1; index >= 1; index--) {
      const from = path.join(options.dir, `main.${index}.log`);
      if (fs.existsSync(from)) fs.renameSync(from, path.join(options.dir, `main.${index + 1}.log`));
    }
    fs.renameSync(file, path.join(options.dir, 'main.1.log'));
    fs.rmSync(path.join(options.dir, `main.${keep + 1}.log`), { force: true });
  }

  return {
    dir: options.dir,
    write(level, message) {
      const line = `${now().toISOString()} ${level.toUpperCase()} ${redact(message).replace(/\r?\n/g, ' ⏎ ')}\n`;
      try {
        if (fs.existsSync(file) && fs.statSync(file).size + Buffer.byteLength(line) > maxBytes) rotate();
        fs.appendFileSync(file, line, { mode: 0o600 });
      } catch {
        // Logging must never take the app down; the line is lost, nothing else.
      }
    },
  };
}
