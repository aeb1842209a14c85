import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../../support/processes';
import { expectedLlmfaoQuality } from '../../support/supervisorOracle';
import { demoAccount, signIn } from './support';

/**
 * The supervisor console through the web host, on the real server seeded
 * with the LLMFAO crowd's 8,931 votes by 124 raters.
 */
test.describe.configure({ mode: 'serial' });

const SAMPLE = ['llmfao-worker-58', 'llmfao-worker-83', 'llmfao-worker-11', 'llmfao-worker-0', 'llmfao-worker-120'];
const METRICS = ['votes', 'agreement', 'tieRate', 'positionBias', 'goldAccuracy', 'anomalyScore'] as const;
let processes: RunningProcess[] = [];
let backendUrl = '';
let serverData = '';

/** A web host of its own for each test: its one-time URL opens one page. */
async function freshAppUrl(): Promise<string> {
  const host = await startWebHostProcess(backendUrl, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-supervisor-client-')));
  processes.push(host);
  return host.match[1] as string;
}

test.beforeAll(async () => {
  const port = await freePort();
  serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-supervisor-server-'));
  backendUrl = `http://127.0.0.1:${port}`;
  processes.push(await startServerProcess(port, serverData, ['--demo', '--min-active-ms', '0']));
});

test.afterAll(async () => {
  await Promise.all(processes.map((process) => process.stop('SIGKILL')));
  processes = [];
});

async function login(key: 'rater1' | 'supervisor'): Promise<string> {
  const account = demoAccount(serverData, key);
  const response = await fetch(`${backendUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Calls main through the page's own socket, as the renderer would. */
async function invokeFromPage(page: Page, channel: string, args: unknown): Promise<unknown> {
  return page.evaluate(
    ([channel, args]) =>
      new Promise((resolve) => {
        // A second socket from the page itself, proving itself as the page does (its per-page token).
        const socket = new WebSocket(`ws://${location.host}/rpc`, [`verdict.page.${sessionStorage.getItem('verdict.pageToken')}`]);
        socket.onopen = () => socket.send(JSON.stringify({ kind: 'invoke', id: 1, channel, args }));
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { kind: string; id: number; result: unknown };
          if (message.kind === 'result' && message.id === 1) {
            socket.close();
            resolve(message.result);
          }
        };
      }),
    [channel, args] as const,
  );
}

async function metric(page: Page, raterId: string, name: string): Promise<number | null> {
  const value = await page
    .getByTestId(`team-row-${raterId}`)
    .locator(`[data-metric="${name}"]`)
    .getAttribute('data-value');
  return value === '' || value === null ? null : Number(value);
}

async function whatIfSummary(page: Page): Promise<{ excluded: number; votes: number; moved: number }> {
  await page.getByTestId('supervisor-tab-whatif').click();
  const summary = page.getByTestId('whatif-summary');
  await expect(summary).toHaveAttribute('aria-busy', 'false');
  return {
    excluded: Number(await summary.getAttribute('data-excluded')),
    votes: Number(await summary.getAttribute('data-excluded-votes')),
    moved: Number(await summary.getAttribute('data-moved')),
  };
}

test('a rater cannot see the section, and the server and main refuse its calls (403)', async ({ page }) => {
  const token = await login('rater1');
  for (const [method, url] of [
    ['GET', '/v1/supervisor/raters'],
    ['GET', '/v1/supervisor/raters/llmfao-worker-58/votes'],
    ['GET', '/v1/supervisor/flags'],
    ['GET', '/v1/supervisor/export?format=csv'],
  ] as const) {
    const response = await fetch(`${backendUrl}${url}`, { method, headers: { authorization: `Bearer ${token}` } });
    expect(response.status, url).toBe(403);
  }
  const flag = await fetch(`${backendUrl}/v1/supervisor/flags`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ raterId: 'llmfao-worker-58', note: 'x' }),
  });
  expect(flag.status).toBe(403);

  const rater = demoAccount(serverData, 'rater1');
  await page.goto(await freshAppUrl());
  await signIn(page, backendUrl, rater.email, rater.password);
  await expect(page.getByTestId('task')).toBeVisible();
  await expect(page.getByTestId('nav-leaderboard')).toBeVisible();
  await expect(page.getByTestId('nav-supervisor')).toHaveCount(0);
  const answer = (await invokeFromPage(page, 'supervisor.raters', {})) as {
    ok: boolean;
    value: { ok: boolean; failure?: { reason: string } };
  };
  expect(answer.ok).toBe(true);
  expect(answer.value).toMatchObject({ ok: false, failure: { reason: 'forbidden' } });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('nav-session').click();
  await expect(page.getByTestId('signin-email')).toBeVisible();
});

