import { expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LeaderboardResponse } from '../../../shared/protocol/leaderboard';
import { displayedRanks } from '../../../shared/ranking';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../../support/processes';
import { demoAccount, signIn, voteByKey } from './support';

/**
 * The Leaderboard section in Chromium through the web host, against the demo server (the
 * real LLMFAO crowd votes). One server, one signed-in page for the whole file: rater1 casts
 * two votes first, so country DE exists as a slice with one rater (below the minimum of 5).
 */
test.describe.configure({ mode: 'serial' });

let processes: RunningProcess[] = [];
let page: Page;
let backendUrl: string;
let serverData: string;
const shots = path.join('test-results', 'leaderboard');

function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `verdict-e2e-lb-${name}-`));
}

async function serverLeaderboard(query: string): Promise<LeaderboardResponse> {
  const { email, password } = demoAccount(serverData, 'supervisor');
  const login = await fetch(`${backendUrl}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await fetch(`${backendUrl}/v1/leaderboard${query}`, { headers: { authorization: `Bearer ${accessToken}` } });
  return LeaderboardResponse.parse(await response.json());
}

/** The table's rows as the page shows them: model, displayed rank, full-precision rating. */
async function tableRows(): Promise<Array<{ model: string; rank: number; rating: number }>> {
  return page.getByTestId('ranking-table').locator('tbody tr[data-model]').evaluateAll((rows) =>
    rows.map((row) => ({ model: row.getAttribute('data-model') ?? '', rank: Number(row.getAttribute('data-rank')), rating: Number(row.getAttribute('data-rating')) })),
  );
}

async function expectTableMatchesServer(query: string): Promise<void> {
  const server = await serverLeaderboard(query);
  const rows = await tableRows();
  // Models with too few votes sit in the provisional table, unranked; the rest are ranked as the server ranks them.
  const provisional = await page.getByTestId('provisional-table').locator('tbody tr[data-model]').evaluateAll((list) => list.map((row) => row.getAttribute('data-model') ?? ''));
  for (const row of await page.getByTestId('provisional-table').locator('tbody tr[data-model]').all()) await expect(row).not.toHaveAttribute('data-rank', /./);
  // The server ranks every model; the board ranks the others among themselves (same rule, 1 + clearly ahead).
  const ranked = server.models.filter((model) => !provisional.includes(model.model));
  const serverRanks = displayedRanks(ranked.map((model) => model.lower), ranked.map((model) => model.upper));
  server.models = ranked.map((model, index) => ({ ...model, rank: serverRanks[index] as number }));
  // The table lists by rank, then rating (so the rank column never jumps); the server by rating.
  const byName = <T extends { model: string }>(list: T[]) => [...list].sort((x, y) => (x.model < y.model ? -1 : 1));
  const ranks = rows.map((row) => row.rank);
  expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  const mine = byName(rows);
  const theirs = byName(server.models);
  expect(mine.map((row) => row.model)).toEqual(theirs.map((row) => row.model));
  expect(mine.map((row) => row.rank)).toEqual(theirs.map((row) => row.rank));
  mine.forEach((row, i) => expect(row.rating).toBeCloseTo(theirs[i]!.rating, 6));
}

async function waitForSlice(filter: Record<string, string>): Promise<void> {
  await expect(page.getByTestId('ranking-table')).toHaveAttribute('data-slice', JSON.stringify(filter));
  await expect(page.getByTestId('leaderboard').locator('.lb-board')).toHaveAttribute('aria-busy', 'false');
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  const port = await freePort();
  serverData = tempDir('server');
  backendUrl = `http://127.0.0.1:${port}`;
  processes.push(await startServerProcess(port, serverData, ['--demo', '--min-active-ms', '0', '--gold-share', '0', '--repeat-share', '0']));
  const host = await startWebHostProcess(backendUrl, tempDir('client'));
  processes.push(host);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(host.match[1] as string);
  const rater = demoAccount(serverData, 'rater1');
  await signIn(page, backendUrl, rater.email, rater.password);
  await expect(page.getByTestId('task')).toBeVisible();
  await voteByKey(page, 'Digit1');
  await voteByKey(page, 'Digit2');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 20_000 });
});

test.afterAll(async () => {
  await page?.close();
  await Promise.all(processes.map((process) => process.stop('SIGKILL')));
  processes = [];
});

test('the table matches the server leaderboard for the same slice, with its snapshot source shown', async () => {
  await page.getByTestId('nav-leaderboard').click();
  await waitForSlice({});
  await expect(page.getByTestId('snapshot-status')).toHaveAttribute('data-source', 'server');
  await expect(page.getByTestId('slice-summary')).toHaveAttribute('data-votes', '8933');
  await expectTableMatchesServer('');
  await expect(page.getByTestId('contribution-counts')).toHaveAttribute('data-battles', '2');
  await page.screenshot({ path: path.join(shots, 'leaderboard-en.png'), fullPage: true });
});

