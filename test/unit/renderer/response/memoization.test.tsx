import { act, render } from '@testing-library/react';
import Markdown from 'react-markdown';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ResponseView } from '../../../../renderer/src/features/session/response';
import { splitBlocks } from '../../../../renderer/src/features/session/response/splitBlocks';
import { initI18n } from '../../../../renderer/src/i18n';
import { longResponse } from './longResponse';
import { settled } from './support';

// Count every markdown parse: react-markdown parses each time its component renders.
vi.mock('react-markdown', async (importOriginal) => {
  const actual = await importOriginal<{ default: typeof Markdown }>();
  return { ...actual, default: vi.fn(actual.default) };
});
const parses = vi.mocked(Markdown);

let bump: () => void = () => undefined;

function Screen({ content }: { content: string }) {
  const [ticks, setTicks] = useState(0);
  bump = () => setTicks((value) => value + 1);
  return (
    <div data-ticks={ticks}>
      <ResponseView content={content} />
    </div>
  );
}

beforeAll(async () => {
  await initI18n('en');
});

describe('memoization', () => {
  it('parses each block exactly once, through progressive rendering and parent re-renders', async () => {
    const long = longResponse(200);
    parses.mockClear();
    const { container } = render(<Screen content={long.source} />);
    await settled(container);
    const sources = parses.mock.calls.map(([options]) => options.children);
    expect(sources).toEqual(splitBlocks(long.source));

    parses.mockClear();
    for (let tick = 0; tick < 3; tick += 1) {
      act(() => bump());
    }
    expect(container.querySelector('[data-ticks="3"]')).toBeTruthy();
    expect(parses).not.toHaveBeenCalled();
  });
});
