import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startTsProcess, type RunningProcess } from '../../../scripts/lib/processes';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess } from '../../support/processes';
import { demoAccount, signIn, voteByKey } from './support';

/**
 * `npm start` twice, as a rater would: the bundled demo backend comes back on
 * the address it had, so the app is still signed in and votes still flow; and
 * if that port is taken, the backend moves and the app follows it. Runs the
 * real scripts/start.ts (the built app, the demo backend, the web host, since
 * no Electron binary exists here) against a throwaway data folder.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-npmstart-'));
let app: RunningProcess | null = null;

async function npmStart(): Promise<{ url: string; backend: string }> {
  app = await startTsProcess('scripts/start.ts', [], /Open this URL in a browser: (http:\/\/127\.0\.0\.1:\d+\/#secret=[\w-]+)/, {
    env: { VERDICT_DATA_ROOT: dataRoot, VERDICT_WEB_PORT: '0' },
    timeoutMs: 180_000,
  });
  const backend = /reference backend with demo data: (http:\/\/127\.0\.0\.1:\d+)/.exec(app.output())?.[1] ?? '';
  return { url: app.match[1] as string, backend };
}

async function stop(): Promise<void> {
  await app?.stop('SIGTERM');
  app = null;
}

test.afterAll(stop);

async function voteAndSync(page: Page): Promise<void> {
  await expect(page.getByTestId('task')).toBeVisible();
  await expect(page.getByTestId('vote-hold')).toBeHidden({ timeout: 10_000 });
  await voteByKey(page, 'Digit1');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
}

test('the demo backend keeps its address across restarts, and the app follows it if it must move', async ({ page }) => {
  const first = await npmStart();
  const rater = demoAccount(path.join(dataRoot, 'demo'), 'rater1');
  await page.goto(first.url);
  await signIn(page, first.backend, rater.email, rater.password);
  await voteAndSync(page);
  await stop();

  const second = await npmStart();
  expect(second.backend).toBe(first.backend);
  await page.goto(second.url);
  await expect(page.getByTestId('backend-health')).toHaveAttribute('data-state', 'up', { timeout: 15_000 });
  await voteAndSync(page);
  await stop();

  // Something else took the port: the backend moves, and the signed-in app goes with it.
  const squatter = net.createServer();
  await new Promise<void>((resolve) => squatter.listen(Number(new URL(first.backend).port), '127.0.0.1', resolve));
  try {
    const third = await npmStart();
    expect(third.backend).not.toBe(first.backend);
    await page.goto(third.url);
    await expect(page.getByTestId('backend-url')).toHaveText(third.backend);
    await expect(page.getByTestId('backend-health')).toHaveAttribute('data-state', 'up', { timeout: 15_000 });
    await voteAndSync(page);
  } finally {
    squatter.close();
  }
});

test('signing out with unsent votes warns, and keeps them for the next sign-in', async ({ page }) => {
  const port = await freePort();
  const serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-signout-server-'));
  const backendUrl = `http://127.0.0.1:${port}`;
  const server = await startServerProcess(port, serverData, ['--demo', '--min-active-ms', '0']);
  const host = await startWebHostProcess(backendUrl, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-signout-client-')));
  try {
    const rater = demoAccount(serverData, 'rater1');
    await page.goto(host.match[1] as string);
    await signIn(page, backendUrl, rater.email, rater.password);
    await expect(page.getByTestId('task')).toBeVisible();
    await server.stop('SIGKILL');
    await voteByKey(page, 'Digit1');
    await expect(page.getByTestId('pending-count')).toHaveText('1 vote waiting');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('sign-out-warning')).toContainText('1 vote is not sent yet');
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(page.getByTestId('sign-out-warning')).toHaveCount(0);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-out-anyway').click();
    await page.getByTestId('nav-session').click();
    await expect(page.getByTestId('signin-submit')).toBeVisible();
    // Back with the same account: the vote kept on disk goes out.
    const again = await startServerProcess(port, serverData, ['--min-active-ms', '0']);
    try {
      await signIn(page, backendUrl, rater.email, rater.password);
      await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
    } finally {
      await again.stop('SIGKILL');
    }
  } finally {
    await host.stop('SIGKILL');
    await server.stop('SIGKILL');
  }
});