test('each ranked row shows its rigging margin, explained, equal to the server\'s for the same neighbours', async () => {
  await waitForSlice({});
  const table = page.getByTestId('ranking-table');
  const header = table.getByRole('columnheader', { name: 'Rigging margin' });
  await expect(header).toBeVisible();
  await expect(header).toHaveAccessibleDescription('Rigging margin: how many votes would have to be flipped to swap a model with the next one below.');
  await expect(page.getByTestId('margin-hint').first()).toBeVisible();
  // Margins arrive with the worker's second phase; every row but the lowest-rated one gets one.
  const rows = table.locator('tbody tr[data-model]');
  await expect.poll(async () => table.locator('td[data-margin]').count()).toBe((await rows.count()) - 1);
  const shown = await rows.evaluateAll((list) =>
    list.map((row) => ({ model: row.getAttribute('data-model') ?? '', rating: Number(row.getAttribute('data-rating')), margin: row.querySelector('td[data-margin]')?.getAttribute('data-margin') ?? null })),
  );
  // Same counts as the server (the slice summary says 8,933 votes on both), so where two models are
  // neighbours on both boards (the preview leaves provisional models out), the margins agree.
  const byRating = [...shown].sort((x, y) => y.rating - x.rating);
  const server = await serverLeaderboard('');
  let compared = 0;
  byRating.slice(0, -1).forEach((row, k) => {
    const at = server.models.findIndex((model) => model.model === row.model);
    if (server.models[at + 1]?.model !== byRating[k + 1]!.model) return;
    expect(Number(row.margin)).toBe(server.models[at]!.riggingMargin);
    compared++;
  });
  expect(compared).toBeGreaterThan(10);
  expect(byRating.slice(0, -1).every((row) => Number.isInteger(Number(row.margin)))).toBe(true);
});

test('balanced weights: the switch refits the board from the cached counts as the server does with weights=balanced', async () => {
  await waitForSlice({});
  const before = JSON.stringify(await tableRows());
  await page.locator('.lb-method summary').click();
  await page.getByTestId('weights-balanced').check();
  await expect.poll(async () => JSON.stringify(await tableRows())).not.toBe(before);
  await expect(page.getByTestId('leaderboard').locator('.lb-board')).toHaveAttribute('aria-busy', 'false');
  await expectTableMatchesServer('?weights=balanced');
  await page.getByTestId('weights-balanced').uncheck();
  await expect.poll(async () => JSON.stringify(await tableRows())).toBe(before);
  await page.locator('.lb-method summary').click();
});

test('style control: both boards with the rank change, ranked offline from the snapshot as the server ranks style=on', async () => {
  await waitForSlice({});
  const panel = page.getByTestId('style-panel');
  const table = panel.getByTestId('style-table');
  await expect(table.locator('caption')).toHaveText('Rank as voted and with style control');
  await expect(table).toHaveAttribute('aria-busy', 'false');
  const rows = await table.locator('tbody tr[data-model]').evaluateAll((list) =>
    list.map((row) => ({ model: row.getAttribute('data-model') ?? '', raw: Number(row.getAttribute('data-rank-raw')), styled: Number(row.getAttribute('data-rank-styled')), gain: Number(row.getAttribute('data-gain')) })),
  );
  const server = await serverLeaderboard('?style=on');
  expect(server.style).toBe(true);
  expect(Object.keys(server.styleCoefficients ?? {})).toEqual(['tokens', 'headers', 'lists', 'bold']);
  // The server hides provisional ranks; the style view ranks every model (1 + clearly ahead), from the same intervals.
  const serverRanks = displayedRanks(server.models.map((model) => model.lower), server.models.map((model) => model.upper));
  const expected = new Map(server.models.map((model, i) => [model.model, serverRanks[i]]));
  expect(rows.map((row) => row.model).sort()).toEqual([...expected.keys()].sort());
  for (const row of rows) {
    expect(row.styled).toBe(expected.get(row.model));
    expect(row.gain).toBe(row.raw - row.styled);
  }
  expect(rows.some((row) => row.gain !== 0)).toBe(true);
  // Keyboard: the table's scroll box takes focus, so arrow keys scroll it.
  const region = panel.getByRole('region', { name: 'Rank as voted and with style control' });
  await region.focus();
  await expect(region).toBeFocused();
  await panel.screenshot({ path: path.join(shots, 'style-control-en.png') });
});

test('a readable board: caveats in one line with details on demand, ranks in order, no counts for withheld slices', async () => {
  await waitForSlice({});
  const warnings = page.getByTestId('ranking-warnings');
  if (await warnings.count()) {
    await expect(warnings.locator('summary')).toHaveText(/^\d+ notes? on these numbers$/);
    await expect(warnings.locator('li').first()).toBeHidden();
  }
  const ranks = (await tableRows()).map((row) => row.rank);
  expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  await page.getByTestId('ranking-table').getByTestId('sort-rating').click();
  await page.getByTestId('ranking-table').getByTestId('sort-rank').click();
  const again = (await tableRows()).map((row) => row.rank);
  expect(again).toEqual([...again].sort((x, y) => x - y));
});

