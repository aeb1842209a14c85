import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthState } from '../../../../shared/ipc/contract';
import type { OwnVotes, SegmentCatalog, SliceAnswer } from '../../../../shared/ipc/features/leaderboardContract';
import type { SegmentFilter } from '../../../../shared/protocol/leaderboard';
import { aggregateBattles, rankModels, simulateBattles } from '../../../../shared/ranking';
import { setRendererApi } from '../../../../renderer/src/bridge';
import { LeaderboardPage } from '../../../../renderer/src/features/leaderboard/LeaderboardPage';
import { setRankingWorkerFactory } from '../../../../renderer/src/features/leaderboard/preview/previewController';
import { EMPTY_RESULTS, usePreviewResults } from '../../../../renderer/src/features/leaderboard/preview/previewResults';
import type { WorkerLike } from '../../../../renderer/src/features/leaderboard/preview/rankingClient';
import { createWorkerRuntime } from '../../../../renderer/src/features/leaderboard/preview/workerRuntime';
import type { WorkerRequest, WorkerResponse } from '../../../../renderer/src/features/leaderboard/preview/workerProtocol';
import { changeUiLanguage, initI18n } from '../../../../renderer/src/i18n';
import { useAuth } from '../../../../renderer/src/stores/auth';
import { useLeaderboard } from '../../../../renderer/src/stores/leaderboard';
import { createFakeRendererApi } from '../../../support/fakeRendererApi';

/** The real worker runtime on this thread (jsdom has no Worker), answering asynchronously like a worker. */
let posted = 0;

class InlineWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  private readonly runtime = createWorkerRuntime((response: WorkerResponse) =>
    queueMicrotask(() => this.onmessage?.({ data: response } as MessageEvent<WorkerResponse>)),
  );
  postMessage(request: WorkerRequest): void {
    posted += 1;
    void this.runtime(request);
  }
  terminate(): void {}
}

const battles = simulateBattles({ models: 6, votes: 2000, seed: 3 }).battles;
const counts = aggregateBattles(battles);
/** The US slice: the first 800 votes (by 20 of the 40 raters); the rest of the board is the other 1,200. */
const usCounts = aggregateBattles(battles.slice(0, 800));
const expected = rankModels(counts).models;
const signedIn: AuthState = { status: 'signed_in', serverUrl: 'http://127.0.0.1:8787', account: null };

function ready(filter: SegmentFilter, changes: Partial<SliceAnswer & { state: 'ready' }> = {}): SliceAnswer {
  return {
    state: 'ready',
    filter,
    source: 'server',
    shortfall: null,
    detail: null,
    snapshot: {
      filter,
      serverUrl: 'http://127.0.0.1:8787',
      fetchedAt: new Date().toISOString(),
      computedAt: new Date().toISOString(),
      serverVersion: 2000,
      minRaters: 5,
      raters: 40,
      votes: 2000,
      withheld: false,
      counts,
      ownSeqAtFetch: 0,
    },
    ...changes,
  };
}

/** As the server answers a withheld slice: no counts, and no raters or votes either. */
const withheld = (filter: SegmentFilter): SliceAnswer => {
  const answer = ready(filter) as SliceAnswer & { state: 'ready' };
  const { raters: _raters, votes: _votes, ...snapshot } = answer.snapshot;
  return { ...answer, snapshot: { ...snapshot, withheld: true, counts: { models: [], rows: [] } } };
};

const catalog: SegmentCatalog = {
  source: 'server',
  fetchedAt: new Date().toISOString(),
  minRaters: 5,
  fields: {
    language: [{ value: 'en', raters: 40, votes: 1997, withheld: false }],
    country: [
      { value: 'DE', withheld: true },
      { value: 'US', raters: 39, votes: 1997, withheld: false },
    ],
    age_band: [{ value: '25-34', raters: 12, votes: 700, withheld: false }],
    education: [],
    category: [],
  },
};

const own: OwnVotes = { revision: 1, models: [], segments: [], battles: [], pending: 3, unrevealed: 0, cantRead: 0, unattributed: 0 };

