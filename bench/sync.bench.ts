import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { castVotes, startTestClient, type TestClient } from '../test/support/client';
import { startFaultProxy, type FaultProxy } from '../test/support/faultProxy';
import { freePort } from '../test/support/httpServer';
import { startTsProcess, type RunningProcess } from '../scripts/lib/processes';

/**
 * `npm run bench:sync`: 10,000 votes cast while the server is down, then the
 * server comes up: time until nothing is pending, and the client host's peak
 * memory. Then the same through the seeded fault proxy at 10% and 30% fault
 * rates. The client runs with the settings raters get — default backoff,
 * request timeout and undo grace — and nothing kicks it when the server
 * returns: the health monitor has to notice, as it would for a rater.
 */
const VOTES = Number(process.env.BENCH_SYNC_VOTES ?? 10_000);

function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `verdict-bench-sync-${name}-`));
}

function startBenchServer(dataDir: string, port: number): Promise<RunningProcess> {
  return startTsProcess('bench/support/benchServer.ts', [dataDir, String(port), String(VOTES + 100)], /listening on (http:\/\/\S+)/, { timeoutMs: 300_000 });
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function run(label: string, faultRate: number, target: string): Promise<void> {
  const serverData = tempDir('server');
  const port = await freePort();
  let server = await startBenchServer(serverData, port);
  const rater = JSON.parse(fs.readFileSync(path.join(serverData, 'bench-rater.json'), 'utf8')) as { email: string; password: string };
  let proxy: FaultProxy | null = null;
  const serverUrl = `http://127.0.0.1:${port}`;
  if (faultRate > 0) proxy = await startFaultProxy({ target: serverUrl, seed: 2026, rate: 0, slowDripMs: 100 });
  const url = proxy?.url ?? serverUrl;
  // leaseTarget is raised only so that 10,000 tasks can be voted on offline; everything else is the default.
  const client: TestClient = await startTestClient(url, { syncOptions: { leaseTarget: VOTES } });
  await client.call('auth.signIn', { serverUrl: url, ...rater });
  const leaseStart = performance.now();
  while ((await client.call('session.getState')).remaining < VOTES) await new Promise((resolve) => setTimeout(resolve, 100));
  const leaseSeconds = (performance.now() - leaseStart) / 1000;

  await server.stop();
  const castStart = performance.now();
  await castVotes(client, VOTES);
  const castSeconds = (performance.now() - castStart) / 1000;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

  proxy?.setRate(faultRate);
  server = await startBenchServer(serverData, port);
  const start = performance.now();
  await until(() => client.services.journal.pendingCount() === 0, 600_000);
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const accepted = client.services.journal.all().filter((entry) => entry.state === 'accepted').length;
  console.log(
    `${label}: ${VOTES} offline votes delivered in ${seconds.toFixed(2)} s after the server came up (target ${target}); ` +
      `${accepted} accepted; host peak RSS ${(peakRss / 1e6).toFixed(0)} MB` +
      (proxy ? `; faults injected ${JSON.stringify(proxy.counts)}` : '') +
      ` [leasing ${VOTES} took ${leaseSeconds.toFixed(1)} s, casting ${castSeconds.toFixed(1)} s]`,
  );
  client.services.stop();
  await proxy?.close();
  await server.stop();
}

await run('direct', 0, '< 10 s');
await run('through the fault proxy at 10%', 0.1, '< 10 s');
await run('through the fault proxy at 30%', 0.3, '< 30 s');