test('a filter change updates the table and the interval plot', async () => {
  const plotBefore = await page.getByTestId('ci-plot-svg').locator('g[data-model]').evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-model')));
  // The first category released by name: a folded one (rater1's own votes can fold one) shows the privacy message instead.
  const options = await page.getByTestId('filter-category').locator('option').evaluateAll((list) => list.filter((option) => !/withheld/.test(option.textContent ?? '')).map((option) => (option as HTMLOptionElement).value).filter(Boolean));
  const category = options[0] as string;
  await page.getByTestId('filter-category').selectOption(category);
  await waitForSlice({ category });
  await expectTableMatchesServer(`?category=${encodeURIComponent(category)}`);
  const rows = await tableRows();
  // The plot follows the table in a transition: poll until it has caught up.
  const plotModels = () => page.getByTestId('ci-plot-svg').locator('g[data-model]').evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-model')));
  // The plot draws by rating, the table lists by rank: the same models, each in its own order.
  const sorted = (list: Array<string | null>) => [...list].sort();
  await expect.poll(async () => sorted(await plotModels())).toEqual(sorted(rows.map((row) => row.model)));
  expect(await plotModels()).not.toEqual(plotBefore);
  await expect(page.getByTestId('heatmap-observed-svg')).toBeVisible();
});

test('a slice below the rater minimum shows the privacy message instead of numbers', async () => {
  await page.getByTestId('filter-category').selectOption('');
  await page.getByTestId('filter-country').selectOption('DE');
  await expect(page.getByTestId('privacy-notice')).toBeVisible();
  // The message says what is needed, and nothing about the slice: no rater or vote count.
  await expect(page.getByTestId('privacy-notice')).toContainText('at least 5 distinct raters');
  await expect(page.getByTestId('privacy-notice')).not.toContainText(/\b1\b|\d+ votes/);
  // Nor anywhere else: the server sends no raters or votes for a withheld slice.
  await expect(page.getByTestId('slice-summary')).toHaveCount(0);
  await expect(page.getByTestId('ranking-table')).toHaveCount(0);
  await expect(page.getByTestId('ci-plot')).toHaveCount(0);
  await page.getByTestId('filter-country').selectOption('');
  await waitForSlice({});
});

test('two fields at most: a two-field slice ranks as the server ranks it, and the other menus wait', async () => {
  await page.getByTestId('filter-country').selectOption('US');
  await page.getByTestId('filter-education').selectOption('master');
  await waitForSlice({ country: 'US', education: 'master' });
  await expectTableMatchesServer('?country=US&education=master');
  await expect(page.getByTestId('filter-limit')).toContainText('at most two fields');
  await expect(page.getByTestId('filter-age_band')).toBeDisabled();
  await page.getByTestId('leaderboard-filters').screenshot({ path: path.join(shots, 'filters-two-fields-en.png') });
  await page.getByTestId('filter-education').selectOption('');
  await expect(page.getByTestId('filter-age_band')).toBeEnabled();
  await page.getByTestId('filter-country').selectOption('');
  await waitForSlice({});
});

test('right to left: the table and the plot mirror (checked by geometry and screenshot)', async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-select').selectOption('ar');
  await page.getByTestId('nav-leaderboard').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await waitForSlice({});
  const rankHeader = await page.getByTestId('ranking-table').getByTestId('sort-rank').boundingBox();
  const modelHeader = await page.getByTestId('ranking-table').getByTestId('sort-model').boundingBox();
  expect(rankHeader!.x).toBeGreaterThan(modelHeader!.x);
  const first = page.getByTestId('ci-plot-svg').locator('g[data-model]').first();
  const label = await first.locator('text').boundingBox();
  const point = await first.locator('circle').boundingBox();
  expect(label!.x).toBeGreaterThan(point!.x);
  await page.getByTestId('ranking-table').screenshot({ path: path.join(shots, 'table-ar.png') });
  await page.getByTestId('ci-plot').screenshot({ path: path.join(shots, 'ci-plot-ar.png') });
  await page.screenshot({ path: path.join(shots, 'leaderboard-ar.png'), fullPage: true });
});

test('survives 200% zoom without horizontal scrolling of the page, in Arabic and English', async () => {
  // 200% zoom of a 1280×800 window leaves a 640×400 CSS viewport; wide tables and charts scroll inside their frames.
  await page.setViewportSize({ width: 640, height: 400 });
  for (const language of ['ar', 'en']) {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-select').selectOption(language);
    await page.getByTestId('nav-leaderboard').click();
    await waitForSlice({});
    await expect(page.getByTestId('ci-plot-svg')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const culprits = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => { const r = el.getBoundingClientRect(); return r.right > document.documentElement.clientWidth + 1 || r.left < -1; })
        .slice(0, 8)
        .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().left)}..${Math.round(el.getBoundingClientRect().right)}`),
    );
    expect(overflow, `horizontal overflow in ${language}: ${culprits.join(' | ')}`).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: path.join(shots, 'leaderboard-zoom-en.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
});
