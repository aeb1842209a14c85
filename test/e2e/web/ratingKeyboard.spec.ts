import { expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/httpServer';
import { startServerProcess, startWebHostProcess, type RunningProcess } from '../../support/processes';
import { demoAccount, signIn, voteByKey } from './support';

/**
 * What a keyboard-first rater expects of the rating screen, as a new user
 * found it wanting: Enter and Space activate the focused control; digit
 * shortcuts work from a checkbox but never from a text field; each new task
 * starts at the top with focus on the page heading and a spoken "saved";
 * "?" lists the live shortcuts; the skip dialog asks for a reason.
 */
test.describe.configure({ mode: 'serial' });

let processes: RunningProcess[] = [];
let page: Page;
const shots = path.join('test-results', 'rating');

function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `verdict-e2e-keys-${name}-`));
}

async function taskId(): Promise<string | null> {
  return page.getByTestId('task').getAttribute('data-task-id');
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  const port = await freePort();
  const serverData = tempDir('server');
  const backendUrl = `http://127.0.0.1:${port}`;
  processes.push(await startServerProcess(port, serverData, ['--demo', '--min-active-ms', '0', '--gold-share', '0', '--repeat-share', '0']));
  const host = await startWebHostProcess(backendUrl, tempDir('client'));
  processes.push(host);
  // A small window, so a task is longer than the screen.
  page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  await page.goto(host.match[1] as string);
  const rater = demoAccount(serverData, 'rater1');
  await signIn(page, backendUrl, rater.email, rater.password);
  await expect(page.getByTestId('task')).toBeVisible();
  fs.mkdirSync(shots, { recursive: true });
});

test.afterAll(async () => {
  await page?.close();
  await Promise.all(processes.map((process) => process.stop('SIGKILL')));
  processes = [];
});

test('Enter on a focused button activates it: Guidelines opens, a vote button votes', async () => {
  await page.getByRole('button', { name: /Guidelines/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('guidelines')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('guidelines')).toBeHidden();

  const before = await taskId();
  await page.getByTestId('choose-tie').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('task')).not.toHaveAttribute('data-task-id', before ?? '');
});

test('Space on a focused vote button votes too', async () => {
  const before = await taskId();
  await page.getByTestId('choose-both_bad').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('task')).not.toHaveAttribute('data-task-id', before ?? '');
});

test('digit shortcuts work while a checkbox in Details has focus, never while typing a rationale', async () => {
  await page.locator('.details-panel summary').click();
  const checkbox = page.locator('.details-panel input[type="checkbox"]').first();
  await checkbox.focus();
  await voteByKey(page, 'Digit1');

  await page.locator('.details-panel').evaluate((details) => ((details as HTMLDetailsElement).open = true));
  const before = await taskId();
  await page.getByTestId('rationale').fill('');
  await page.getByTestId('rationale').press('Digit2');
  await expect(page.getByTestId('rationale')).toHaveValue('2');
  expect(await taskId()).toBe(before);
  await page.getByTestId('rationale').fill('');
  await page.getByTestId('rationale').blur();
});

test('the next task starts at the top, focus on its heading, and "Saved — next task" is announced', async () => {
  const scrollable = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 200);
  expect(scrollable, 'the task is longer than the window').toBe(true);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  await page.screenshot({ path: path.join(shots, 'before-vote-scrolled.png') });
  await voteByKey(page, 'Digit2');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
  await expect(page.getByTestId('vote-announcement')).toHaveText(/^Saved — next task/);
  await page.screenshot({ path: path.join(shots, 'after-vote-top.png') });
});

test('"?" opens a sheet of every shortcut from the live bindings; a remapped key shows remapped', async () => {
  await page.getByTestId('nav-settings').click();
  const skipRow = page.getByTestId('keymap').locator('tr', { hasText: 'Skip' });
  await skipRow.getByRole('button').click();
  await page.keyboard.press('KeyK');
  await page.getByTestId('nav-session').click();
  await expect(page.getByTestId('task')).toBeVisible();

  await page.keyboard.press('Shift+Slash');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.locator('tr[data-action="skip"] kbd')).toHaveText('K');
  await expect(sheet.locator('tr[data-action="tie"] kbd')).toHaveText('3');
  await expect(sheet.locator('tbody tr')).toHaveCount(9);
  await page.screenshot({ path: path.join(shots, 'shortcut-sheet.png') });
  const before = await taskId();
  await page.keyboard.press('Digit1'); // keys inside the sheet never vote
  expect(await taskId()).toBe(before);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('the skip dialog starts with no reason, Enter confirms once one is chosen, Escape cancels', async () => {
  await page.keyboard.press('KeyK');
  const dialog = page.getByTestId('skip-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('input[type="radio"]:checked')).toHaveCount(0);
  await expect(page.getByTestId('skip-confirm')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const before = await taskId();
  await page.keyboard.press('KeyK');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter'); // nothing chosen yet: nothing happens
  await expect(dialog).toBeVisible();
  await page.getByTestId('skip-reason-too_long').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('task')).not.toHaveAttribute('data-task-id', before ?? '');
});

test('the last vote and Undo stay in view; Undo works while the vote is unsent, and says why not after', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  const before = await taskId();
  await page.keyboard.press('Digit3');
  await expect(page.getByTestId('task')).not.toHaveAttribute('data-task-id', before ?? '');
  const last = page.getByTestId('last-vote');
  await expect(last).toContainText('Last vote: Tie');
  const box = await last.boundingBox();
  expect(box && box.y + box.height <= 600, 'the last vote is on screen without scrolling').toBe(true);
  // Within the undo window (the vote is still on this computer): Z brings the task back.
  await page.keyboard.press('KeyZ');
  await expect(page.getByTestId('task')).toHaveAttribute('data-task-id', before ?? '');

  await page.keyboard.press('Digit3');
  // After the undo, the line shows the previous (accepted) vote again: wait for this Tie to be the
  // last vote before waiting for it to be accepted, or Z would undo it while it is still unsent.
  await expect(page.getByTestId('task')).not.toHaveAttribute('data-task-id', before ?? '');
  await expect(last).toContainText('Last vote: Tie');
  await expect(last).toHaveAttribute('data-state', 'accepted', { timeout: 20_000 });
  await page.keyboard.press('KeyZ');
  await expect(page.getByTestId('undo-refused')).toContainText('already sent');
});
