import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setRendererApi } from '../../../../renderer/src/bridge';
import { ResponseView } from '../../../../renderer/src/features/session/response';
import { changeUiLanguage, initI18n } from '../../../../renderer/src/i18n';
import { fakeShell } from './support';

beforeAll(async () => {
  await initI18n('en');
});

afterEach(async () => {
  setRendererApi(null);
  await changeUiLanguage('en');
});

describe('links in a response', () => {
  it('open an https link through main, without navigating', () => {
    const shell = fakeShell();
    render(<ResponseView content="See [the docs](https://example.com/docs?x=1#part)." />);
    const link = screen.getByRole('link', { name: 'the docs' });
    expect(fireEvent.click(link)).toBe(false);
    expect(shell.openedUrls()).toEqual([{ url: 'https://example.com/docs?x=1#part' }]);
  });

  it('show the real target on hover and focus, whatever the link text claims', () => {
    fakeShell();
    render(<ResponseView content="[https://bank.example](https://phish.example/login)" />);
    const link = screen.getByRole('link', { name: 'https://bank.example' });
    const description = 'Opens in your browser after confirmation: https://phish.example/login';
    expect(link.getAttribute('title')).toBe(description);
    expect(link.getAttribute('data-tooltip')).toBe(description);
  });

  it('are reachable and usable from the keyboard', () => {
    const shell = fakeShell();
    render(<ResponseView content="[docs](https://example.com/)" />);
    const link = screen.getByRole('link', { name: 'docs' });
    link.focus();
    expect(document.activeElement).toBe(link);
    // Enter on a focused link is delivered as a click by the browser.
    fireEvent.click(link, { detail: 0 });
    expect(shell.openedUrls()).toEqual([{ url: 'https://example.com/' }]);
  });

  it('never open a window on middle click', () => {
    const shell = fakeShell();
    render(<ResponseView content="[docs](https://example.com/)" />);
    expect(
      fireEvent(screen.getByRole('link'), new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 })),
    ).toBe(false);
    expect(shell.callCount()).toBe(0);
  });

  it.each([
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['file', 'file:///etc/passwd'],
    ['http', 'http://example.com/'],
    ['credentials', 'https://user:pw@example.com/'],
    ['relative', '/settings'],
    ['anchor', '#top'],
  ])('render a %s link as plain text that does nothing', (_kind, href) => {
    const shell = fakeShell();
    const { container } = render(<ResponseView content={`[click here](${href})`} />);
    expect(screen.queryByRole('link')).toBeNull();
    const text = screen.getByText('click here');
    expect(text.tagName).toBe('SPAN');
    expect(text.hasAttribute('href')).toBe(false);
    fireEvent.click(text);
    expect(shell.callCount()).toBe(0);
    expect(container.querySelector('[href]')).toBeNull();
  });

  it('explain an inert link with a target worth naming, but not a footnote anchor', () => {
    render(<ResponseView content={'[plain](http://example.com/a) and [note](#fn-1)'} />);
    expect(screen.getByText('plain').getAttribute('title')).toBe(
      'Not a link you can open here: only https links open (http://example.com/a)',
    );
    expect(screen.getByText('note').hasAttribute('title')).toBe(false);
  });

  it('say in the UI language where an https link goes', async () => {
    fakeShell();
    await changeUiLanguage('ar');
    render(<ResponseView content="[docs](https://example.com/)" />);
    expect(screen.getByRole('link').getAttribute('title')).toBe('يُفتح في متصفحك بعد التأكيد: https://example.com/');
  });
});
