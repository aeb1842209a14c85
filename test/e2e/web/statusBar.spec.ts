import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../../support/processes';
import { demoAccount, signIn, voteByKey } from './support';

/**
 * Status a rater can trust: connection and sync state sit in the top bar,
 * in view on a long task; past events read in the past tense; one word for
 * one state, consistent with the count of waiting votes.
 */
let processes: RunningProcess[] = [];

test.afterEach(async () => {
  await Promise.all(processes.map((process) => process.stop('SIGKILL')));
  processes = [];
});

function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `verdict-e2e-status-${name}-`));
}

test('a dead server shows in the top bar while the rater is scrolled down a long task, in truthful words', async ({ page }) => {
  const port = await freePort();
  const serverData = tempDir('server');
  const backendUrl = `http://127.0.0.1:${port}`;
  const server = await startServerProcess(port, serverData, ['--demo', '--min-active-ms', '0', '--gold-share', '0', '--repeat-share', '0']);
  processes.push(server);
  const host = await startWebHostProcess(backendUrl, tempDir('client'));
  processes.push(host);
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(host.match[1] as string);
  const rater = demoAccount(serverData, 'rater1');
  await signIn(page, backendUrl, rater.email, rater.password);
  await expect(page.getByTestId('task')).toBeVisible();
  await voteByKey(page, 'Digit1');
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-pending', '0', { timeout: 20_000 });
  await expect(page.getByTestId('sync-word')).toHaveText('Synced');
  // The last sync happened in the past, and says so (it read "in 9 seconds").
  await expect(status).toContainText(/Last sync (now|\d+ seconds? ago)/);

  await server.stop('SIGKILL');
  await voteByKey(page, 'Digit2');
  // Reading on, far down the next task.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  const nav = page.getByRole('navigation');
  await expect(page.getByTestId('backend-health')).toHaveText('Offline', { timeout: 10_000 });
  const box = await page.getByTestId('backend-health').boundingBox();
  expect(box && box.y >= 0 && box.y + box.height <= 600, 'the connection state is on screen').toBe(true);
  await expect(page.getByTestId('pending-count')).toHaveText('1 vote waiting');
  // One word per state: no "Synced" beside a waiting vote, no second "Offline".
  await expect(nav).not.toContainText('Synced');
  expect((await nav.innerText()).match(/Offline/g)?.length).toBe(1);
  fs.mkdirSync(path.join('test-results', 'status'), { recursive: true });
  await page.screenshot({ path: path.join('test-results', 'status', 'top-bar-offline.png') });
});
