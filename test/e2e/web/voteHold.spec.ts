import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../../support/processes';
import { demoAccount, signIn } from './support';

/**
 * A vote the app accepts is one the server will accept: with the server's
 * default minimum of 3 s on task (published in /v1/health), the vote buttons
 * hold with a countdown, a key pressed too early does nothing but nudge it,
 * and the vote cast after it is accepted, not rejected later as "too fast".
 */
let processes: RunningProcess[] = [];

test.afterEach(async () => {
  await Promise.all(processes.map((process) => process.stop('SIGKILL')));
  processes = [];
});

test('votes wait for the minimum time on task, with a visible countdown, and are then accepted', async ({ page }) => {
  const port = await freePort();
  const serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-hold-server-'));
  const backendUrl = `http://127.0.0.1:${port}`;
  processes.push(await startServerProcess(port, serverData, ['--demo', '--gold-share', '0', '--repeat-share', '0']));
  const host = await startWebHostProcess(backendUrl, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-hold-client-')));
  processes.push(host);
  await page.goto(host.match[1] as string);
  const rater = demoAccount(serverData, 'rater1');
  await signIn(page, backendUrl, rater.email, rater.password);
  const task = page.getByTestId('task');
  await expect(task).toBeVisible();
  const first = await task.getAttribute('data-task-id');

  await page.keyboard.press('Digit1');
  await expect(page.getByTestId('vote-hold')).toHaveText(/you can vote in [1-4] seconds?/);
  await expect(page.getByTestId('choose-first')).toHaveAttribute('aria-disabled', 'true');
  expect(await task.getAttribute('data-task-id')).toBe(first);

  await expect(page.getByTestId('vote-hold')).toBeHidden({ timeout: 10_000 });
  await page.keyboard.press('Digit1');
  await expect(task).not.toHaveAttribute('data-task-id', first ?? '');
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-pending', '0', { timeout: 20_000 });
  await expect(page.getByTestId('rejected-count')).toHaveCount(0);
  // The next task holds again.
  await expect(page.getByTestId('vote-hold')).toBeVisible();
});
