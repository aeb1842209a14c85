import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VoteJournal } from '../../electron/main/services/journal/voteJournal';
import { startDemoBackend, type DemoBackend } from '../support/backend';
import { seededRandom } from '../support/faultProxy';
import { repoRoot } from '../support/processes';
import { votesOf } from '../support/serverDb';

const TRIALS = Number(process.env.SYNC_KILL_TRIALS ?? 20);
const TOTAL_VOTES = 600;
const SEED = Number(process.env.SYNC_KILL_SEED ?? 7);

let backend: DemoBackend;
beforeAll(async () => {
  backend = await startDemoBackend({ maxOpenLeasesPerRater: 5_000, raterLimit: { burst: 100_000, perSecond: 100_000 } });
}, 60_000);
afterAll(async () => backend.server.close());

/** Runs the client until it prints "synced" or, `killAfterMs` after it is ready, a SIGKILL; returns the vote ids it reported as cast. */
function runClient(dataDir: string, killAfterMs: number | null): Promise<{ cast: string[]; synced: boolean }> {
  const { email, password } = backend.password('rater2');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/syncClientProcess.ts', backend.server.url, dataDir, email, password, String(TOTAL_VOTES), '15'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const cast: string[] = [];
  let synced = false;
  let stderr = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  child.stdout.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.startsWith('cast ')) cast.push(line.slice(5));
      if (line === 'synced') synced = true;
      if (line === 'ready' && killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`client exited ${code}: ${stderr}`));
      else resolve({ cast, synced });
    });
  });
}

describe('sync under kill -9 of the client', () => {
  it(`loses nothing and counts nothing twice over ${TRIALS} random kills (seed ${SEED})`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-sync-kill-'));
    const random = seededRandom(SEED);
    const acknowledged: string[] = [];
    let killedWhileVoting = 0;
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const { cast } = await runClient(dataDir, 100 + Math.floor(random() * 900));
      acknowledged.push(...cast);
      if (cast.length > 0) killedWhileVoting += 1;
    }
    // The kills must land while votes are being cast and pushed, not only during start-up.
    expect(killedWhileVoting).toBeGreaterThanOrEqual(Math.ceil(TRIALS / 2));
    const final = await runClient(dataDir, null);
    acknowledged.push(...final.cast);
    expect(final.synced).toBe(true);

    const { journal } = VoteJournal.open(path.join(dataDir, 'journal'));
    const journaled = journal.all();
    journal.close();
    const stored = votesOf(backend.dataDir, backend.password('rater2').email);
    const storedIds = stored.map((vote) => vote.id);
    const context = `seed ${SEED}, ${acknowledged.length} acknowledged, ${journaled.length} journaled, ${stored.length} stored`;
    expect(new Set(storedIds).size, context).toBe(storedIds.length);
    expect(new Set(storedIds), context).toEqual(new Set(journaled.map((entry) => entry.vote.id)));
    for (const id of acknowledged) expect(storedIds, context).toContain(id);
    expect(journaled.every((entry) => entry.state === 'accepted'), context).toBe(true);
    expect(stored.map((vote) => vote.seq), context).toEqual(stored.map((_, index) => index + 1));
  }, 300_000);
});
