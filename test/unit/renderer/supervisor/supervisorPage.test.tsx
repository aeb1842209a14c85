import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RaterReliability, RatersResponse } from '../../../../shared/protocol/supervisor';
import { setRendererApi } from '../../../../renderer/src/bridge';
import {
  createInlineEngine,
  setAnalysisEngine,
} from '../../../../renderer/src/features/supervisor/engine/analysisEngine';
import { SupervisorPage } from '../../../../renderer/src/features/supervisor/SupervisorPage';
import { NavBar } from '../../../../renderer/src/features/shell/NavBar';
import { initI18n } from '../../../../renderer/src/i18n';
import { useAuth } from '../../../../renderer/src/stores/auth';
import { resetSupervisor, useSupervisor } from '../../../../renderer/src/stores/supervisor';
import { fakeSupervisorApi, signedIn, sizeScrollBoxes } from './fakeSupervisor';
import { rater, teamVote, wireVote } from './fixtures';

/** How the defended ranking treats a rater (server: quality.reliability); a kept, typical rater unless changed. */
function reliability(changes: Partial<RaterReliability>): RaterReliability {
  const typical: RaterReliability = {
    accuracy: 0.8,
    weight: 0.6,
    relativeWeight: 1,
    decisive: 34,
    firstSideRate: 0.5,
    firstSideZ: 0,
    topModel: 'Model A',
    concentrationZ: 0.4,
    failed: [],
    downWeighted: false,
  };
  return { ...typical, ...changes };
}

const pool = {
  votes: 9,
  raters: 3,
  items: 3,
  krippendorffAlphaNominal: 0.29,
  krippendorffAlphaOrdinal: 0.28,
  fleissKappa: 0.3,
  meanCohenKappa: 0.27,
};
const team: RatersResponse = {
  raters: [
    rater('r-ana', { votes: 40, agreementCompared: 30, agreement: 0.9, tieRate: 0.1 }, 'Ana'),
    rater(
      'r-bo',
      {
        votes: 40,
        agreementCompared: 30,
        agreement: 0.4,
        tieRate: 0.2,
        reliability: reliability({ accuracy: 0.58, weight: 0.16, relativeWeight: 0.3, downWeighted: true }),
      },
      'Bo',
    ),
    rater(
      'r-cy',
      {
        votes: 40,
        agreementCompared: 30,
        agreement: 0.7,
        tieRate: 0.15,
        reliability: reliability({
          accuracy: null,
          weight: 0,
          relativeWeight: 0,
          firstSideRate: 1,
          firstSideZ: 5.8,
          failed: ['firstSide', 'concentration'],
          downWeighted: true,
        }),
      },
      'Cy',
    ),
  ],
  pool,
  computedAt: '2026-11-27T10:00:00.000Z',
};
const votes = ['r-ana', 'r-bo', 'r-cy'].flatMap((raterId, r) =>
  ['i1', 'i2', 'i3'].map((itemId, i) =>
    wireVote(teamVote(raterId, itemId, r === 1 ? 'second' : 'first', ['Model A', 'Model B'], i * 3 + r)),
  ),
);

function fakeServer(options: { forbidden?: boolean } = {}, raters: RatersResponse = team) {
  return fakeSupervisorApi(raters, votes, options);
}

/** The team plus a rater kept at a typical weight whose votes on one model are discounted as partisan. */
const teamWithPartisan: RatersResponse = {
  ...team,
  raters: [
    ...team.raters,
    rater(
      'r-di',
      {
        votes: 40,
        agreementCompared: 30,
        agreement: 0.8,
        tieRate: 0.1,
        reliability: reliability({
          partisan: { model: 'Model B', posterior: 0.65, favours: true },
          downWeighted: true,
        }),
      },
      'Di',
    ),
  ],
};

const supervisorCalls = (fake: ReturnType<typeof fakeServer>) =>
  fake.calls.filter((c) => c.channel.startsWith('supervisor.'));
const rowOrder = () => screen.getAllByTestId(/^team-row-/).map((row) => row.getAttribute('data-testid'));

beforeAll(async () => {
  await initI18n('en');
  sizeScrollBoxes();
});

