import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { aggregateBattles, simulateBattles, type Battle, type PairCounts, type SegmentFilter } from '../shared/ranking';
import { computePrimary } from '../renderer/src/features/leaderboard/preview/computePreview';
import type { PreviewJob } from '../renderer/src/features/leaderboard/preview/workerProtocol';
import { startTsProcess, type RunningProcess } from '../scripts/lib/processes';
import { freePort } from '../test/support/httpServer';
import { startServerProcess, startWebHostProcess } from '../test/support/processes';

/**
 * `npm run bench:preview` (needs `npm run build` first). A benchmark, not a test: numbers
 * go to stdout, nothing is asserted.
 *  1. Recompute after a filter change for 200 models and 1,000,000 votes: the ranking worker
 *     (the built ranking.worker chunk, in Chromium) gets one job per slice; we time post →
 *     first answer (what the page waits for, structured clone included) and the worker's own
 *     compute time. The same function in Node, for reference.
 *  2. Time to first paint of the Leaderboard section in Chromium through the web host: click
 *     on "Leaderboard" → the table's first row painted, against the demo server (59 models,
 *     8,931 LLMFAO votes) and against a server holding 1,000,000 votes over 200 models; then a
 *     filter change in the UI → the new table painted (IPC, server fetch, worker and React).
 */
const MODELS = 200;
const VOTES = 1_000_000;
const LANGUAGES = ['en', 'ja', 'ko', 'bn', 'de'];
const CATEGORIES = ['code', 'writing', 'math', 'knowledge', 'reasoning'];
const FILTERS: SegmentFilter[] = [{}, { language: 'en' }, { category: 'math' }, { language: 'ja', category: 'code' }, { language: 'de' }, { category: 'writing' }];

const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `verdict-bench-preview-${name}-`));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const fmt = (ms: number) => ms.toFixed(1);

function slices(): Array<{ filter: SegmentFilter; counts: PairCounts }> {
  const { battles } = simulateBattles({ models: MODELS, votes: VOTES, seed: 11, tieRate: 0.2 });
  battles.forEach((battle: Battle, i) => (battle.segment = { language: LANGUAGES[i % 5], category: CATEGORIES[Math.floor(i / 5) % 5] }));
  return FILTERS.map((filter) => ({ filter, counts: aggregateBattles(battles, filter) }));
}

function jobFor(counts: PairCounts, filter: SegmentFilter): PreviewJob {
  return {
    primary: { filter, counts, ownSeqAtFetch: 0, raters: 2_000, minRaters: 5 },
    compare: null,
    own: null,
    method: 'sandwich',
    rounds: 1_000,
    seed: 42,
    matrixSize: 20,
  };
}

function benchNode(data: ReturnType<typeof slices>): void {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const { filter, counts } of data) {
      const started = performance.now();
      computePrimary(jobFor(counts, filter));
      times.push(performance.now() - started);
    }
  }
  console.log(`   Node, same function (no worker, no clone): median ${fmt(median(times))} ms, best ${fmt(Math.min(...times))} ms`);
}

/**
 * Runs jobs through the real built worker in Chromium: the page holds the worker, Node sends
 * the counts as plain JSON, and the page packs and transfers them the way RankingClient does
 * (preview/packedCounts.ts), inside the timed span.
 */
