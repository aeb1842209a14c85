import { render } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResponseView } from '../../../../renderer/src/features/session/response';
import { initI18n } from '../../../../renderer/src/i18n';

beforeAll(async () => {
  await initI18n('en');
});

const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

describe('bidirectional control characters in model text', () => {
  it('shows a right-to-left override as a visible marker instead of obeying it', () => {
    // "evil" written as RLO + "live" + PDF would display as "evil" reversed: the Trojan Source trick.
    const { container } = render(<ResponseView content={'The password is \u202Eevil\u202C today.'} />);
    const text = container.textContent ?? '';
    expect(text).not.toMatch(CONTROLS);
    expect(text).toContain('⟨RLO⟩evil⟨PDF⟩');
    const marker = container.querySelector('.bidi-control');
    expect(marker?.getAttribute('title')).toMatch(/RLO/);
  });

  it('marks every embedding, override and isolate, in code too', () => {
    const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    const { container } = render(<ResponseView content={`a${all}b\n\n\`\`\`\nx = "\u2067y\u2069"\n\`\`\``} />);
    expect(container.textContent).not.toMatch(CONTROLS);
    expect(container.querySelectorAll('.bidi-control')).toHaveLength(11);
    expect(container.querySelector('pre')?.textContent).toContain('⟨RLI⟩y⟨PDI⟩');
  });

  it('leaves legitimate right-to-left text and its implicit marks alone', () => {
    const arabic = 'مرحبا \u200Fبالعالم\u200E (hello)';
    const { container } = render(<ResponseView content={arabic} />);
    expect(container.querySelector('p')?.textContent).toBe(arabic);
    expect(container.querySelectorAll('.bidi-control')).toHaveLength(0);
    expect(container.querySelector('p')?.getAttribute('dir')).toBe('auto');
  });
});
