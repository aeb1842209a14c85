import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../test/support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../test/support/processes';

/**
 * `npm run bench:fonts` (after `npm run build`): what a rater downloads for
 * their language. For each UI language, a fresh browser opens the sign-in
 * screen and then the rating screen, and every font and locale file it fetches
 * is counted (the bundled fonts load by unicode-range, so only the glyph
 * slices on screen come down). Also: the largest locale chunk in the build.
 */
const LANGUAGES = (process.env.BENCH_FONT_LANGUAGES ?? 'en,ja,hi,am,zh-CN,ar,th').split(',');

function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `verdict-bench-fonts-${name}-`));
}

async function measure(language: string, backendUrl: string, account: { email: string; password: string }): Promise<string> {
  const processes: RunningProcess[] = [];
  const host = await startWebHostProcess(backendUrl, tempDir('client'));
  processes.push(host);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page: Page = await browser.newPage({ locale: language, viewport: { width: 1280, height: 900 } });
    const fetched: Array<{ url: string; bytes: number }> = [];
    page.on('response', async (response) => {
      const url = response.url();
      if (!/\.(woff2|css)$|\/assets\/locale-/.test(url)) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      fetched.push({ url, bytes: body.length });
    });
    await page.goto(host.match[1] as string);
    await page.getByTestId('signin-submit').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    const uiFonts = fetched.filter((f) => f.url.endsWith('.woff2'));
    const uiBytes = uiFonts.reduce((total, f) => total + f.bytes, 0);
    await page.getByTestId('signin-server').fill(backendUrl);
    await page.getByTestId('signin-email').fill(account.email);
    await page.getByTestId('signin-password').fill(account.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('task').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(500);
    const sum = (filter: (url: string) => boolean) => fetched.filter((f) => filter(f.url)).reduce((total, f) => total + f.bytes, 0);
    const fonts = sum((url) => url.endsWith('.woff2'));
    const families = [...new Set(fetched.filter((f) => f.url.endsWith('.woff2')).map((f) => /assets\/([a-z-]+?)-(?:\d+|[a-z-]+)-\d00-normal/.exec(f.url)?.[1] ?? '?'))];
    const fontFiles = fetched.filter((f) => f.url.endsWith('.woff2')).length;
    const locale = sum((url) => url.includes('/assets/locale-'));
    return (
      `${language.padEnd(6)} UI (sign-in screen): fonts ${(uiBytes / 1024).toFixed(0)} kB in ${uiFonts.length} files; ` +
      `after a task in the rater's languages: fonts ${(fonts / 1024).toFixed(0)} kB in ${fontFiles} files (${families.join(', ')}); locale files ${(locale / 1024).toFixed(0)} kB`
    );
  } finally {
    await browser.close();
    await Promise.all(processes.map((process) => process.stop('SIGKILL')));
  }
}

const assets = path.join(import.meta.dirname, '..', 'out', 'renderer', 'assets');
const localeChunks = fs
  .readdirSync(assets)
  .filter((name) => name.startsWith('locale-') && name.endsWith('.js'))
  .map((name) => ({ name, bytes: fs.statSync(path.join(assets, name)).size }))
  .sort((a, b) => b.bytes - a.bytes);
console.log(`largest locale chunk: ${localeChunks[0]?.name} ${((localeChunks[0]?.bytes ?? 0) / 1024).toFixed(1)} kB (of ${localeChunks.length} locale chunks)`);

const port = await freePort();
const serverData = tempDir('server');
const server = await startServerProcess(port, serverData, ['--demo', '--min-active-ms', '0']);
try {
  const accounts = JSON.parse(fs.readFileSync(path.join(serverData, 'demo-accounts.json'), 'utf8')) as { accounts: Array<{ key: string; email: string; password: string }> };
  const rater = accounts.accounts.find((account) => account.key === 'rater2')!;
  for (const language of LANGUAGES) console.log(await measure(language, `http://127.0.0.1:${port}`, rater));
} finally {
  await server.stop('SIGKILL');
}
