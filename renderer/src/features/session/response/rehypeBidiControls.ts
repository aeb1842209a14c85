import i18next from 'i18next';
import type { Element, ElementContent, Root, Text } from 'hast';

/**
 * Bidirectional control characters in model text (Trojan Source, CVE-2021-42574):
 * a right-to-left override makes "evil" display as "live" with no sign. Like
 * code editors, we show each one as a visible marker — ⟨RLO⟩ — and drop the
 * control itself, so it reorders nothing, inside its paragraph or beyond.
 * Implicit marks (LRM, RLM, ALM) are not controls of this kind and stay:
 * legitimate right-to-left text keeps rendering by the Unicode bidi algorithm.
 */
const CONTROL_NAMES: Record<string, string> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const SPLIT = /([\u202A-\u202E\u2066-\u2069])/;

function marker(control: string): Element {
  const name = CONTROL_NAMES[control] ?? 'U+' + (control.codePointAt(0) ?? 0).toString(16).toUpperCase();
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['bidi-control'], title: i18next.t('response:bidiControl', { name }), dir: 'ltr' },
    children: [{ type: 'text', value: `⟨${name}⟩` }],
  };
}

function split(text: Text): ElementContent[] {
  return text.value
    .split(SPLIT)
    .filter((part) => part !== '')
    .map((part): ElementContent => (CONTROL_NAMES[part] ? marker(part) : { type: 'text', value: part }));
}

function walk(parent: Root | Element): void {
  const children = parent.children as ElementContent[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as ElementContent;
    if (child.type === 'element') walk(child);
    else if (child.type === 'text' && CONTROLS.test(child.value)) {
      const parts = split(child);
      children.splice(index, 1, ...parts);
      index += parts.length - 1;
    }
  }
}

export function rehypeBidiControls() {
  return (tree: Root) => walk(tree);
}
