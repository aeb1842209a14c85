import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../../support/processes';

/**
 * Settings → Connection and Updates, as a rater behind a difficult network
 * uses them: test the server before signing in, read what failed in words,
 * see that the proxy and updates belong to the desktop app.
 */
let webHost: RunningProcess | null = null;
let server: RunningProcess | null = null;
let backendPort = 0;

test.beforeEach(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-connection-'));
  backendPort = await freePort();
  webHost = await startWebHostProcess(`http://127.0.0.1:${backendPort}`, path.join(dir, 'client'));
});

test.afterEach(async () => {
  await webHost?.stop();
  await server?.stop();
  webHost = server = null;
});

function appUrl(): string {
  const url = webHost?.match[1];
  if (!url) throw new Error('the web host printed no URL');
  return url;
}

test('testing the connection names what failed, by keyboard, before signing in', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByTestId('nav-settings').click();
  const settings = page.getByTestId('connection-settings');
  await expect(page.getByTestId('connection-server')).toHaveValue(`http://127.0.0.1:${backendPort}`);

  // The backend is not running yet: nothing answers on its port.
  await page.getByTestId('connection-test').focus();
  await page.keyboard.press('Enter');
  const result = page.getByTestId('connection-result');
  await expect(result).toHaveAttribute('data-outcome', 'refused');
  await expect(result).toContainText('Nothing answered at this address');
  await expect(result).toContainText('ECONNREFUSED');

  server = await startServerProcess(backendPort, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-server-')));
  await page.getByTestId('connection-test').click();
  await expect(result).toHaveAttribute('data-outcome', 'ok');
  await expect(result).toContainText('this is a Verdict server (API version 1)');

  await page.getByTestId('connection-server').fill('https://verdict.invalid');
  await page.getByTestId('connection-test').click();
  await expect(result).toHaveAttribute('data-outcome', 'dns');
  await expect(result).toContainText('could not be found (DNS)');

  await page.getByTestId('connection-server').fill('http://verdict.example.org');
  await page.getByTestId('connection-test').click();
  await expect(result).toHaveAttribute('data-outcome', 'insecure_url');

  // The web host's Node transport takes its proxy from the environment; updates come with the desktop app.
  await expect(settings.getByTestId('proxy-not-configurable')).toBeVisible();
  await expect(page.getByTestId('update-state')).toHaveAttribute('data-state', 'disabled');
});

test('the connection result speaks the rater’s language and fits at 200% zoom', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto(appUrl());
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-select').selectOption('de');
  await page.getByTestId('connection-test').click();
  const result = page.getByTestId('connection-result');
  await expect(result).toHaveAttribute('data-outcome', 'refused');
  await expect(result).not.toContainText('Nothing answered at this address');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await test.info().attach('connection-de-200pct', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});