async function benchWorker(page: Page, data: ReturnType<typeof slices>): Promise<void> {
  const asset = fs.readdirSync('out/renderer/assets').find((name) => /^ranking\.worker-.*\.js$/.test(name));
  if (!asset) throw new Error('no built ranking worker: run `npm run build` first');
  await page.evaluate(`window.__bench = new Worker('/assets/${asset}', { type: 'module' }); true`);
  const roundTrips: number[] = [];
  const computes: number[] = [];
  for (let round = 0; round < 4; round++) {
    for (const [index, { filter, counts }] of data.entries()) {
      const job = jobFor(counts, filter);
      const [total, compute] = (await page.evaluate(
        `new Promise((resolve) => {
          const job = ${JSON.stringify(job)};
          const started = performance.now();
          const rows = job.primary.counts.rows;
          const pairs = new Int32Array(rows.length * 2);
          const cells = new Float64Array(rows.length * 4);
          rows.forEach((row, k) => {
            pairs[k * 2] = row.a; pairs[k * 2 + 1] = row.b;
            cells[k * 4] = row.winsA; cells[k * 4 + 1] = row.winsB; cells[k * 4 + 2] = row.ties; cells[k * 4 + 3] = row.bothBad;
          });
          job.primary.counts = { models: job.primary.counts.models, pairs, cells };
          window.__bench.onmessage = (event) => {
            if (event.data.phase === 'primary') resolve([performance.now() - started, event.data.ms]);
          };
          window.__bench.postMessage({ id: ${round * 100 + index + 1}, job }, [pairs.buffer, cells.buffer]);
        })`,
      )) as [number, number];
      if (round > 0) {
        roundTrips.push(total);
        computes.push(compute);
      }
    }
  }
  console.log(`   Chromium Web Worker, post → primary answer: median ${fmt(median(roundTrips))} ms, worst ${fmt(Math.max(...roundTrips))} ms (target < 50 ms)`);
  console.log(`   of which ranking inside the worker: median ${fmt(median(computes))} ms, worst ${fmt(Math.max(...computes))} ms`);
}

/** From the next `trigger` event (a click, a menu change) to the first animation frame after `selector` matches. */
function armFirstPaintProbe(selector: string, trigger: 'click' | 'change'): string {
  return `window.__paint = new Promise((resolve) => {
    let clickedAt = 0;
    window.addEventListener('${trigger}', () => { clickedAt = window.__triggeredAt = performance.now(); }, { once: true, capture: true });
    const check = () => {
      if (clickedAt && document.querySelector(${JSON.stringify(selector)})) requestAnimationFrame(() => resolve(performance.now() - clickedAt));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }); true`;
}

async function signIn(page: Page, backendUrl: string, email: string, password: string): Promise<void> {
  await page.getByTestId('signin-server').fill(backendUrl);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('signin-submit').waitFor({ state: 'detached', timeout: 30_000 });
}

