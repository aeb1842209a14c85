import type { Page } from '@playwright/test';

/**
 * What a reader of any language would notice on screen, measured in the page:
 * - clipped: text that does not fit its box (scroll size larger than client
 *   size on a text element), e.g. a German compound in a narrow button;
 * - rawKeys: an i18next key ("session.skip") shown instead of text;
 * - tofu: characters drawn as the font's missing-glyph box. Each distinct
 *   character on screen is drawn on a canvas with the page's own font stack
 *   and compared, pixel for pixel, with a code point that has no glyph
 *   anywhere (U+0378, unassigned), after the fonts that cover it are loaded.
 */
export interface LocaleAudit {
  clipped: string[];
  rawKeys: string[];
  tofu: string[];
}

export async function auditLocale(page: Page): Promise<LocaleAudit> {
  return page.evaluate(async () => {
    const TEXT_ELEMENTS =
      'button, label, legend, summary, th, td, dt, dd, h1, h2, h3, h4, p, li, a, select, [role="tab"], [role="status"], .chip, kbd';
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.getAttribute('data-testid') ? `[${element.getAttribute('data-testid')}]` : ''} “${(element.textContent ?? '').trim().slice(0, 60)}”`;
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      // Visually hidden text (1 px, clipped for screen readers) is meant to be clipped.
      return box.width > 1 && box.height > 1 && getComputedStyle(element).visibility !== "hidden";
    };
    // Model-written content is not UI text: it may legitimately scroll (code, tables) or look like keys.
    const inModelContent = (element: Element) => Boolean(element.closest('.task, .markdown, [data-model-content]'));

    const clipped: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(TEXT_ELEMENTS)) {
      if (!visible(element) || inModelContent(element) || !(element.textContent ?? '').trim()) continue;
      const style = getComputedStyle(element);
      if (style.display === 'inline' || /auto|scroll/.test(style.overflowX + style.overflowY)) continue;
      const wide = element.scrollWidth > element.clientWidth + 1;
      const tall = element.scrollHeight > element.clientHeight + 1 && style.overflowY !== 'visible';
      if (wide || tall) clipped.push(describe(element));
    }

    const rawKeys: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const KEY = /^[a-z][A-Za-z]+(\.[A-Za-z0-9_]+)+$/;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!parent || !visible(parent) || inModelContent(parent)) continue;
      if (KEY.test(text)) rawKeys.push(`${describe(parent)}`);
    }
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(name);
        if (value && KEY.test(value.trim())) rawKeys.push(`${element.tagName.toLowerCase()}@${name} “${value}”`);
      }
    }

    const text = document.body.innerText;
    const characters = [...new Set([...text].filter((character) => /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(character)))];
    const family = getComputedStyle(document.body).fontFamily;
    const size = 24;
    await document.fonts.load(`${size}px ${family}`, characters.join(''));
    await document.fonts.ready;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size * 2;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d canvas');
    context.font = `${size}px ${family}`;
    context.textBaseline = 'middle';
    const draw = (character: string) => {
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.fillText(character, size / 2, size);
      return `${context.measureText(character).width}:${canvas.toDataURL()}`;
    };
    const missing = new Set([draw('\u0378'), draw('\u{10FFFD}')]);
    const tofu = characters.filter((character) => missing.has(draw(character)));
    return { clipped, rawKeys, tofu: tofu.map((character) => `U+${character.codePointAt(0)?.toString(16).toUpperCase()} ${character}`) };
  });
}
