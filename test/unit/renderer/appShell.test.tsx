import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BackendStatus } from '../../../shared/ipc/contract';
import { App } from '../../../renderer/src/App';
import { setRendererApi } from '../../../renderer/src/bridge';
import { changeUiLanguage, initI18n } from '../../../renderer/src/i18n';
import { useNavigation } from '../../../renderer/src/stores/navigation';
import { createFakeRendererApi } from '../../support/fakeRendererApi';

const down: BackendStatus = {
  url: 'http://127.0.0.1:8787',
  state: 'down',
  apiVersion: null,
  checkedAt: '2026-11-27T10:00:00.000Z',
  minActiveMs: null,
  detail: 'connect ECONNREFUSED',
};

function renderApp() {
  const fake = createFakeRendererApi({
    'app.getInfo': () => ({ name: 'Verdict', version: '4.5.6', host: 'web', platform: 'linux', systemLanguages: [], developerLocales: false }),
    'backend.getStatus': () => down,
    'prefs.setLanguage': (args) => ({ language: (args as { language: string }).language, keyBindings: {}, timing: { breakReminderMinutes: 50, idleCutoffSeconds: 60 } }),
    'auth.getState': () => ({ status: 'signed_out', serverUrl: null, account: null }),
    'session.getState': () => ({ task: null, upcoming: null, remaining: 0, earliestExpiry: null, expired: 0, recent: [] }),
    'sync.getStatus': () => ({ state: 'signed_out', pending: 0, lastSyncAt: null, lastError: null, nextRetryAt: null, rejected: [] }),
    'network.getProxy': () => ({ setting: { mode: 'system' }, configurable: false }),
    'updates.getStatus': () => ({ state: 'disabled', currentVersion: '4.5.6', availableVersion: null, checkedAt: null, detail: 'web host' }),
  });
  setRendererApi(fake.api);
  render(<App />);
  return fake;
}

beforeAll(async () => {
  await initI18n('en');
});

afterEach(async () => {
  setRendererApi(null);
  useNavigation.setState({ section: 'session' });
  await changeUiLanguage('en');
});

describe('the app shell', () => {
  it('shows the app version and the backend address and health from main', async () => {
    renderApp();
    expect(await screen.findByText('Verdict 4.5.6')).toBeTruthy();
    expect(screen.getAllByText('http://127.0.0.1:8787').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Offline').length).toBeGreaterThan(0);
  });

  it('updates the health the moment main pushes a change', async () => {
    const fake = renderApp();
    await screen.findAllByText('Offline');
    act(() => fake.emit('backend.status', { ...down, state: 'up', apiVersion: 1, detail: null }));
    expect(screen.getAllByText('Online').length).toBeGreaterThan(0);
  });

  it('navigates between the sections by button', async () => {
    renderApp();
    const headings: Record<string, string> = { Leaderboard: 'Leaderboard', Settings: 'Settings', Session: 'Sign in' };
    for (const [name, heading] of Object.entries(headings)) {
      fireEvent.click(screen.getByRole('button', { name }));
      expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
      expect(screen.getByRole('button', { name }).getAttribute('aria-current')).toBe('page');
    }
  });

  it('hides the Supervisor section from anyone who is not a supervisor', async () => {
    renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(screen.queryByRole('button', { name: 'Supervisor' })).toBeNull();
  });

  it('asks a signed-out rater to sign in, with the backend address filled in', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('');
  });

  it('switches to Arabic, turns the document right-to-left, and saves the choice in main', async () => {
    const fake = renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ar' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'الإعدادات' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(fake.calls).toContainEqual({ channel: 'prefs.setLanguage', args: { language: 'ar' } });
  });

  it('renders the pseudo-locale longer than English', async () => {
    renderApp();
    await changeUiLanguage('en-XA');
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toMatch(/^\[Šíĝñ íñ~+\]$/);
    expect(document.documentElement.dir).toBe('ltr');
  });
});
