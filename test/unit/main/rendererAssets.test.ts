import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, RENDERER_CSP, resolveRendererAsset } from '../../../electron/main/services/rendererAssets';

const root = path.resolve('/srv/verdict/renderer');

describe('serving renderer assets', () => {
  it('maps / to index.html', () => {
    expect(resolveRendererAsset(root, '/')).toBe(path.join(root, 'index.html'));
  });

  it('maps an asset path inside the root', () => {
    expect(resolveRendererAsset(root, '/assets/index-abc.js?v=1')).toBe(path.join(root, 'assets/index-abc.js'));
  });

  it.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%2f..%2f..%2fetc/passwd',
    '/..\\..\\etc\\passwd'.replaceAll('\\', '/'),
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (requestPath) => {
    expect(resolveRendererAsset(root, requestPath)).toBeNull();
  });

  it('labels scripts and styles with their content types', () => {
    expect(contentTypeFor('a.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('a.css')).toMatch(/^text\/css/);
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('allows no remote origin, no inline script and no eval in the CSP', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
