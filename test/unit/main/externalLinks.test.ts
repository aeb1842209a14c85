import { describe, expect, it } from 'vitest';
import { parseSafeExternalUrl } from '../../../electron/main/services/externalLinks';

describe('which links may leave the app', () => {
  it('accepts a plain https link', () => {
    expect(parseSafeExternalUrl('https://example.org/docs?x=1')?.toString()).toBe('https://example.org/docs?x=1');
  });

  it.each([
    'http://example.org/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vscode://open',
    'https://user:secret@example.org/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(parseSafeExternalUrl(url)).toBeNull();
  });
});
