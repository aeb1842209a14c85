import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConversationView } from '../../../../renderer/src/features/session/response';
import { changeUiLanguage, initI18n } from '../../../../renderer/src/i18n';

const turns = [
  { role: 'user' as const, content: 'What is **2 + 2**?' },
  { role: 'assistant' as const, content: 'It is `4`.' },
  { role: 'user' as const, content: 'And <b>in words</b>?' },
];

beforeAll(async () => {
  await initI18n('en');
});

afterEach(async () => {
  await changeUiLanguage('en');
});

describe('the prompt conversation', () => {
  it('lists every turn in order, each labelled with who said it', () => {
    render(<ConversationView turns={turns} />);
    const prompt = screen.getByRole('region', { name: 'Prompt' });
    const items = within(prompt).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.conversation__role')?.textContent)).toEqual([
      'User',
      'Assistant',
      'User',
    ]);
    expect(within(prompt).getAllByRole('listitem', { name: 'User' })).toHaveLength(2);
  });

  it('renders each turn as untrusted markdown', () => {
    const { container } = render(<ConversationView turns={turns} />);
    expect(container.querySelector('strong')?.textContent).toBe('2 + 2');
    expect(container.querySelector('code')?.textContent).toBe('4');
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>in words</b>');
  });

  it('translates the labels', async () => {
    await changeUiLanguage('ar');
    render(<ConversationView turns={turns} />);
    expect(screen.getByRole('region', { name: 'الطلب' })).toBeTruthy();
    expect(screen.getAllByRole('listitem', { name: 'المستخدم' })).toHaveLength(2);
    expect(screen.getAllByRole('listitem', { name: 'المساعد' })).toHaveLength(1);
  });

  it('renders nothing but an empty list for an empty conversation', () => {
    render(<ConversationView turns={[]} />);
    expect(within(screen.getByRole('region', { name: 'Prompt' })).queryAllByRole('listitem')).toHaveLength(0);
  });
});
