import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/ipc/senderPolicy';

describe('which IPC senders are trusted', () => {
  it('trusts our own top-level page on app://verdict', () => {
    expect(isTrustedSender({ url: 'app://verdict/index.html', isTopFrame: true })).toBe(true);
  });

  it.each([
    ['an iframe, even on our own origin', { url: 'app://verdict/index.html', isTopFrame: false }],
    ['a remote https page', { url: 'https://evil.example/', isTopFrame: true }],
    ['a file:// page', { url: 'file:///home/user/evil.html', isTopFrame: true }],
    ['another app:// host', { url: 'app://evil/index.html', isTopFrame: true }],
    ['a lookalike host', { url: 'app://verdict.evil/index.html', isTopFrame: true }],
    ['a frame without a URL', { url: undefined, isTopFrame: true }],
    ['an unparsable URL', { url: '::::', isTopFrame: true }],
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });

  it('refuses a destroyed frame', () => {
    expect(isTrustedSender(null)).toBe(false);
  });
});
