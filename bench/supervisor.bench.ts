import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAnalysisCore } from '../renderer/src/features/supervisor/analysis/analysisCore';
import { assessRaters } from '../renderer/src/features/supervisor/analysis/raterStatus';
import { toTeamVote } from '../renderer/src/features/supervisor/analysis/teamVote';
import { startWebHostProcess, type RunningProcess } from '../test/support/processes';
import { ratersResponse, startSyntheticBackend, syntheticTeam } from '../test/support/supervisorSynthetic';

/**
 * `npm run bench:supervisor` (needs `npm run build` first), on a synthetic
 * team of 500 raters and 200,000 votes:
 * 1. the team table's numbers as the server computes them (shared/quality);
 * 2. the console's own analysis (the Worker's code, here on the main thread);
 * 3. in Chromium through the web host: the team table on screen after a
 *    click, all votes loaded and analysed, long tasks meanwhile, and frame
 *    times while scrolling the table and re-sorting it.
 */
const RATERS = Number(process.env.BENCH_RATERS ?? 500);
const VOTES = Number(process.env.BENCH_VOTES ?? 200_000);

function time<T>(label: string, work: () => T): T {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const used = process.cpuUsage(cpu);
  console.log(
    `${label}: ${(performance.now() - start).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`,
  );
  return result;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Page-side probes as source text: tsx would wrap named functions in helpers the page lacks. */
const PROBES = `
window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
window.__until = (selector, attribute, value) => new Promise((resolve) => {
  const start = performance.now();
  const check = () => {
    const element = document.querySelector(selector);
    const ok = element && (attribute === null || element.getAttribute(attribute) === value);
    if (ok) requestAnimationFrame(() => resolve(performance.now() - start));
    else requestAnimationFrame(check);
  };
  check();
});
window.__resort = (column) => new Promise((resolve) => {
  const first = () => document.querySelector('[data-testid^="team-row-"]')?.getAttribute('data-testid');
  const before = first();
  const start = performance.now();
  document.querySelector('[data-testid="sort-' + column + '"]').click();
  const check = () => (first() !== before ? requestAnimationFrame(() => resolve(performance.now() - start)) : requestAnimationFrame(check));
  check();
});
window.__scrollFrames = (selector, steps) => new Promise((resolve) => {
  const box = document.querySelector(selector);
  const frames = [];
  let last = performance.now();
  let step = 0;
  const tick = () => {
    const now = performance.now();
    frames.push(now - last);
    last = now;
    box.scrollTop = (box.scrollHeight - box.clientHeight) * (step / steps);
    if (++step <= steps) requestAnimationFrame(tick);
    else resolve(frames.slice(1));
  };
  requestAnimationFrame(tick);
});
true`;

async function benchBrowser(backendUrl: string): Promise<void> {
  let host: RunningProcess | null = null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    host = await startWebHostProcess(backendUrl, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-bench-supervisor-')));
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.match[1] as string);
    await page.getByTestId('signin-server').fill(backendUrl);
    await page.getByTestId('signin-email').fill('supervisor@bench.example');
    await page.getByTestId('signin-password').fill('bench');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('nav-supervisor').waitFor();
    await page.evaluate(PROBES);
    const tableShown = page.evaluate(`window.__until('[data-testid^="team-row-"]', null, null)`);
    const analysed = page.evaluate(`window.__until('[data-testid="votes-state"]', 'data-state', 'ready')`);
    await page.getByTestId('nav-supervisor').click();
    console.log(
      `click → team table of ${RATERS} raters painted: ${((await tableShown) as number).toFixed(0)} ms (fetch through main + render)`,
    );
    const first = (await page.evaluate('window.__longTasks.splice(0)')) as number[];
    console.log(`  main-thread long tasks until then: ${first.length}, longest ${Math.max(0, ...first).toFixed(0)} ms`);
    console.log(
      `click → all ${VOTES} votes loaded and analysed in the Worker: ${((await analysed) as number).toFixed(0)} ms`,
    );
    const longTasks = ((await page.evaluate('window.__longTasks.splice(0)')) as number[]).sort((a, b) => a - b);
    console.log(
      `  main-thread long tasks while loading: ${longTasks.length}, longest ${(longTasks.at(-1) ?? 0).toFixed(0)} ms, p95 ${percentile(longTasks, 95).toFixed(0)} ms`,
    );
    const frames = ((await page.evaluate(`window.__scrollFrames('[data-testid="team-table"]', 120)`)) as number[]).sort(
      (a, b) => a - b,
    );
    console.log(
      `scrolling the team table top to bottom: frame p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${(frames.at(-1) ?? 0).toFixed(1)} ms`,
    );
    const resort = (await page.evaluate(`window.__resort('agreement')`)) as number;
    console.log(`re-sort ${RATERS} rows by agreement (click → painted): ${resort.toFixed(0)} ms`);
    await page.getByTestId('supervisor-tab-whatif').click();
    const whatIf = (await page.evaluate(
      `window.__until('[data-testid="whatif-summary"]', 'aria-busy', 'false')`,
    )) as number;
    console.log(
      `what-if board (${VOTES} votes, ranked twice in the Worker) painted: ${whatIf.toFixed(0)} ms after the tab opened`,
    );
  } finally {
    await browser.close();
    await host?.stop('SIGKILL');
  }
}

const team = time(`synthesise ${RATERS} raters / ${VOTES} votes`, () => syntheticTeam(RATERS, VOTES));
const raters = time('team table on the server (shared/quality raterQualityReport + poolAgreement)', () =>
  ratersResponse(team),
);
time(`status for ${RATERS} raters (pool percentiles, renderer main thread)`, () =>
  assessRaters(raters.raters, new Set(), 0.1),
);
const teamVotes = [...team.wire.values()].flat().map(toTeamVote);
const core = createAnalysisCore();
core.add(teamVotes);
const analysis = time('console analysis (Worker code): index + pool slices + heatmap + inbox + extras', () =>
  core.analyse(40),
);
console.log(`  inbox: ${analysis.inbox.total} items, heatmap pairs in team: ${analysis.heatmap.pairsInTeam}`);
time('inbox query: first 2,000 cards of one kind', () =>
  core.inbox({ kind: 'against_consensus', needle: '', limit: 2000 }),
);
time('what-if board (rank twice, 10 raters left out)', () => core.whatIf(raters.raters.slice(0, 10).map((r) => r.id)));
time('what-if again (current board cached)', () => core.whatIf(raters.raters.slice(10, 20).map((r) => r.id)));
time('one rater: votes with consensus + trends', () => [core.raterVotes('rater-7'), core.trends('rater-7')]);

const backend = await startSyntheticBackend(team, raters);
try {
  await benchBrowser(backend.url);
} finally {
  await backend.close();
}
