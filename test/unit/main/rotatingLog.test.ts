import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRotatingLog, redact } from '../../../electron/main/services/logging/rotatingLog';

describe("main's log file", () => {
  it('never holds a token, a password, a secret URL or model text', () => {
    const line = redact(
      'POST /v1/auth/refresh {"refreshToken":"abcDEF123","password":"hunter2","content":"the model said \\"x\\"","rationale":"mine"} ' +
        'Authorization: Bearer eyJhbGciOi.payload.sig open http://127.0.0.1:5000/#secret=s3cr3t and ' +
        'token Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4',
    );
    for (const secret of ['abcDEF123', 'hunter2', 'the model said', 'mine', 'eyJhbGciOi', 's3cr3t', 'Zm9vYmFy']) expect(line).not.toContain(secret);
    expect(line).toContain('POST /v1/auth/refresh');
    expect(line).toContain('[redacted]');
  });

  it('rotates at its size limit and keeps only the newest files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-log-'));
    const log = createRotatingLog({ dir, maxBytes: 200, keep: 2, now: () => new Date('2026-12-03T08:00:00Z') });
    for (let i = 0; i < 40; i++) log.write('info', `event number ${i}`);
    expect(fs.readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const name of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, name)).size).toBeLessThanOrEqual(200);
    expect(fs.readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('event number 39');
  });

  it('keeps one event on one line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-log-'));
    const log = createRotatingLog({ dir });
    log.write('error', 'Error: boom\n    at a (x.ts:1)\n    at b (y.ts:2)');
    expect(fs.readFileSync(path.join(dir, 'main.log'), 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
