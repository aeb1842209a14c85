import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RatersResponse } from '../../../../shared/protocol/supervisor';
import { setRendererApi } from '../../../../renderer/src/bridge';
import {
  createInlineEngine,
  setAnalysisEngine,
} from '../../../../renderer/src/features/supervisor/engine/analysisEngine';
import { SupervisorPage } from '../../../../renderer/src/features/supervisor/SupervisorPage';
import { initI18n } from '../../../../renderer/src/i18n';
import { useAuth } from '../../../../renderer/src/stores/auth';
import { resetSupervisor, useSupervisor } from '../../../../renderer/src/stores/supervisor';
import { fakeSupervisorApi, signedIn, sizeScrollBoxes } from './fakeSupervisor';
import { rater, teamVote, wireVote } from './fixtures';

/** Five raters on six items: four always agree, "odd" always disagrees with them. */
const ids = ['r1', 'r2', 'r3', 'r4', 'odd'];
const team: RatersResponse = {
  raters: ids.map((id) => rater(id, { votes: 6 }, id === 'odd' ? 'Odd One' : `Steady ${id}`)),
  pool: {
    votes: 30,
    raters: 5,
    items: 6,
    krippendorffAlphaNominal: 0.2,
    krippendorffAlphaOrdinal: 0.2,
    fleissKappa: 0.2,
    meanCohenKappa: 0.2,
  },
  computedAt: '2026-11-27T10:00:00.000Z',
};
const votes = ids.flatMap((raterId, r) =>
  [0, 1, 2, 3, 4, 5].map((item) =>
    wireVote(
      teamVote(raterId, `item-${item}`, raterId === 'odd' ? 'second' : 'first', ['Model A', 'Model B'], item * 5 + r),
    ),
  ),
);

async function openTab(tab: 'inbox' | 'pool') {
  const fake = fakeSupervisorApi(team, votes);
  useAuth.setState({ auth: signedIn('supervisor') });
  render(<SupervisorPage />);
  await screen.findByTestId('team-row-odd');
  await act(async () => {
    await useSupervisor.getState().load();
  });
  fireEvent.click(screen.getByTestId(`supervisor-tab-${tab}`));
  return fake;
}

beforeAll(async () => {
  await initI18n('en');
  sizeScrollBoxes();
});

beforeEach(() => {
  setAnalysisEngine(createInlineEngine());
  resetSupervisor();
});

afterEach(() => {
  setRendererApi(null);
  setAnalysisEngine(null);
  useAuth.setState({ auth: null });
});

describe('the disagreement inbox', () => {
  it("shows each item where a rater went against a strong consensus, with everyone's choice", async () => {
    await openTab('inbox');
    const card = await screen.findByTestId('inbox-card-item-0');
    expect(card.getAttribute('data-kind')).toBe('against_consensus');
    expect(within(card).getByText('4 for Model A, 1 for Model B, 0 no preference.')).toBeTruthy();
    const dissent = card.querySelector('[data-dissent="true"]') as HTMLElement;
    expect(within(dissent).getByText('Odd One')).toBeTruthy();
    expect(screen.getByTestId('inbox-summary').getAttribute('data-matching')).toBe('6');
  });

  it('finds an item from a pasted link', async () => {
    await openTab('inbox');
    await screen.findByTestId('inbox-card-item-0');
    fireEvent.change(screen.getByTestId('inbox-search'), { target: { value: 'verdict://item/item-3' } });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect(screen.getByTestId('inbox-summary').getAttribute('data-matching')).toBe('1');
    expect(screen.getByTestId('inbox-card-item-3')).toBeTruthy();
  });

  it('marks an item ambiguous with a note through main, and shows the mark on the card', async () => {
    const fake = await openTab('inbox');
    const card = await screen.findByTestId('inbox-card-item-2');
    fireEvent.click(within(card).getAllByText('Mark item ambiguous')[0]!);
    fireEvent.change(screen.getByTestId('note-input'), { target: { value: 'Both readings are fair.' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('note-submit'));
    });
    const call = fake.calls.find((c) => c.channel === 'supervisor.markVote');
    expect(call?.args).toMatchObject({ mark: 'ambiguous', note: 'Both readings are fair.' });
    expect(await within(screen.getByTestId('inbox-card-item-2')).findByTestId('mark-note-ambiguous')).toBeTruthy();
  });
});

describe('the pool view', () => {
  it('shows agreement per slice and the rater × rater heatmap with a text alternative and every pair as a table', async () => {
    await openTab('pool');
    expect(screen.getByTestId('pool-overall').querySelector('[data-metric="alphaNominal"]')?.textContent).toBe('0.200');
    expect(await screen.findByTestId('slice-language-en')).toBeTruthy();
    const heatmap = screen.getByTestId('agreement-heatmap');
    expect(heatmap.getAttribute('data-raters')).toBe('5');
    expect(heatmap.getAttribute('data-pairs')).toBe('10');
    const svg = heatmap.querySelector('svg[role="img"]')!;
    const caption = document.getElementById(svg.getAttribute('aria-labelledby')!)!;
    expect(caption.textContent).toMatch(/^Cohen's κ between the 5 raters who share the most items/);
    expect(within(heatmap).getAllByRole('row')).toHaveLength(11);
  });
});
