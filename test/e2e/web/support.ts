import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

export function demoAccount(serverDataDir: string, key: 'rater1' | 'rater2' | 'supervisor' | 'admin') {
  const file = JSON.parse(fs.readFileSync(path.join(serverDataDir, 'demo-accounts.json'), 'utf8')) as {
    accounts: Array<{ key: string; email: string; password: string; displayName: string }>;
  };
  const account = file.accounts.find((candidate) => candidate.key === key);
  if (!account) throw new Error(`no demo account ${key}`);
  return account;
}

export async function signIn(page: Page, serverUrl: string, email: string, password: string): Promise<void> {
  await page.getByTestId('signin-server').fill(serverUrl);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

/** Presses a key and waits until a different task is on screen. */
export async function voteByKey(page: Page, key: string): Promise<void> {
  const before = await page.getByTestId('task').getAttribute('data-task-id');
  await page.keyboard.press(key);
  await expect(page.getByTestId('task')).not.toHaveAttribute('data-task-id', before ?? '');
}