function renderPage(slice: (filter: SegmentFilter) => SliceAnswer = (filter) => (filter.country === 'DE' ? withheld(filter) : ready(filter))) {
  const fake = createFakeRendererApi({
    'leaderboard.getSlice': (args) => slice((args as { filter: SegmentFilter }).filter),
    'leaderboard.getCatalog': () => catalog,
    'leaderboard.getOwnVotes': () => structuredClone(own),
  });
  setRendererApi(fake.api);
  useAuth.setState({ auth: signedIn });
  render(<LeaderboardPage />);
  return fake;
}

async function tableRows(): Promise<HTMLElement[]> {
  const table = await screen.findByTestId('ranking-table');
  return within(table).getAllByRole('row').filter((row) => row.hasAttribute('data-model'));
}

beforeAll(async () => {
  await initI18n('en');
});

beforeEach(() => {
  setRankingWorkerFactory(() => new InlineWorker());
});

afterEach(async () => {
  setRendererApi(null);
  setRankingWorkerFactory(null);
  useLeaderboard.setState({ filter: {}, compareMode: 'off', compareFilter: {}, method: 'sandwich', primary: null, secondary: null, catalog: null, own: null });
  usePreviewResults.setState(EMPTY_RESULTS);
  useAuth.setState({ auth: null });
  await changeUiLanguage('en');
});