test('a supervisor reviews the LLMFAO team, flags a rater and sees the what-if board change', async ({ page }) => {
  test.setTimeout(60_000);
  const shot = (name: string) => ({ path: test.info().outputPath(name) });
  const supervisor = demoAccount(serverData, 'supervisor');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(await freshAppUrl());
  await signIn(page, backendUrl, supervisor.email, supervisor.password);
  await page.getByTestId('nav-supervisor').click();
  await expect(page.getByTestId('team-summary')).toHaveAttribute('data-raters', '126');
  await expect(page.getByTestId('votes-state')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.screenshot({ ...shot('team-en.png') });

  // The table's numbers are shared/quality's, computed here straight from the crowd file.
  const expected = expectedLlmfaoQuality();
  for (const raterId of SAMPLE) {
    await page.getByTestId('team-search').fill(raterId);
    await expect(page.getByTestId(`team-row-${raterId}`)).toBeVisible();
    for (const name of METRICS) {
      const want = expected.get(raterId)?.[name] ?? null;
      const got = await metric(page, raterId, name);
      if (want === null) expect(got, `${raterId} ${name}`).toBeNull();
      else expect(got, `${raterId} ${name}`).toBeCloseTo(want as number, 9);
    }
  }
  await page.getByTestId('team-search').fill('');

  const before = await whatIfSummary(page);
  await page.getByTestId('supervisor-tab-team').click();
  await page.getByTestId('team-search').fill('llmfao-worker-58');
  await page.getByTestId('open-llmfao-worker-58').click();
  await expect(page.getByTestId('rater-detail')).toBeVisible();
  await expect(page.getByTestId('trend-agreement')).toBeVisible();
  await expect(page.getByTestId('rater-votes')).toHaveAttribute('data-rows', '343');
  await page.screenshot({ ...shot('rater-en.png'), fullPage: true });
  await page.getByTestId('flag-rater').click();
  await page.getByTestId('note-input').fill('Ties on half the items; review with the rater.');
  await page.getByTestId('note-submit').click();
  await expect(page.getByTestId('rater-detail').locator('[data-status="flagged"]')).toBeVisible();
  await expect(page.getByTestId('flag-history').locator('[data-kind="flag"]')).toHaveCount(1);

  const after = await whatIfSummary(page);
  expect(after.excluded).toBe(before.excluded + 1);
  expect(after.votes).toBe(before.votes + 343);
  expect(after.moved).toBeGreaterThan(before.moved);
  await page.screenshot({ ...shot('whatif-en.png') });

  await page.getByTestId('supervisor-tab-pool').click();
  await expect(page.getByTestId('agreement-heatmap')).toHaveAttribute('data-raters', '40');
  await expect(page.getByTestId('pool-overall').locator('[data-metric="alphaNominal"]')).toHaveText('0.291');
  await page.screenshot({ ...shot('pool-en.png'), fullPage: true });

  await page.getByTestId('supervisor-tab-inbox').click();
  const card = page.locator('[data-testid^="inbox-card-"]').first();
  await expect(card).toBeVisible();
  await card.locator('[data-testid^="mark-ambiguous-"]').click();
  await page.getByTestId('note-input').fill('The prompt admits both readings.');
  await page.getByTestId('note-submit').click();
  await expect(card.getByTestId('mark-note-ambiguous')).toBeVisible();
  await page.screenshot({ ...shot('inbox-en.png') });

  const download = page.waitForEvent('download');
  await page.getByTestId('supervisor-tab-team').click();
  await page.getByTestId('team-search').fill('');
  await page.getByTestId('export-team-csv').click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8').split('\r\n');
  expect(csv[0]).toMatch(/^rater_id,status,/);
  expect(csv).toHaveLength(126 + 2);

  // The favouritism test names worker 15, who picked Weaver 12k in 106 of 109 decisive votes
  // (docs/RANKING.md "Favouritism"): in the export and in the rater's detail.
  expect(csv.find((line) => line.startsWith('llmfao-worker-15,'))).toContain(',Weaver 12k,');
  await page.getByTestId('team-search').fill('llmfao-worker-15');
  await page.getByTestId('open-llmfao-worker-15').click();
  const weight = page.getByTestId('rater-detail').locator('[data-metric="reliability"]');
  await expect(weight).toContainText('votes on Weaver 12k count 0%: likely one of a group that picks it more often');
  await expect(weight).toHaveAttribute('data-down-weighted', 'true');
  await page.getByTestId('back-to-team').click();
  await page.getByTestId('team-search').fill('');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-select').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('nav-supervisor').click();
  await page.screenshot({ ...shot('team-ar.png') });
  await page.getByTestId('open-llmfao-worker-58').click();
  await expect(page.getByTestId('rater-detail')).toBeVisible();
  await page.screenshot({ ...shot('rater-ar.png'), fullPage: true });

  // 200% zoom of a 1280×800 window: wide tables scroll inside their box, never the page.
  await page.setViewportSize({ width: 640, height: 400 });
  await page.getByTestId('back-to-team').click();
  await expect(page.getByTestId('team-table')).toBeVisible();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ ...shot('team-ar-200.png') });
});

