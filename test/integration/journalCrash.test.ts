import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VoteJournal } from '../../electron/main/services/journal/voteJournal';
import { repoRoot } from '../support/processes';

const TRIALS = 6;

/** Runs the writer, SIGKILLs it after a random number of acknowledged votes, returns what it acknowledged. */
async function runAndKill(dir: string, killAfter: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/journalWriter.ts', dir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const saved: string[] = [];
  let buffer = '';
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('saved ')) saved.push(line.slice(6));
      if (saved.length >= killAfter && child.exitCode === null) child.kill('SIGKILL');
    });
    child.once('exit', () => resolve());
  });
  return saved;
}

describe('the journal under kill -9', () => {
  it(`never loses a vote it acknowledged, over ${TRIALS} random kills`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-crash-'));
    const acknowledged: string[] = [];
    let seed = 20261127;
    for (let trial = 0; trial < TRIALS; trial += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      acknowledged.push(...(await runAndKill(dir, 20 + (seed % 400))));
      const { journal, report } = VoteJournal.open(dir);
      const ids = new Set(journal.all().map((entry) => entry.vote.id));
      const missing = acknowledged.filter((id) => !ids.has(id));
      expect(missing, `trial ${trial}, seed ${seed}: ${report.warnings.join('; ')}`).toEqual([]);
      expect(report.quarantined).toBe(0);
      const seqs = journal.all().flatMap((entry) => (entry.seq === null ? [] : [entry.seq])).sort((a, b) => a - b);
      expect(seqs, 'seqs stay gap-free').toEqual(seqs.map((_, index) => index + 1));
      journal.close();
    }
  });
});