beforeEach(() => {
  setAnalysisEngine(createInlineEngine());
  resetSupervisor();
  // Three raters: the worst third of the pool goes on watch.
  useSupervisor.setState({
    tab: 'team',
    tailShare: 0.34,
    table: { sortBy: 'status', direction: 'desc', status: 'all', search: '' },
  });
});

afterEach(() => {
  setRendererApi(null);
  setAnalysisEngine(null);
  useAuth.setState({ auth: null });
});

describe('who may open the console', () => {
  it('shows a rater "supervisors only" and asks the server for nothing', async () => {
    const fake = fakeServer();
    useAuth.setState({ auth: signedIn('rater') });
    render(<SupervisorPage />);
    expect(await screen.findByText(/^Supervisors only\./)).toBeTruthy();
    expect(supervisorCalls(fake)).toEqual([]);
  });

  it('shows "supervisors only" when the server refuses the account', async () => {
    fakeServer({ forbidden: true });
    useAuth.setState({ auth: signedIn('supervisor') });
    render(<SupervisorPage />);
    expect(await screen.findByText(/^Supervisors only\./)).toBeTruthy();
    expect(screen.queryByTestId('team-table')).toBeNull();
  });

  it('asks a signed-out user to sign in', () => {
    fakeServer();
    useAuth.setState({ auth: { status: 'signed_out', serverUrl: null, account: null } });
    render(<SupervisorPage />);
    expect(screen.getByText('Sign in with a supervisor account to review your team.')).toBeTruthy();
  });

  it('hides the Supervisor entry in the navigation from raters only', () => {
    useAuth.setState({ auth: signedIn('rater') });
    const { rerender } = render(<NavBar />);
    expect(screen.queryByTestId('nav-supervisor')).toBeNull();
    expect(screen.getByTestId('nav-leaderboard')).toBeTruthy();
    act(() => useAuth.setState({ auth: signedIn('admin') }));
    rerender(<NavBar />);
    expect(screen.getByTestId('nav-supervisor')).toBeTruthy();
  });
});

describe('the team table', () => {
  async function openConsole() {
    const fake = fakeServer();
    useAuth.setState({ auth: signedIn('supervisor') });
    render(<SupervisorPage />);
    await screen.findByTestId('team-row-r-bo');
    await act(async () => {
      await useSupervisor.getState().load();
    });
    return fake;
  }

  it("lists every rater with the server's numbers and puts the pool's weakest agreement on watch", async () => {
    await openConsole();
    expect(screen.getByTestId('team-summary').getAttribute('data-raters')).toBe('3');
    const bo = screen.getByTestId('team-row-r-bo');
    expect(within(bo).getByText('Watch')).toBeTruthy();
    expect(bo.querySelector('[data-metric="agreement"]')?.getAttribute('data-value')).toBe('0.4');
    expect(within(bo).getByText('40%')).toBeTruthy();
    expect(within(screen.getByTestId('team-row-r-ana')).getByText('OK')).toBeTruthy();
  });

  it('sorts by a column, then the other way, and says so to assistive technology', async () => {
    await openConsole();
    fireEvent.click(screen.getByTestId('sort-agreement'));
    expect(rowOrder()).toEqual(['team-row-r-ana', 'team-row-r-cy', 'team-row-r-bo']);
    expect(screen.getByTestId('sort-agreement').closest('[role="columnheader"]')?.getAttribute('aria-sort')).toBe(
      'descending',
    );
    fireEvent.click(screen.getByTestId('sort-agreement'));
    expect(rowOrder()).toEqual(['team-row-r-bo', 'team-row-r-cy', 'team-row-r-ana']);
  });

  it('filters by status and searches by name or id', async () => {
    await openConsole();
    fireEvent.change(screen.getByTestId('team-status-filter'), { target: { value: 'watch' } });
    expect(rowOrder()).toEqual(['team-row-r-bo']);
    fireEvent.change(screen.getByTestId('team-status-filter'), { target: { value: 'all' } });
    fireEvent.change(screen.getByTestId('team-search'), { target: { value: 'cy' } });
    expect(rowOrder()).toEqual(['team-row-r-cy']);
  });

  it('opens a rater, flags them with a note through main, and shows them flagged', async () => {
    const fake = await openConsole();
    fireEvent.click(screen.getByTestId('open-r-cy'));
    expect(await screen.findByTestId('rater-detail')).toBeTruthy();
    expect(await screen.findByTestId('rater-votes')).toBeTruthy();
    fireEvent.click(screen.getByTestId('flag-rater'));
    fireEvent.change(screen.getByTestId('note-input'), { target: { value: '  Rushed through the batch.  ' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('note-submit'));
    });
    expect(fake.calls).toContainEqual({
      channel: 'supervisor.flag',
      args: { raterId: 'r-cy', note: 'Rushed through the batch.' },
    });
    expect(await screen.findByTestId('unflag-rater')).toBeTruthy();
    expect(screen.getByTestId('rater-detail').querySelector('.rater-detail__header [data-status]')?.textContent).toBe(
      'Flagged',
    );
    expect(await screen.findByText('Rushed through the batch.')).toBeTruthy();
  });
});

