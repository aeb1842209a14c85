import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../../support/processes';
import { demoAccount, signIn, voteByKey } from './support';

/**
 * Tokens never reach the renderer: after a real sign-in and a vote, neither
 * the access nor the refresh token (read from main's token store) appears
 * anywhere in the page's JavaScript heap, its storage or its DOM, nor in the
 * web host's own output (its log).
 */
let processes: RunningProcess[] = [];

test.afterEach(async () => {
  await Promise.all(processes.map((process) => process.stop('SIGKILL')));
  processes = [];
});

test('the signed-in session’s tokens are nowhere in the renderer’s memory, storage or DOM', async ({ page }) => {
  const port = await freePort();
  const serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-tokens-server-'));
  const clientData = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-tokens-client-'));
  const backendUrl = `http://127.0.0.1:${port}`;
  processes.push(await startServerProcess(port, serverData, ['--demo', '--min-active-ms', '0', '--gold-share', '0', '--repeat-share', '0']));
  const host = await startWebHostProcess(backendUrl, clientData);
  processes.push(host);
  await page.goto(host.match[1] as string);
  const rater = demoAccount(serverData, 'rater1');
  await signIn(page, backendUrl, rater.email, rater.password);
  await expect(page.getByTestId('task')).toBeVisible();
  await voteByKey(page, 'Digit1');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 20_000 });

  const stored = JSON.parse(fs.readFileSync(path.join(clientData, 'session.json'), 'utf8')) as { accessToken: string; refreshToken: string };
  const secrets = [stored.accessToken, stored.refreshToken];
  expect(secrets.every((secret) => typeof secret === 'string' && secret.length >= 20), 'main holds both tokens').toBe(true);

  // The whole JavaScript heap of the page, as a heap snapshot (every string in it).
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => void chunks.push(chunk));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const heap = chunks.join('');
  expect(heap.length).toBeGreaterThan(1_000_000);
  // A control: the snapshot does hold what the page knows (the rater's email is on screen in Settings).
  await page.getByTestId('nav-settings').click();
  const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie, dom: document.documentElement.outerHTML }));
  for (const secret of secrets) {
    expect(heap.includes(secret), 'token in the renderer heap').toBe(false);
    expect(storage.includes(secret), 'token in storage or DOM').toBe(false);
    expect(host.output().includes(secret), 'token in the web host log').toBe(false);
  }
  expect(heap.includes(rater.email) || storage.includes(rater.email), 'control: what the renderer does hold is found').toBe(true);
});