test('a supervisor lands on the console after signing in, and the session page explains there is no queue', async ({ page }) => {
  const supervisor = demoAccount(serverData, 'supervisor');
  // A fresh installation: the app starts on the Session section, as it does for everyone.
  const host = await startWebHostProcess(backendUrl, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-supervisor-fresh-')));
  processes.push(host);
  await page.goto(host.match[1] as string);
  await signIn(page, backendUrl, supervisor.email, supervisor.password);
  await expect(page.getByTestId('supervisor-page')).toBeVisible();
  await expect(page.getByTestId('nav-supervisor')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('nav-session').click();
  await expect(page.getByTestId('no-queue')).toBeVisible();
  // An account that cannot lease never shows a lease error.
  await expect(page.getByTestId('sync-status')).not.toHaveAttribute('data-state', 'error');
  await expect(page.getByRole('navigation')).not.toContainText('Sync problem');
  await page.getByRole('button', { name: 'Open the supervisor console' }).click();
  await expect(page.getByTestId('supervisor-page')).toBeVisible();
});

test("a rater's harmful-content flag reaches the supervisor: inbox filter, the rater's votes, and a named flag history", async ({ page, browser }) => {
  // The rater flags a task as harmful while voting.
  const rater = demoAccount(serverData, 'rater1');
  const raterHost = await startWebHostProcess(backendUrl, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-flag-rater-')));
  processes.push(raterHost);
  const raterPage = await browser.newPage();
  await raterPage.goto(raterHost.match[1] as string);
  await signIn(raterPage, backendUrl, rater.email, rater.password);
  await expect(raterPage.getByTestId('task')).toBeVisible();
  await raterPage.locator('.details-panel summary').click();
  await raterPage.getByRole('checkbox', { name: 'Harmful content' }).check();
  await raterPage.keyboard.press('Digit1');
  await expect(raterPage.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 20_000 });
  await raterPage.close();

  const supervisor = demoAccount(serverData, 'supervisor');
  const host = await startWebHostProcess(backendUrl, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-flag-supervisor-')));
  processes.push(host);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(host.match[1] as string);
  await signIn(page, backendUrl, supervisor.email, supervisor.password);
  await expect(page.getByTestId('votes-state')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });

  await page.getByTestId('supervisor-tab-inbox').click();
  await page.getByTestId('inbox-kind').selectOption('rater_flag');
  const card = page.locator('[data-testid^="inbox-card-"]').first();
  await expect(card.getByTestId('rater-flag')).toHaveText('Harmful content');
  await page.screenshot({ path: test.info().outputPath('inbox-rater-flag.png') });

  await page.getByTestId('supervisor-tab-team').click();
  await page.getByTestId('team-search').fill('Lena');
  await page.locator('[data-testid^="open-"]').first().click();
  await expect(page.getByTestId('rater-detail')).toBeVisible();
  await expect(page.getByTestId('rater-votes').getByTestId('rater-flag').first()).toHaveText('Harmful content');
  await page.getByTestId('flag-rater').click();
  await page.getByTestId('note-input').fill('Check the harmful-content flag with the rater.');
  await page.getByTestId('note-submit').click();
  const history = page.getByTestId('flag-history').locator('[data-kind="flag"]').first();
  await expect(history).toContainText(supervisor.displayName);
});
