import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../../support/processes';
import { votesOf } from '../../support/serverDb';
import { demoAccount, signIn, voteByKey } from './support';

const VOTES = 30;
let processes: RunningProcess[] = [];

test.afterEach(async () => {
  await Promise.all(processes.map((process) => process.stop('SIGKILL')));
  processes = [];
});

function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `verdict-e2e-${name}-`));
}

async function startServer(port: number, dataDir: string): Promise<RunningProcess> {
  const server = await startServerProcess(port, dataDir, ['--demo', '--min-active-ms', '0']);
  processes.push(server);
  return server;
}

async function startWebHost(backendUrl: string, dataDir: string): Promise<RunningProcess> {
  const host = await startWebHostProcess(backendUrl, dataDir);
  processes.push(host);
  return host;
}

test(`${VOTES} votes cast offline survive a kill -9 of the app and reach the server exactly once`, async ({ page }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const serverData = tempDir('server');
  const clientData = tempDir('client');
  const backendUrl = `http://127.0.0.1:${port}`;
  const server = await startServer(port, serverData);
  let host = await startWebHost(backendUrl, clientData);
  const rater = demoAccount(serverData, 'rater1');

  await page.goto(host.match[1] as string);
  await signIn(page, backendUrl, rater.email, rater.password);
  await expect(page.getByTestId('task')).toBeVisible();
  await expect(page.getByTestId('remaining-count')).toHaveText(/^(4\d|50) tasks$/);

  await server.stop('SIGKILL');
  await expect(page.getByTestId('backend-health').first()).toHaveAttribute('data-state', 'down');
  for (let vote = 0; vote < VOTES; vote += 1) await voteByKey(page, vote % 2 === 0 ? 'Digit1' : 'Digit2');
  await expect(page.getByTestId('done-count')).toHaveText(`${VOTES} votes`);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', String(VOTES));

  await host.stop('SIGKILL');
  host = await startWebHost(backendUrl, clientData);
  await page.goto(host.match[1] as string);
  await expect(page.getByTestId('task')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', String(VOTES));

  await startServer(port, serverData);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  const stored = votesOf(serverData, rater.email);
  expect(stored).toHaveLength(VOTES);
  expect(new Set(stored.map((vote) => vote.id)).size).toBe(VOTES);
  expect(stored.map((vote) => vote.seq)).toEqual(Array.from({ length: VOTES }, (_, index) => index + 1));
  await expect(page.getByTestId('recent-votes').locator('[data-state="accepted"]')).toHaveCount(10);
});

test('a hostile response renders inert: no script runs, nothing remote loads, no javascript: link', async ({ page }) => {
  const serverData = tempDir('hostile');
  const port = await freePort();
  const backendUrl = `http://127.0.0.1:${port}`;
  // A server whose only task is hostile, and one rater who reads English.
  const { importHostileTask } = await import('./hostileTask');
  const rater = await importHostileTask(serverData);
  await startServer(port, serverData);
  const host = await startWebHost(backendUrl, tempDir('client'));

  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`http://127.0.0.1:`) && !request.url().startsWith('ws://127.0.0.1:')) foreignRequests.push(request.url());
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await page.goto(host.match[1] as string);
  await signIn(page, backendUrl, rater.email, rater.password);
  const task = page.getByTestId('task');
  await expect(task).toBeVisible();
  await expect(task).toContainText('Hostile fixture');
  await expect(task.locator('script, iframe, object, embed, form, style, link, meta, base')).toHaveCount(0);
  const handlers = await task.evaluate((root) =>
    [...root.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name)),
  );
  expect(handlers).toEqual([]);
  const links = await task.evaluate((root) => [...root.querySelectorAll('[href], [src]')].map((element) => element.getAttribute('href') ?? element.getAttribute('src')));
  expect(links.filter((link) => link && !/^https:\/\//.test(link) && !link.startsWith('#'))).toEqual([]);
  await expect(task.locator('img[src^="http"]')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(foreignRequests).toEqual([]);

  // Bidi controls are shown as markers, never obeyed: the line reads "evil" in order, with its markers.
  const trojan = task.locator('p', { hasText: 'Trojan: access' });
  await expect(trojan).toHaveText('Trojan: access ⟨RLO⟩evil⟨PDF⟩ granted');
  await expect(trojan.locator('.bidi-control')).toHaveCount(2);
  const order = await trojan.evaluate((p) => {
    const range = document.createRange();
    const text = [...p.childNodes].find((node) => node.textContent === 'evil') as Node;
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const first = range.getBoundingClientRect().left;
    range.setStart(text, 3);
    range.setEnd(text, 4);
    return first < range.getBoundingClientRect().left;
  });
  expect(order, '"e" is drawn left of "l": the override did not reverse the word').toBe(true);
});
