import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../server/app';
import type { ServerOptions } from '../../server/config';

export interface DemoBackend {
  server: RunningServer;
  dataDir: string;
  password(key: 'rater1' | 'rater2' | 'supervisor' | 'admin'): { email: string; password: string };
}

/**
 * The real reference server, in-process on 127.0.0.1, seeded with the demo
 * data. Tests vote within milliseconds of leasing, so the minimum time on task
 * is off unless a test sets it.
 */
export async function startDemoBackend(options: Partial<ServerOptions> = {}): Promise<DemoBackend> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-backend-'));
  const server = await startServer({ minActiveMs: 0, ...options, dataDir, demo: true, port: options.port ?? 0 });
  const accounts = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as {
    accounts: Array<{ key: string; email: string; password: string }>;
  };
  return {
    server,
    dataDir,
    password(key) {
      const account = accounts.accounts.find((candidate) => candidate.key === key);
      if (!account) throw new Error(`no demo account ${key}`);
      return { email: account.email, password: account.password };
    },
  };
}