/** The probe's answer, or a screenshot and an error after a minute (a stuck page must not hang the run). */
async function paintTime(page: Page, what: string): Promise<number> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not paint within 60 s`)), 60_000));
  try {
    return (await Promise.race([page.evaluate('window.__paint'), timeout])) as number;
  } catch (error) {
    await page.screenshot({ path: path.join('test-results', 'bench-preview-stuck.png'), fullPage: true });
    throw error;
  }
}

async function benchFirstPaint(page: Page, label: string, filterField: string, filterValue: string): Promise<void> {
  await page.evaluate(armFirstPaintProbe('[data-testid="snapshot-status"][data-source="server"]', 'click').replace('window.__paint', 'window.__data'));
  await page.evaluate(armFirstPaintProbe('[data-testid="ci-plot-svg"]', 'click').replace('window.__paint', 'window.__charts'));
  await page.evaluate(armFirstPaintProbe('[data-testid="ranking-table"] tbody tr[data-model]', 'click'));
  await page.getByTestId('nav-leaderboard').click();
  const firstPaint = await paintTime(page, 'the Leaderboard section');
  const countsArrived = (await page.evaluate('window.__data')) as number;
  const chartsPainted = (await page.evaluate('window.__charts')) as number;
  const rows = await page.locator('[data-testid="ranking-table"] tbody tr[data-model]').count();
  const models = await page.getByTestId('ranking-table').getAttribute('aria-rowcount');
  await page.evaluate(armFirstPaintProbe(`[data-testid="ranking-table"][data-slice='{"${filterField}":"${filterValue}"}']`, 'change'));
  await page.getByTestId(`filter-${filterField}`).selectOption(filterValue);
  const filterPaint = await paintTime(page, 'the filtered table');
  const workerMs = Number(await page.getByTestId('ranking-ms').getAttribute('data-ms'));
  const steps = (await page.evaluate(`(() => {
    const since = (name) => (performance.getEntriesByName(name).at(-1)?.startTime ?? 0) - window.__triggeredAt;
    return [since('leaderboard:counts'), since('leaderboard:job'), since('leaderboard:ranked')];
  })()`)) as [number, number, number];
  console.log(`   ${label}: first paint ${fmt(firstPaint)} ms (${Number(models) - 1} models, ${rows} rows in the DOM; counts arrived at ${fmt(countsArrived)} ms);`);
  console.log(`      interval plot and heatmaps painted (deferred after the table) at ${fmt(chartsPainted)} ms`);
  const [countsAt, jobAt, rankedAt] = steps;
  console.log(`      filter ${filterField}=${filterValue} → new table painted ${fmt(filterPaint)} ms: counts from main at ${fmt(countsAt)} ms, job posted at ${fmt(jobAt)} ms, ranked at ${fmt(rankedAt)} ms (${fmt(workerMs)} ms of it ranking in the worker)`);
}

async function main(): Promise<void> {
  const processes: RunningProcess[] = [];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext();
  context.setDefaultTimeout(120_000);
  try {
    console.log(`1. Recompute after a filter change, ${MODELS} models, ${VOTES.toLocaleString('en')} votes (6 slices)`);
    let started = performance.now();
    const data = slices();
    console.log(`   (setup: simulate and aggregate ${fmt(performance.now() - started)} ms; ${data[0]!.counts.rows.length} pairs in the whole board)`);
    benchNode(data);

    const demoPort = await freePort();
    const demoDir = tempDir('demo');
    processes.push(await startServerProcess(demoPort, demoDir, ['--demo', '--min-active-ms', '0']));
    const demoHost = await startWebHostProcess(`http://127.0.0.1:${demoPort}`, tempDir('client-demo'));
    processes.push(demoHost);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(demoHost.match[1] as string);
    await benchWorker(page, data);

    console.log('\n2. Time to first paint of the Leaderboard section (Chromium, web host, real server)');
    const demoData = JSON.parse(fs.readFileSync(path.join(demoDir, 'demo-accounts.json'), 'utf8')) as {
      accounts: Array<{ key: string; email: string; password: string }>;
    };
    const supervisor = demoData.accounts.find((account) => account.key === 'supervisor')!;
    await signIn(page, `http://127.0.0.1:${demoPort}`, supervisor.email, supervisor.password);
    await benchFirstPaint(page, 'demo data (LLMFAO)', 'country', 'US');
    await page.close();

    const bigDir = process.env.PREVIEW_BENCH_DATA ?? tempDir('big');
    const bigPort = await freePort();
    started = performance.now();
    const big = await startTsProcess('test/support/previewBigServer.ts', [bigDir, String(bigPort)], /listening on (http:\/\/127\.0\.0\.1:\d+)/, { timeoutMs: 600_000 });
    processes.push(big);
    console.log(`   (setup: server with 1,000,000 votes ready in ${fmt((performance.now() - started) / 1000)} s)`);
    const bigHost = await startWebHostProcess(big.match[1] as string, tempDir('client-big'));
    processes.push(bigHost);
    const credentials = JSON.parse(fs.readFileSync(path.join(bigDir, 'bench-rater.json'), 'utf8')) as { email: string; password: string };
    const bigPage = await context.newPage();
    await bigPage.setViewportSize({ width: 1280, height: 900 });
    await bigPage.goto(bigHost.match[1] as string);
    await signIn(bigPage, big.match[1] as string, credentials.email, credentials.password);
    await benchFirstPaint(bigPage, '200 models, 1,000,000 votes', 'language', 'en');
  } finally {
    await browser.close();
    await Promise.all(processes.map((process) => process.stop('SIGKILL')));
  }
}

await main();
