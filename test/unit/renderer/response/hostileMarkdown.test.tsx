import { fireEvent } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setRendererApi } from '../../../../renderer/src/bridge';
import { ResponseView } from '../../../../renderer/src/features/session/response';
import { MAX_NESTING } from '../../../../renderer/src/features/session/response/remarkLimitDepth';
import { initI18n } from '../../../../renderer/src/i18n';
import { allElements, fakeShell, maxNesting, mountShared, readFixture } from './support';

/**
 * The hostile fixture holds every trick a model could pull in markdown. It is
 * rendered once (it holds a 200 × 500 table) and every rule is checked on the
 * finished DOM.
 */
declare global {
  interface Window {
    __pwned?: string;
  }
}

let container: HTMLElement;
let unmount: (() => void) | undefined;
let shell: ReturnType<typeof fakeShell>;

const isKatexOutput = (element: Element) => element.closest('.katex') !== null;

beforeAll(async () => {
  await initI18n('en');
  shell = fakeShell();
  ({ container, unmount } = mountShared(<ResponseView content={readFixture('hostile-markdown.md')} />));
}, 120_000);

afterAll(() => {
  unmount?.();
  setRendererApi(null);
  delete window.__pwned;
});

describe('rendering the hostile markdown fixture', () => {
  it('creates no script, frame, object, embed, form, style, link, meta or base element', () => {
    const forbidden =
      'script, iframe, frame, object, embed, form, input:not([type="checkbox"]), button, style, link, meta, base, foreignObject';
    expect(container.querySelectorAll(forbidden)).toHaveLength(0);
  });

  it('keeps SVG and MathML to what KaTeX generated itself', () => {
    expect(container.querySelectorAll('math').length).toBeGreaterThan(0);
    for (const element of container.querySelectorAll('svg, math')) expect(isKatexOutput(element)).toBe(true);
  });

  it('leaves no event handler attribute anywhere', () => {
    const handlers = allElements(container).flatMap((element) =>
      element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on')),
    );
    expect(handlers).toEqual([]);
  });

  it('leaves no style attribute written by the model; only KaTeX layout styles exist', () => {
    const styled = allElements(container).filter((element) => element.hasAttribute('style'));
    expect(styled.length).toBeGreaterThan(0);
    for (const element of styled) {
      expect(isKatexOutput(element)).toBe(true);
      expect(element.getAttribute('style')).not.toMatch(/url\(|fixed|absolute|z-index|display|@import/i);
    }
  });

  it('has no href, src, srcset, data, action or xlink:href that is not https', () => {
    const urlAttributes = [
      'href',
      'src',
      'srcset',
      'data',
      'action',
      'formaction',
      'xlink:href',
      'poster',
      'background',
    ];
    for (const element of allElements(container)) {
      for (const name of urlAttributes) {
        const value = element.getAttribute(name);
        if (value !== null) expect(`${name}=${value}`).toMatch(/^href=https:\/\//);
      }
    }
  });

  it('loads no image: no <img> at all, and no image URL anywhere in the markup', () => {
    expect(container.querySelectorAll('img, picture, source, image')).toHaveLength(0);
    for (const element of allElements(container)) {
      for (const name of element.getAttributeNames()) {
        expect(element.getAttribute(name)).not.toMatch(/evil\.example\/[\w-]+\.(png|swf|woff2)/);
      }
    }
  });

  it('shows a placeholder with the alt text for each markdown image', () => {
    const placeholders = Array.from(container.querySelectorAll('.response-image')).map(
      (element) => element.textContent,
    );
    expect(placeholders).toEqual([
      'Image not loaded: tracking pixel',
      'Image not loaded',
      'Image not loaded: data image',
      'Image not loaded: referenced logo',
      'Image not loaded: image inside a link',
    ]);
  });

  it('shows raw HTML as the text the model wrote instead of running it', () => {
    const text = container.textContent ?? '';
    expect(text).toContain("<script>window.__pwned = 'script block'; alert(1)</script>");
    expect(text).toContain('<iframe src="https://evil.example/frame"></iframe>');
    expect(text).toContain('<!-- hidden instruction');
    expect(container.querySelector('p.response-raw')?.getAttribute('dir')).toBe('auto');
  });

  it('asks main for nothing when anything but an https link is clicked, hovered or focused', () => {
    const before = shell.callCount();
    // Everything before the huge table: its 100,000 cells add time, not coverage.
    const elements = allElements(container)
      .filter((element) => !element.closest('a'))
      .slice(0, 5_000);
    for (const element of elements) {
      fireEvent.click(element);
      fireEvent.mouseOver(element);
      fireEvent.focus(element);
      fireEvent.error(element);
      fireEvent.load(element);
    }
    expect(shell.callCount()).toBe(before);
    expect(window.__pwned).toBeUndefined();
  });

  it('makes exactly the https links clickable, and each click asks main to open it', () => {
    const links = Array.from(container.querySelectorAll('a'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://example.com/docs?page=1',
      'https://example.net/bare',
      'https://example.com/badge',
    ]);
    const before = shell.openedUrls().length;
    const notPrevented = fireEvent.click(links[0] as HTMLAnchorElement);
    expect(notPrevented).toBe(false);
    expect(shell.openedUrls().slice(before)).toEqual([{ url: 'https://example.com/docs?page=1' }]);
  });

  it('renders javascript:, data:, vbscript:, file:, http: and credential links as inert text', () => {
    const before = shell.callCount();
    for (const name of [
      'javascript link',
      'data link',
      'vbscript link',
      'file link',
      'plain http link',
      'credentials in the URL',
    ]) {
      const element = Array.from(container.querySelectorAll('.response-link--inert')).find(
        (node) => node.textContent === name,
      );
      expect(element?.tagName, name).toBe('SPAN');
      fireEvent.click(element as Element);
    }
    expect(shell.callCount()).toBe(before);
  });

  it('renders math with KaTeX and refuses the commands that could link, load or style', () => {
    expect(container.querySelectorAll('.katex').length).toBeGreaterThanOrEqual(8);
    expect(container.querySelectorAll('.katex-display')).toHaveLength(1);
    const refused = Array.from(container.querySelectorAll('.katex-html .mord.text')).map(
      (element) => element.textContent,
    );
    expect(refused).toEqual(
      expect.arrayContaining(['\\href', '\\url', '\\includegraphics', '\\htmlStyle', '\\htmlClass']),
    );
    const broken = container.querySelector('.katex-error');
    expect(broken?.textContent).toBe('\\frac{1}{');
    expect(broken?.getAttribute('title')).toMatch(/^KaTeX parse error/);
  });

  it('highlights the code block and keeps code left-to-right', () => {
    const pre = container.querySelector('pre') as HTMLElement;
    expect(pre.getAttribute('dir')).toBe('ltr');
    expect(pre.querySelector('code.hljs.language-ts')?.getAttribute('dir')).toBe('ltr');
    expect(pre.querySelector('.hljs-keyword')?.textContent).toBe('export');
    expect(pre.textContent).toContain('<script>alert(1)</script>');
  });

  it('gives text blocks dir="auto" so Arabic and English each read in their own direction', () => {
    const arabic = Array.from(container.querySelectorAll('p')).find((p) => p.textContent?.startsWith('هذا نص عربي'));
    const english = Array.from(container.querySelectorAll('p')).find((p) =>
      p.textContent?.startsWith('The Arabic phrase'),
    );
    expect(arabic?.getAttribute('dir')).toBe('auto');
    expect(english?.getAttribute('dir')).toBe('auto');
    for (const element of container.querySelectorAll('p, li, h1, h2, h3, blockquote, td, th')) {
      expect(element.getAttribute('dir')).toBe('auto');
    }
  });

  it('survives 1000 levels of nesting by capping the depth, keeping the text', () => {
    expect(maxNesting(container, 'blockquote')).toBeLessThanOrEqual(MAX_NESTING);
    expect(maxNesting(container, 'ul, ol')).toBeLessThanOrEqual(MAX_NESTING);
    expect(container.textContent).toContain('one thousand nested blockquotes');
    expect(container.textContent).toContain('one thousand nested lists');
    expect(container.textContent).toContain('mixed nesting');
  });

  it('renders the whole 200 × 500 table inside its own scroll container', () => {
    const huge = Array.from(container.querySelectorAll('table')).find(
      (table) => table.rows.length > 100,
    ) as HTMLTableElement;
    expect(huge.querySelectorAll('tbody tr')).toHaveLength(500);
    expect(huge.querySelectorAll('tbody tr:first-child td:first-child')[1]?.textContent).toMatch(/^r\d+$/);
    expect(huge.rows[0]?.cells).toHaveLength(200);
    expect(huge.parentElement?.classList.contains('response-table')).toBe(true);
    for (const table of container.querySelectorAll('table')) {
      expect(table.parentElement?.matches('.response-table[role="region"][tabindex="0"]')).toBe(true);
    }
    expect(container.textContent).toContain('The end.');
  });
});
