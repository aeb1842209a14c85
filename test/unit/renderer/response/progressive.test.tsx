import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ResponseView } from '../../../../renderer/src/features/session/response';
import { DEFAULT_BUDGET } from '../../../../renderer/src/features/session/response/chunkBlocks';
import { initI18n } from '../../../../renderer/src/i18n';
import { longResponse } from './longResponse';
import { settled } from './support';

beforeAll(async () => {
  await initI18n('en');
});

afterEach(() => {
  vi.useRealTimers();
});

const busy = (container: HTMLElement) =>
  container.querySelector('[aria-busy="true"]')
    ? 'true'
    : container.querySelector('.response')?.getAttribute('aria-busy');
const chunkCount = (container: HTMLElement) => container.querySelectorAll('.response__chunk').length;

/** Lets the idle-time scheduler run one step at a time until rendering is done. */
function finishRendering(container: HTMLElement): number {
  let steps = 0;
  while (busy(container) === 'true' && steps < 1_000) {
    act(() => {
      vi.advanceTimersByTime(20);
    });
    steps += 1;
  }
  return steps;
}

describe('rendering a 20,000-word response progressively', () => {
  it('renders only a bounded first screenful synchronously', () => {
    vi.useFakeTimers();
    const long = longResponse();
    const { container } = render(<ResponseView content={long.source} />);
    const paragraphs = container.querySelectorAll('p[dir="auto"]').length;
    expect(paragraphs).toBeGreaterThan(0);
    expect(paragraphs).toBeLessThanOrEqual(DEFAULT_BUDGET.firstBlocks);
    expect((container.textContent ?? '').length).toBeLessThanOrEqual(DEFAULT_BUDGET.firstChars);
    expect(chunkCount(container)).toBe(1);
    expect(busy(container)).toBe('true');
    expect(screen.getByText('Rendering the rest of the response…')).toBeTruthy();
  });

  it('adds one chunk per idle step and ends with every word on screen', () => {
    vi.useFakeTimers();
    const long = longResponse();
    const { container } = render(<ResponseView content={long.source} />);
    act(() => {
      vi.advanceTimersByTime(20);
    });
    expect(chunkCount(container)).toBe(2);

    const steps = finishRendering(container);
    expect(steps).toBeGreaterThan(5);
    expect(busy(container)).toBe('false');
    expect(screen.queryByText('Rendering the rest of the response…')).toBeNull();
    const shown = Array.from(container.querySelectorAll('p')).map((p) => p.textContent?.split(' ')[0]);
    expect(shown).toEqual(Array.from({ length: long.paragraphs }, (_, index) => `P${index}`));
    const words = Array.from(container.querySelectorAll('p')).reduce(
      (sum, p) => sum + (p.textContent ?? '').split(' ').length,
      0,
    );
    expect(words).toBe(long.words);
    expect(container.querySelectorAll('h2')).toHaveLength(20);
    expect(container.querySelectorAll('pre code.language-js')).toHaveLength(8);
  });

  it('finishes on its own with real timers', async () => {
    const long = longResponse();
    const { container } = render(<ResponseView content={long.source} />);
    await settled(container);
    expect(container.querySelectorAll('p')).toHaveLength(long.paragraphs);
  });

  it('defers a huge first block instead of blocking the first paint', () => {
    vi.useFakeTimers();
    const rows = Array.from({ length: 400 }, (_, row) => `| ${row} | value ${row} |`).join('\n');
    const { container } = render(<ResponseView content={`| n | value |\n| - | - |\n${rows}\n\nAfter the table.`} />);
    expect(container.querySelector('table')).toBeNull();
    expect(screen.getByText('Rendering the rest of the response…')).toBeTruthy();
    finishRendering(container);
    expect(container.querySelectorAll('tbody tr')).toHaveLength(400);
    expect(container.textContent).toContain('After the table.');
  });

  it('fills a big table in one <table>, a group of rows at a time', () => {
    vi.useFakeTimers();
    const header = `| ${Array.from({ length: 40 }, (_, index) => `c${index}`).join(' | ')} |\n|${' - |'.repeat(40)}`;
    const rows = Array.from({ length: 300 }, (_, row) => `| r${row} |${' x |'.repeat(39)}`).join('\n');
    const { container } = render(<ResponseView content={`Intro.\n\n${header}\n${rows}`} />);
    act(() => {
      vi.advanceTimersByTime(20);
    });
    const region = screen.getByRole('region', { name: 'Table (scrolls sideways)' });
    expect(region.getAttribute('aria-busy')).toBe('true');
    const firstRows = container.querySelectorAll('tbody tr').length;
    expect(firstRows).toBeGreaterThan(0);
    expect(firstRows).toBeLessThan(300);

    finishRendering(container);
    expect(region.getAttribute('aria-busy')).toBe('false');
    expect(container.querySelectorAll('table')).toHaveLength(1);
    expect(container.querySelectorAll('thead tr')).toHaveLength(1);
    const firstColumn = Array.from(container.querySelectorAll('tbody tr td:first-child'), (cell) => cell.textContent);
    expect(firstColumn).toEqual(Array.from({ length: 300 }, (_, row) => `r${row}`));
  });

  it('starts again from the top when the content changes', () => {
    vi.useFakeTimers();
    const first = longResponse(100);
    const { container, rerender } = render(<ResponseView content={first.source} />);
    finishRendering(container);
    rerender(<ResponseView content={'A **new** response.'} />);
    expect(container.textContent).toBe('A new response.');
    expect(busy(container)).toBe('false');
  });
});
