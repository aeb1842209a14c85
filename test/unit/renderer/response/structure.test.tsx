import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setRendererApi } from '../../../../renderer/src/bridge';
import { ResponseView } from '../../../../renderer/src/features/session/response';
import { initI18n } from '../../../../renderer/src/i18n';
import { allElements, fakeShell, renderSettled } from './support';

beforeAll(async () => {
  await initI18n('en');
});

afterEach(() => setRendererApi(null));

const sample = `# Title

## Subtitle

### Third

#### Fourth

##### Fifth

###### Sixth

A paragraph with **bold**, *emphasis*, ~~strike~~ and \`inline code\`.

> A quote with العربية inside.

- one
- two

1. first
2. second

| Left | Centre | Right | Plain |
| :--- | :---: | ---: | --- |
| a | b | c | d |

\`\`\`python
print("hi")
\`\`\`

- [x] done
- [ ] to do
`;

describe('the structure of a rendered response', () => {
  it('gives every text block dir="auto"', () => {
    const { container } = render(<ResponseView content={sample} />);
    const blocks = container.querySelectorAll('p, li, ul, ol, blockquote, h1, h2, h3, h4, h5, h6, td, th, table');
    expect(blocks.length).toBeGreaterThan(20);
    for (const block of blocks) expect(block.getAttribute('dir'), block.outerHTML).toBe('auto');
  });

  it('keeps code blocks and inline code left-to-right', () => {
    const { container } = render(<ResponseView content={sample} />);
    expect(container.querySelector('pre')?.getAttribute('dir')).toBe('ltr');
    for (const code of container.querySelectorAll('code')) expect(code.getAttribute('dir')).toBe('ltr');
    expect(container.querySelector('pre code.language-python .hljs-built_in')?.textContent).toBe('print');
  });

  it('puts every table in its own focusable, labelled scroll region', () => {
    render(<ResponseView content={sample} />);
    const region = screen.getByRole('region', { name: 'Table (scrolls sideways)' });
    expect(region.classList.contains('response-table')).toBe(true);
    expect(region.tabIndex).toBe(0);
    expect(region.querySelector(':scope > table')).toBeTruthy();
  });

  it('turns column alignment into logical classes, never into a style attribute', () => {
    const { container } = render(<ResponseView content={sample} />);
    const header = Array.from(container.querySelectorAll('th')).map((cell) => cell.className);
    expect(header).toEqual(['response-cell--start', 'response-cell--center', 'response-cell--end', '']);
    expect(allElements(container).filter((element) => element.hasAttribute('style'))).toEqual([]);
  });

  it('shows task-list checkboxes that cannot be changed', () => {
    render(<ResponseView content={sample} />);
    const done = screen.getByRole('checkbox', { name: 'Completed task' }) as HTMLInputElement;
    const open = screen.getByRole('checkbox', { name: 'Open task' }) as HTMLInputElement;
    expect([done.checked, done.disabled, open.checked, open.disabled]).toEqual([true, true, false, true]);
    fireEvent.click(open);
    expect(open.checked).toBe(false);
  });

  it('shows an HTML block as a paragraph of text', () => {
    const { container } = render(<ResponseView content={'<div class="x" style="color:red">\n  <b>hi</b>\n</div>'} />);
    const raw = container.querySelector('p.response-raw');
    expect(raw?.textContent).toBe('<div class="x" style="color:red">\n  <b>hi</b>\n</div>');
    expect(container.querySelector('div.x, b')).toBeNull();
  });

  it('renders block math in display mode and inline math inline', () => {
    const { container } = render(<ResponseView content={'Inline $a^2$ here.\n\n$$\n\\sum_{i=1}^n i\n$$'} />);
    expect(container.querySelector('p .katex')).toBeTruthy();
    expect(container.querySelector('.katex-display .katex annotation')?.textContent).toBe('\\sum_{i=1}^n i');
  });
});

describe('markdown that spans blocks', () => {
  it('resolves reference links and images defined in another block', async () => {
    const shell = fakeShell();
    const { container } = await renderSettled(
      <ResponseView
        content={
          'Read [the spec][spec] and see ![diagram][fig].\n\nMore text.\n\n[spec]: https://example.com/spec\n[fig]: https://cdn.example/fig.png'
        }
      />,
    );
    fireEvent.click(screen.getByRole('link', { name: 'the spec' }));
    expect(shell.openedUrls()).toEqual([{ url: 'https://example.com/spec' }]);
    expect(screen.getByRole('img', { name: 'Image not loaded: diagram' })).toBeTruthy();
    expect(container.textContent).not.toContain('[spec]');
  });

  it('renders footnotes defined at the end next to the block that cites them', async () => {
    const { container } = await renderSettled(
      <ResponseView
        content={'A claim.[^1]\n\nUnrelated.\n\n[^1]: The source, with [a link](https://example.com/src).'}
      />,
    );
    const footnotes = container.querySelectorAll('section.footnotes');
    expect(footnotes).toHaveLength(1);
    expect(footnotes[0]?.textContent).toContain('The source, with a link');
    expect(screen.getByRole('heading', { name: 'Footnotes' })).toBeTruthy();
    expect(container.textContent).not.toContain('[^1]');
  });

  it('keeps the numbering of an ordered list split into several blocks', async () => {
    const { container } = await renderSettled(<ResponseView content={'1. one\n\n2. two\n\n3. three'} />);
    const starts = Array.from(container.querySelectorAll('ol')).map((list) => list.start);
    const items = Array.from(container.querySelectorAll('li')).map((item) => item.textContent?.trim());
    expect(items).toEqual(['one', 'two', 'three']);
    // Each item is its own block; the list numbers carry over through `start`.
    expect(starts).toEqual([1, 2, 3]);
  });
});
