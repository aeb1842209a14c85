import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../../support/processes';
import { demoAccount, signIn } from './support';

/**
 * The attack a security review ran against the web host: Chromium sends a
 * 127.0.0.1 cookie to every port on 127.0.0.1, so a listener on another local
 * port collected the session cookie and, with a forged Origin from a
 * non-browser client, voted as the rater; the secret could also be replayed
 * from the printed URL. Now there is no cookie, the secret travels in the
 * fragment and works once, and the page proves itself with a per-page token.
 */
let processes: RunningProcess[] = [];

test.afterEach(async () => {
  await Promise.all(processes.map((process) => process.stop('SIGKILL')));
  processes = [];
});

function tryConnect(port: number, protocols: string[], origin: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/rpc`, protocols, { headers: { origin } });
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('error', (error) => resolve(String(error.message)));
  });
}

test('a local listener learns nothing it can use, a replayed URL opens nothing, a forged client is refused', async ({ page, browser }) => {
  const backendPort = await freePort();
  const serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-attack-server-'));
  const backendUrl = `http://127.0.0.1:${backendPort}`;
  processes.push(await startServerProcess(backendPort, serverData, ['--demo', '--min-active-ms', '0']));
  const host = await startWebHostProcess(backendUrl, fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-attack-client-')));
  processes.push(host);
  const printed = host.match[1] as string;
  const launchSecret = new URL(printed).hash.slice('#secret='.length);
  const hostPort = Number(new URL(printed).port);

  await page.goto(printed);
  const rater = demoAccount(serverData, 'rater1');
  await signIn(page, backendUrl, rater.email, rater.password);
  await expect(page.getByTestId('task')).toBeVisible();
  // The secret left the address bar (and history) as soon as the page read it.
  expect(page.url()).not.toContain(launchSecret);
  expect(page.url()).not.toContain('#secret');

  // The attacker: another server on 127.0.0.1 that the rater's browser talks to.
  const seen: string[] = [];
  const attacker = http.createServer((request, response) => {
    seen.push(JSON.stringify(request.headers) + request.url);
    response.end('hello');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/steal`;
  try {
    const other = await page.context().newPage();
    await other.goto(attackerUrl);
    // (The app page itself cannot even reach it: its CSP allows connections to its own origin only.)
    await expect.poll(() => seen.length).toBeGreaterThanOrEqual(1);
    const pageToken = await page.evaluate(() => sessionStorage.getItem('verdict.pageToken'));
    expect(pageToken).toBeTruthy();
    for (const request of seen) {
      expect(request).not.toContain('verdict_session');
      expect(request).not.toContain(launchSecret);
      expect(request).not.toContain(pageToken as string);
      expect(request.toLowerCase()).not.toContain('cookie');
    }
    await other.close();
  } finally {
    attacker.close();
  }

  // Replaying the printed URL in another browser opens nothing: the secret was good once.
  const replay = await browser.newContext();
  const replayPage = await replay.newPage();
  await replayPage.goto(printed);
  await expect(replayPage.getByTestId('app-shell')).toHaveCount(0);
  await replayPage.close();
  await replay.close();
  // A page of the host opened without the URL says what to do.
  const bare = await browser.newPage();
  await bare.goto(`http://127.0.0.1:${hostPort}/`);
  await expect(bare.getByTestId('not-launched')).toContainText('Open the link the web host printed');
  await bare.close();

  // A non-browser client forging the app's Origin gets nowhere without the page's token.
  const appOrigin = `http://127.0.0.1:${hostPort}`;
  expect(await tryConnect(hostPort, [], appOrigin)).toMatch(/403/);
  expect(await tryConnect(hostPort, [`verdict.launch.${launchSecret}`], appOrigin)).toMatch(/403/);
  expect(await tryConnect(hostPort, ['verdict.page.stolen-cookie-value'], appOrigin)).toMatch(/403/);

  // The rater's own page still works, and still after a reload.
  await page.reload();
  await expect(page.getByTestId('task')).toBeVisible();
});
