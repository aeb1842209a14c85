import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../../support/processes';

let webHost: RunningProcess | null = null;
let server: RunningProcess | null = null;
let backendPort = 0;

test.beforeEach(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-shell-'));
  backendPort = await freePort();
  // These are developer checks: the pseudo-locale is offered only with VERDICT_PSEUDO_LOCALE=1.
  webHost = await startWebHostProcess(`http://127.0.0.1:${backendPort}`, path.join(dir, 'client'), { VERDICT_PSEUDO_LOCALE: '1' });
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

test('the shell renders, shows the backend going from down to up, and switches to Arabic', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  await page.goto(appUrl());
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('app-version')).toHaveText(/^Verdict \d+\.\d+\.\d+/);
  await expect(page.getByTestId('backend-url')).toHaveText(`http://127.0.0.1:${backendPort}`);
  await expect(page.getByTestId('backend-health').first()).toHaveAttribute('data-state', 'down');

  server = await startServerProcess(backendPort, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-server-')));
  await expect(page.getByTestId('backend-health').first()).toHaveAttribute('data-state', 'up');
  await expect(page.getByTestId('backend-health').first()).toHaveText('Online');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-select').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الإعدادات');
  await expect(page.getByTestId('backend-health').first()).toHaveText('متصل');
  await test.info().attach('shell-rtl', { body: await page.screenshot(), contentType: 'image/png' });

  expect(errors).toEqual([]);
});

test('the language choice survives a reload, because main keeps it', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-select').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('nav-session')).toHaveText('الجلسة');
});

test('everything in the shell is reachable by keyboard', async ({ page }) => {
  await page.goto(appUrl());
  await expect(page.getByTestId('app-shell')).toBeVisible();
  const reached: string[] = [];
  for (let step = 0; step < 8; step += 1) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.textContent ?? ''));
  }
  expect(reached).toEqual(expect.arrayContaining(['nav-session', 'nav-leaderboard', 'nav-settings']));
  expect(reached).not.toContain('nav-supervisor');
  await page.getByTestId('nav-settings').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
});

test('the layout survives 200% zoom without horizontal scrolling, in English, Arabic and the pseudo-locale', async ({ page }) => {
  // 200% zoom of a 1280×800 window leaves a 640×400 CSS viewport.
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto(appUrl());
  for (const language of ['en', 'ar', 'en-XA']) {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-select').selectOption(language);
    await page.getByTestId('nav-session').click();
    await expect(page.getByTestId('app-shell')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow in ${language}`).toBeLessThanOrEqual(0);
  }
});