describe('how the defended ranking treats a rater', () => {
  it('says which screens exclude a rater, or their weight against the typical one and whether that is down-weighted', async () => {
    fakeServer({}, teamWithPartisan);
    useAuth.setState({ auth: signedIn('supervisor') });
    render(<SupervisorPage />);
    await screen.findByTestId('team-row-r-cy');
    const reliabilityOf = async (id: string) => {
      fireEvent.click(screen.getByTestId(`open-${id}`));
      const detail = await screen.findByTestId('rater-detail');
      const fact = detail.querySelector('[data-metric="reliability"]');
      const text = [fact?.textContent, fact?.getAttribute('data-down-weighted')];
      fireEvent.click(within(detail).getByText('Back to the team'));
      await screen.findByTestId(`team-row-${id}`);
      return text;
    };
    expect(await reliabilityOf('r-cy')).toEqual([
      'Excluded from the ranking by: Position bias (first side) and Concentration on one model',
      'true',
    ]);
    expect(await reliabilityOf('r-bo')).toEqual(['30% of the typical weight (η = 0.58) · down-weighted', 'true']);
    expect(await reliabilityOf('r-ana')).toEqual(['—', 'false']);
    // Kept at a typical weight, but their votes on one model are discounted as part of a partisan group.
    expect(await reliabilityOf('r-di')).toEqual([
      '100% of the typical weight (η = 0.80) · votes on Model B count 35%: likely one of a group that picks it more often than its strength explains',
      'true',
    ]);
    // The team table shows the same at a glance: weight against the typical rater, marked when down-weighted.
    const cell = (id: string) => screen.getByTestId(`team-row-${id}`).querySelector('[data-metric="reliability"]');
    expect(cell('r-bo')?.getAttribute('data-value')).toBe('0.3');
    expect(cell('r-bo')?.textContent).toBe('30%down-weighted');
    expect(cell('r-cy')?.getAttribute('data-value')).toBe('0');
    expect(cell('r-ana')?.getAttribute('data-value')).toBe('');
  });
});

describe('the views', () => {
  it('moves between tabs with the arrow keys and shows the what-if board once the votes are in', async () => {
    fakeServer();
    useAuth.setState({ auth: signedIn('supervisor') });
    render(<SupervisorPage />);
    await screen.findByTestId('team-row-r-bo');
    await act(async () => {
      await useSupervisor.getState().load();
    });
    const team = screen.getByTestId('supervisor-tab-team');
    team.focus();
    fireEvent.keyDown(team, { key: 'End' });
    expect(screen.getByTestId('supervisor-tab-whatif').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('supervisor-tab-whatif'));
    const summary = await screen.findByTestId('whatif-summary');
    expect(summary.getAttribute('data-excluded')).toBe('0');
    expect(screen.getByTestId('whatif-Model A')).toBeTruthy();
    fireEvent.keyDown(screen.getByTestId('supervisor-tab-whatif'), { key: 'ArrowRight' });
    expect(screen.getByTestId('supervisor-tab-team').getAttribute('aria-selected')).toBe('true');
  });
});
