import { render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ResponseView } from '../../../../renderer/src/features/session/response';
import { changeUiLanguage, initI18n } from '../../../../renderer/src/i18n';

beforeAll(async () => {
  await initI18n('en');
});

afterEach(async () => {
  await changeUiLanguage('en');
});

describe('images in a response', () => {
  it('are replaced by a placeholder showing the alt text, and the URL never reaches the DOM', () => {
    const { container } = render(<ResponseView content={'![a cat on a mat](https://cdn.example/cat.png "Cat")'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('img', { name: 'Image not loaded: a cat on a mat' }).textContent).toBe(
      'Image not loaded: a cat on a mat',
    );
    expect(container.innerHTML).not.toContain('cdn.example');
  });

  it('say so plainly when there is no alt text', () => {
    render(<ResponseView content="![](https://cdn.example/x.png)" />);
    expect(screen.getByRole('img', { name: 'Image not loaded' })).toBeTruthy();
  });

  it('are not loaded even from data: URLs, which the CSP would allow', () => {
    const { container } = render(<ResponseView content="![dot](data:image/png;base64,iVBORw0KGgo=)" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.innerHTML).not.toContain('data:image');
  });

  it('are described in the UI language', async () => {
    await changeUiLanguage('ar');
    render(<ResponseView content="![قطة](https://cdn.example/cat.png)" />);
    expect(screen.getByRole('img', { name: 'لم يتم تحميل الصورة: قطة' })).toBeTruthy();
  });
});
