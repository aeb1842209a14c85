import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../test/support/httpServer';
import { startServerProcess, startWebHostProcess } from '../test/support/processes';

/**
 * `npm run bench:startup` (needs `npm run build` first): cold start of the
 * web host — process spawned to its URL printed, then page load to first
 * contentful paint and to the app shell — against the real server, five
 * times, each with a fresh data folder and a fresh browser context.
 */
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const backendPort = await freePort();
const server = await startServerProcess(backendPort, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-bench-startup-server-')));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const spawnToUrl: number[] = [];
const loadToPaint: number[] = [];
const loadToShell: number[] = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const webHost = await startWebHostProcess(`http://127.0.0.1:${backendPort}`, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-bench-startup-client-')));
    spawnToUrl.push(performance.now() - started);
    const context = await browser.newContext();
    const page = await context.newPage();
    const loading = performance.now();
    await page.goto(webHost.match[1] as string);
    await page.getByTestId('app-shell').waitFor();
    loadToShell.push(performance.now() - loading);
    // Paint entries are queued after the frame that painted: wait for it (buffered observer).
    const paint = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntries().find((candidate) => candidate.name === 'first-contentful-paint');
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    loadToPaint.push(paint);
    await context.close();
    await webHost.stop();
  }
} finally {
  await browser.close();
  await server.stop();
}
const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`web host cold start (${RUNS} runs, load ${load}):`);
console.log(`  process spawned → URL printed: median ${median(spawnToUrl).toFixed(0)} ms (runs ${spawnToUrl.map((ms) => ms.toFixed(0)).join(', ')})`);
console.log(`  page load → first contentful paint: median ${median(loadToPaint).toFixed(0)} ms`);
console.log(`  page load → app shell rendered: median ${median(loadToShell).toFixed(0)} ms`);
console.log(`  cold start to first paint: median ${(median(spawnToUrl) + median(loadToPaint)).toFixed(0)} ms`);