describe('the Leaderboard section', () => {
  it('ranks the slice in the worker and shows it by rank, then rating, with its source and size', async () => {
    renderPage();
    const rows = await tableRows();
    const byRank = [...expected].sort((x, y) => x.rank - y.rank || y.rating - x.rating);
    expect(rows.map((row) => row.getAttribute('data-model'))).toEqual(byRank.map((m) => m.model));
    expect(screen.getByTestId('snapshot-status').textContent).toMatch(/^Live from 127\.0\.0\.1:8787, fetched now/);
    expect(screen.getByTestId('slice-summary').textContent).toBe('40 raters · 2,000 votes');
    expect(await screen.findByTestId('ci-plot-svg')).toBeTruthy();
    expect(screen.getByTestId('contribution-counts').textContent).toContain('3 votes wait for the server');
  });

  it('shows the privacy message instead of numbers for a slice under the rater minimum', async () => {
    const fake = renderPage();
    await tableRows();
    const country = screen.getByTestId('filter-country') as HTMLSelectElement;
    expect([...country.options].map((option) => option.textContent)).toEqual(['All', 'Germany (withheld for privacy)', 'United States (1,997 votes)']);
    fireEvent.change(country, { target: { value: 'DE' } });
    const notice = (await screen.findByTestId('privacy-notice')).textContent ?? '';
    expect(notice).toContain('at least 5 distinct raters');
    expect(notice).not.toMatch(/\b1\b/);
    expect(screen.queryByTestId('ranking-table')).toBeNull();
    // Nor anywhere else on the page: the server said nothing, and the summary adds nothing.
    expect(screen.queryByTestId('slice-summary')).toBeNull();
    expect(fake.calls.filter((c) => c.channel === 'leaderboard.getSlice').map((c) => c.args)).toContainEqual({ filter: { country: 'DE' }, refresh: false });
  });

  it('combines at most two fields, as the server releases no finer slice, and says why', async () => {
    const fake = renderPage();
    await tableRows();
    fireEvent.change(screen.getByTestId('filter-language'), { target: { value: 'en' } });
    expect(screen.queryByTestId('filter-limit')).toBeNull();
    fireEvent.change(screen.getByTestId('filter-country'), { target: { value: 'US' } });
    expect((await screen.findByTestId('filter-limit')).textContent).toMatch(/at most two fields/);
    expect((screen.getByTestId('filter-age_band') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByTestId('filter-country') as HTMLSelectElement).disabled).toBe(false);
    fireEvent.change(screen.getByTestId('filter-language'), { target: { value: '' } });
    await waitFor(() => expect((screen.getByTestId('filter-age_band') as HTMLSelectElement).disabled).toBe(false));
    const asked = fake.calls.filter((c) => c.channel === 'leaderboard.getSlice').map((c) => (c.args as { filter: SegmentFilter }).filter);
    for (const filter of asked) expect(Object.keys(filter).length).toBeLessThanOrEqual(2);
  });

  it('compares a slice with every vote outside it, rank by rank', async () => {
    const us = (filter: SegmentFilter): SliceAnswer => {
      const answer = ready(filter) as SliceAnswer & { state: 'ready' };
      return { ...answer, snapshot: { ...answer.snapshot, counts: usCounts, raters: 20, votes: 800 } };
    };
    renderPage((filter) => (filter.country === 'US' ? us(filter) : ready(filter)));
    await tableRows();
    expect((screen.getByTestId('compare-rest') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('filter-country'), { target: { value: 'US' } });
    await waitFor(() => expect((screen.getByTestId('compare-rest') as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('compare-rest'));
    const table = await screen.findByTestId('compare-table');
    expect(table.querySelector('caption')?.textContent).toBe('Country: United States compared with everything outside Country: United States');
    const rest = rankModels(aggregateBattles(battles.slice(800))).models;
    const shown = await waitFor(() => {
      const rows = within(table).getAllByRole('row').filter((row) => row.hasAttribute('data-model'));
      expect(rows).toHaveLength(6);
      return rows;
    });
    const here = rankModels(usCounts).models;
    for (const row of shown) {
      const model = row.getAttribute('data-model');
      const gain = here.find((m) => m.model === model)!.rank - rest.find((m) => m.model === model)!.rank;
      expect(row.getAttribute('data-gain')).toBe(String(gain));
    }
    fireEvent.change(screen.getByTestId('filter-country'), { target: { value: '' } });
    await waitFor(() => expect(screen.queryByTestId('compare-table')).toBeNull());
    expect((screen.getByTestId('compare-off') as HTMLInputElement).checked).toBe(true);
  });

  it('says when it shows the cached snapshot because the server cannot be reached', async () => {
    renderPage((filter) => ready(filter, { source: 'cache', shortfall: 'offline', detail: 'connect ECONNREFUSED' }));
    await tableRows();
    const status = screen.getByTestId('snapshot-status');
    expect(status.textContent).toMatch(/^Offline: showing the cached snapshot from now\./);
    expect(status.getAttribute('title')).toBe('connect ECONNREFUSED');
  });

  it('sorts by a column and moves between rows with the keyboard', async () => {
    renderPage();
    await tableRows();
    fireEvent.click(screen.getByTestId('sort-model'));
    const byName = (await tableRows()).map((row) => row.getAttribute('data-model'));
    expect(byName).toEqual([...expected.map((m) => m.model)].sort());
    expect(screen.getByTestId('sort-model').closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    const rows = await tableRows();
    rows[0]!.focus();
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(rows[1]!, { key: 'End' });
    expect(document.activeElement).toBe(rows[rows.length - 1]);
    expect(rows.filter((row) => row.tabIndex === 0)).toHaveLength(1);
  });

  it('fetches the own votes again when main says they changed, and re-ranks only if the battles changed', async () => {
    const fake = renderPage();
    await tableRows();
    await waitFor(() => expect(usePreviewResults.getState().secondaryPending).toBe(false));
    const before = fake.calls.filter((c) => c.channel === 'leaderboard.getOwnVotes').length;
    const jobs = posted;
    act(() => fake.emit('leaderboard.ownVotes', { revision: 2, battles: 0, pending: 2 }));
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'leaderboard.getOwnVotes').length).toBe(before + 1));
    await waitFor(() => expect(useLeaderboard.getState().own?.pending).toBe(3));
    expect(posted).toBe(jobs);
  });

  it('asks a signed-out rater to sign in, and fetches nothing', async () => {
    const fake = createFakeRendererApi({});
    setRendererApi(fake.api);
    useAuth.setState({ auth: { status: 'signed_out', serverUrl: null, account: null } });
    render(<LeaderboardPage />);
    expect(screen.getByTestId('leaderboard-signin').textContent).toContain('Sign in to see the leaderboard');
    expect(fake.calls).toHaveLength(0);
  });

  it('speaks Arabic with its plural forms', async () => {
    await changeUiLanguage('ar');
    renderPage();
    await tableRows();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('لوحة الترتيب');
    expect(screen.getByTestId('slice-summary').textContent).toMatch(/مقيّمًا/);
    expect(screen.getByTestId('contribution-counts').textContent).toContain('أصوات تنتظر الخادم');
  });
});
