import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { displayProblem, findElectronBinary } from '../../../scripts/lib/electronBinary';
import { freePort } from '../../support/httpServer';
import { repoRoot, startServerProcess, type RunningProcess } from '../../support/processes';

/**
 * The same smoke test as the web project, in the real Electron app. It needs
 * the Electron binary (not downloadable on our build machines) and a display.
 */
const found = findElectronBinary();
const binary = 'path' in found ? found.path : null;
const skipReason = 'reason' in found ? found.reason : displayProblem();
if (skipReason) console.log(`[electron e2e] skipped: ${skipReason}; the web project covers the same flow`);

let server: RunningProcess | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('the Electron app renders the shell, sees the backend come up and switches to Arabic', async () => {
  test.skip(skipReason !== null, skipReason ?? '');
  const backendPort = await freePort();
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-electron-'));
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [repoRoot, `--user-data-dir=${userData}`],
    env: { ...process.env, VERDICT_BACKEND_URL: `http://127.0.0.1:${backendPort}` },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('app-shell')).toBeVisible();
    expect(page.url()).toBe('app://verdict/index.html');
    await expect(page.getByTestId('backend-health').first()).toHaveAttribute('data-state', 'down');
    server = await startServerProcess(backendPort, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-electron-server-')));
    await expect(page.getByTestId('backend-health').first()).toHaveAttribute('data-state', 'up');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-select').selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
  }
});
