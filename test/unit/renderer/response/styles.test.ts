import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The response styles must mirror for right-to-left text by themselves and
 * scale with zoom, so they use logical properties and rem/em units only.
 */
const folder = resolve(process.cwd(), 'renderer/src/features/session/response');
const sheets = ['response.css', 'highlight.css'].map((name) => ({
  name,
  css: readFileSync(resolve(folder, name), 'utf8'),
}));

const declarations = (css: string) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/[;{}]/)
    .map((part) => part.trim())
    .filter((part) => /^[a-z-]+\s*:/.test(part));

describe('response styles', () => {
  it.each(sheets)('$name uses logical properties only', ({ css }) => {
    const physical = declarations(css).filter((declaration) =>
      /^(margin|padding|border|inset)-(left|right|top|bottom)|^(left|right|top|bottom|float|clear)\s*:|^text-align\s*:\s*(left|right)|^(width|height|min-width|max-width|min-height|max-height)\s*:/.test(
        declaration,
      ),
    );
    expect(physical).toEqual([]);
  });

  it.each(sheets)('$name sizes in rem/em; px only for hairlines and focus outlines', ({ css }) => {
    // 1px is a hairline (or the visually-hidden box), the same at every zoom.
    const pixels = declarations(css).filter((declaration) => /(^|[^\d])([02-9]|\d{2,})px/.test(declaration));
    for (const declaration of pixels) expect(declaration).toMatch(/^(border[a-z-]*|outline[a-z-]*)\s*:/);
  });

  it('keeps huge tables and code in their own horizontal scroll box', () => {
    const css = sheets[0]?.css ?? '';
    expect(css).toMatch(/\.response \.response-table \{[^}]*overflow: auto;/);
    expect(css).toMatch(/\.response pre \{[^}]*overflow-x: auto;/);
    expect(css).toMatch(
      /\.response__chunk \{[^}]*content-visibility: auto;[^}]*contain-intrinsic-block-size: auto \d+rem;/,
    );
  });
});
