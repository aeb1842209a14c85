import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PublicTask, SessionState } from '../../../../shared/ipc/contract';
import { setRendererApi } from '../../../../renderer/src/bridge';
import { ComparisonScreen } from '../../../../renderer/src/features/session/ComparisonScreen';
import { changeUiLanguage, initI18n } from '../../../../renderer/src/i18n';
import { useBackendStatus } from '../../../../renderer/src/stores/backendStatus';
import { startSessionSync, useSession } from '../../../../renderer/src/stores/session';
import { createFakeRendererApi } from '../../../support/fakeRendererApi';

function task(taskId: string, rationale: 'off' | 'optional' | 'required' = 'optional'): PublicTask {
  return {
    taskId,
    language: 'en',
    category: 'writing',
    conversation: [{ role: 'user', content: `Prompt of ${taskId}` }],
    responses: [
      { handle: `${taskId}-a`, content: `First answer of ${taskId}` },
      { handle: `${taskId}-b`, content: `Second answer of ${taskId}` },
    ],
    leaseExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    criteria: { criteria: ['correctness'], reasonTags: ['refusal'], rationale },
  };
}

function state(current: PublicTask | null, upcoming: PublicTask | null = null, remaining = 5): SessionState {
  return { task: current, upcoming, remaining, earliestExpiry: current?.leaseExpiresAt ?? null, expired: 0, recent: [] };
}

async function renderScreen(first: PublicTask | null) {
  const votes: unknown[] = [];
  const queue = [first, task('t2'), task('t3')];
  const fake = createFakeRendererApi({
    'session.getState': () => state(queue[0] ?? null, queue[1] ?? null),
    'session.vote': (args) => {
      votes.push(args);
      queue.shift();
      return { voteId: `v${votes.length}`, state: state(queue[0] ?? null, queue[1] ?? null) };
    },
    'session.skip': () => {
      queue.shift();
      return state(queue[0] ?? null, queue[1] ?? null);
    },
  });
  setRendererApi(fake.api);
  await startSessionSync();
  render(<ComparisonScreen />);
  return { votes, fake };
}

beforeAll(async () => {
  await initI18n('en');
});

beforeEach(() => {
  // A server without a minimum time on task: these tests are about keys, not the hold (voteHold.spec.ts).
  useBackendStatus.setState({ status: { url: 'http://127.0.0.1:8787', state: 'up', apiVersion: 1, checkedAt: null, detail: null, minActiveMs: 0 } });
});

afterEach(async () => {
  setRendererApi(null);
  useSession.setState({ session: null, doneThisSession: 0, lastError: null });
  await changeUiLanguage('en');
});

describe('the comparison screen', () => {
  it('renders without a session yet (main still answering) and without looping', async () => {
    setRendererApi(createFakeRendererApi({}).api);
    render(<ComparisonScreen />);
    expect(screen.getByTestId('empty-queue')).toBeTruthy();
  });

  it('labels the responses first and second, never left and right', async () => {
    await renderScreen(task('t1'));
    expect(await screen.findByRole('heading', { name: 'First response' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Second response' })).toBeTruthy();
  });

  it('prepares the next task hidden, so a vote can reveal it at once', async () => {
    await renderScreen(task('t1'));
    await screen.findByText('First answer of t1');
    expect(screen.getByTestId('upcoming-task').hidden).toBe(true);
    expect(screen.getByTestId('upcoming-task').textContent).toContain('First answer of t2');
  });

  it('votes with one key and moves to the next task at once', async () => {
    const { votes } = await renderScreen(task('t1'));
    await screen.findByText('First answer of t1');
    fireEvent.keyDown(window, { code: 'Digit1' });
    await waitFor(() => expect(screen.getByTestId('task').getAttribute('data-task-id')).toBe('t2'));
    expect(votes).toEqual([expect.objectContaining({ taskId: 't1', choice: 'first', activeMs: expect.any(Number), shownAt: expect.any(String) })]);
    expect(screen.getByTestId('done-count').textContent).toBe('1 vote');
  });

  it('never votes twice for a held key', async () => {
    const { votes } = await renderScreen(task('t1'));
    await screen.findByText('First answer of t1');
    fireEvent.keyDown(window, { code: 'Digit2', repeat: true });
    expect(votes).toEqual([]);
  });

  it('does not vote while the rater types in the rationale', async () => {
    const { votes } = await renderScreen(task('t1'));
    await screen.findByText('First answer of t1');
    fireEvent.keyDown(screen.getByTestId('rationale'), { code: 'Digit1' });
    expect(votes).toEqual([]);
  });

  it('in Arabic, the right-hand key picks the first response, which sits on the right', async () => {
    await changeUiLanguage('ar');
    const { votes } = await renderScreen(task('t1'));
    await screen.findByText('First answer of t1');
    fireEvent.keyDown(window, { code: 'Digit2' });
    await waitFor(() => expect(votes).toEqual([expect.objectContaining({ choice: 'first' })]));
    expect(screen.getByTestId('choose-first').textContent).toContain('2');
    expect(screen.getByTestId('choose-second').textContent).toContain('1');
  });

  it('asks for a rationale first when the task set requires one', async () => {
    const { votes } = await renderScreen(task('t1', 'required'));
    await screen.findByText('First answer of t1');
    fireEvent.keyDown(window, { code: 'Digit1' });
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(votes).toEqual([]);
    fireEvent.change(screen.getByTestId('rationale'), { target: { value: 'More accurate.' } });
    fireEvent.click(screen.getByTestId('choose-first'));
    await waitFor(() => expect(votes).toEqual([expect.objectContaining({ choice: 'first', rationale: 'More accurate.' })]));
  });

  it('warns before skipping only when there is input to lose', async () => {
    await renderScreen(task('t1'));
    await screen.findByText('First answer of t1');
    fireEvent.keyDown(window, { code: 'KeyS' });
    expect(screen.getByTestId('skip-dialog').textContent).not.toContain('discards');
    fireEvent.click(screen.getByText('Keep working'));
    fireEvent.change(screen.getByTestId('rationale'), { target: { value: 'half a thought' } });
    act(() => void fireEvent.click(screen.getByTestId('skip-button')));
    expect(screen.getByTestId('skip-dialog').textContent).toContain('discards');
    fireEvent.click(screen.getByTestId('skip-confirm'));
    await screen.findByText('First answer of t2');
  });
});
