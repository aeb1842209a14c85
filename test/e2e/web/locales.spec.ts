import { expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UI_LANGUAGES } from '../../../shared/i18n/languages';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../../support/processes';
import { auditLocale, type LocaleAudit } from './localeAudit';
import { demoAccount, signIn } from './support';

/**
 * Every shipped locale on every screen a rater or supervisor reads — sign-in,
 * rating, details, skip, settings, leaderboard, supervisor console — in
 * Chromium with only the fonts the app bundles (CI installs no font
 * packages). A screen fails on clipped text, a raw i18n key, or a character
 * drawn as a missing-glyph box. Screenshots of the rating screen in a set of
 * scripts go to test-results/locales/ for review.
 *
 * VERDICT_E2E_LOCALES=de,ja narrows the run while developing.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(900_000);

const LOCALES = (process.env.VERDICT_E2E_LOCALES?.split(',') ?? UI_LANGUAGES.filter((l) => !l.pseudo).map((l) => l.code));
const SCREENSHOT_LOCALES = new Set(['en', 'ar', 'he', 'fa', 'ja', 'zh-CN', 'hi', 'th', 'my', 'am', 'de']);
const shots = path.join('test-results', 'locales');

let processes: RunningProcess[] = [];
let serverData: string;
let backendUrl: string;
const problems: string[] = [];

function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `verdict-e2e-locales-${name}-`));
}

async function openApp(browser: Browser): Promise<Page> {
  const host = await startWebHostProcess(backendUrl, tempDir('client'));
  processes.push(host);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(host.match[1] as string);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  return page;
}

async function switchLanguage(page: Page, code: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-select').selectOption(code);
  await expect(page.locator('html')).toHaveAttribute('lang', code);
}

/** English that Intl falls back to when ICU lacks the language: it must never reach a rater. */
const ENGLISH_FALLBACK = /\b\d+ (seconds?|minutes?|hours?|days?) ago\b|\bin \d+ (seconds?|minutes?|hours?|days?)\b|\b(yesterday|tomorrow)\b/;

async function check(page: Page, code: string, screen: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const audit: LocaleAudit = await auditLocale(page);
  for (const [kind, found] of Object.entries(audit)) {
    for (const item of found as string[]) problems.push(`${code} · ${screen} · ${kind}: ${item}`);
  }
  if (code !== 'en') {
    const chrome = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.task, [data-model]').forEach((element) => element.remove());
      return clone.innerText;
    });
    const english = ENGLISH_FALLBACK.exec(chrome);
    if (english) problems.push(`${code} · ${screen} · english fallback: “${english[0]}”`);
  }
}

test.beforeAll(async () => {
  const port = await freePort();
  serverData = tempDir('server');
  backendUrl = `http://127.0.0.1:${port}`;
  processes.push(await startServerProcess(port, serverData, ['--demo', '--min-active-ms', '0']));
  fs.mkdirSync(shots, { recursive: true });
});

test.afterAll(async () => {
  await Promise.all(processes.map((process) => process.stop('SIGKILL')));
  processes = [];
});

test.afterEach(() => {
  const found = problems.splice(0);
  expect(found, found.join('\n')).toEqual([]);
});

test('the pseudo-locale is not offered to raters', async ({ browser }) => {
  const page = await openApp(browser);
  await page.getByTestId('nav-settings').click();
  const offered = await page.getByTestId('language-select').locator('option').evaluateAll((options) =>
    options.map((option) => (option as HTMLOptionElement).value),
  );
  expect(offered).not.toContain('en-XA');
  expect(offered).toHaveLength(70);
  await page.getByTestId('language-search').fill('japan');
  await expect(page.getByTestId('language-select').locator('option[value="ja"]')).toHaveCount(1);
  await check(page, 'en', 'settings');
  await page.close();
});

test('the audit itself catches a missing glyph and clipped text (so a clean run means something)', async ({ browser }) => {
  const page = await openApp(browser);
  await page.evaluate(() => {
    const unsupported = document.createElement('p');
    // Kawi (Unicode 15.0, 2022): no bundled font, and no font in Debian 12's archive covers it, so
    // it stays tofu even where every Noto package is installed (Ol Chiki, used before, is in fonts-noto-core).
    unsupported.textContent = '\u{11F04}\u{11F05}';
    const clippedBox = document.createElement('button');
    clippedBox.textContent = 'Bewertungsintervallberechnungsergebnis';
    clippedBox.style.cssText = 'width: 4rem; overflow: hidden; white-space: nowrap';
    document.querySelector('main')?.append(unsupported, clippedBox);
  });
  const audit = await auditLocale(page);
  expect(audit.tofu.join()).toContain('U+11F04');
  expect(audit.clipped.join()).toContain('Bewertungsintervallberechnungsergebnis');
  await page.close();
});

test('sign-in and settings read well in every locale', async ({ browser }) => {
  const page = await openApp(browser);
  for (const code of LOCALES) {
    await switchLanguage(page, code);
    await check(page, code, 'settings');
    await page.getByTestId('nav-session').click();
    await expect(page.getByTestId('signin-submit')).toBeVisible();
    await check(page, code, 'sign-in');
  }
  await page.close();
});

test('rating, details, skip and leaderboard read well in every locale', async ({ browser }) => {
  const page = await openApp(browser);
  const rater = demoAccount(serverData, 'rater1');
  await page.getByTestId('nav-session').click();
  await signIn(page, backendUrl, rater.email, rater.password);
  await expect(page.getByTestId('task')).toBeVisible();
  for (const code of LOCALES) {
    await switchLanguage(page, code);
    await page.getByTestId('nav-session').click();
    await expect(page.getByTestId('task')).toBeVisible();
    await check(page, code, 'rating');
    if (SCREENSHOT_LOCALES.has(code)) {
      const body = await page.screenshot();
      fs.writeFileSync(path.join(shots, `rating-${code}.png`), body);
      await test.info().attach(`rating-${code}`, { body, contentType: 'image/png' });
    }
    await page.locator('.details-panel summary').click();
    await check(page, code, 'details');
    await page.locator('.details-panel summary').click();
    await page.getByTestId('skip-button').click();
    await expect(page.getByTestId('skip-dialog')).toBeVisible();
    await check(page, code, 'skip');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('skip-dialog')).toBeHidden();
    await page.getByTestId('nav-leaderboard').click();
    await expect(page.getByTestId('leaderboard').locator('.lb-board')).toHaveAttribute('aria-busy', 'false');
    await check(page, code, 'leaderboard');
  }
  await page.close();
});

test('the supervisor console reads well in every locale', async ({ browser }) => {
  const page = await openApp(browser);
  const supervisor = demoAccount(serverData, 'supervisor');
  await page.getByTestId('nav-session').click();
  await signIn(page, backendUrl, supervisor.email, supervisor.password);
  await page.getByTestId('nav-supervisor').click();
  await expect(page.getByTestId('team-summary')).toBeVisible({ timeout: 30_000 });
  for (const code of LOCALES) {
    await switchLanguage(page, code);
    await page.getByTestId('nav-supervisor').click();
    await expect(page.getByTestId('team-summary')).toBeVisible();
    await check(page, code, 'supervisor');
  }
  await page.close();
});
