import type { Element, ElementContent, Properties, Root } from 'hast';
import katex, { type KatexOptions } from 'katex';

/**
 * Renders remark-math's math nodes with KaTeX. It does what rehype-katex
 * does, with one difference that matters under our CSP: rehype-katex turns
 * KaTeX's HTML *string* back into a tree by parsing it in the page, and every
 * `style="…"` in that string is an inline style the CSP (`style-src 'self'`)
 * refuses and reports, hundreds of times per formula-heavy answer. Here KaTeX
 * builds DOM nodes itself (styles set through the CSSOM, which the CSP allows),
 * and we copy them into the tree. It also means tests run the very code path
 * the app runs.
 *
 * Runs after the sanitizer and takes only the *text* of math nodes as input.
 * `trust: false` refuses \href, \url, \includegraphics, \htmlStyle and the
 * like; on top of that the copy drops anything link- or script-like.
 */
const OPTIONS: KatexOptions = {
  output: 'htmlAndMathml',
  trust: false,
  strict: 'ignore',
  throwOnError: true,
  // \rule{1000em}{…} and macro bombs must not eat the page or the CPU.
  maxSize: 10,
  maxExpand: 500,
};

const BLOCKED_TAGS = new Set([
  'a',
  'img',
  'image',
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'foreignobject',
]);
const isBlockedAttribute = (name: string) => /^(on|href$|src$|xlink:|action$|formaction$)/i.test(name);

function toHast(node: Node): ElementContent | null {
  if (node.nodeType === Node.TEXT_NODE) return { type: 'text', value: node.nodeValue ?? '' };
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const dom = node as globalThis.Element;
  if (BLOCKED_TAGS.has(dom.localName.toLowerCase())) return { type: 'text', value: dom.textContent ?? '' };
  const properties: Properties = {};
  for (const { name, value } of Array.from(dom.attributes)) {
    if (name === 'class') properties.className = value.split(/\s+/).filter(Boolean);
    else if (!isBlockedAttribute(name)) properties[name] = value;
  }
  const children = Array.from(dom.childNodes, toHast).filter((child): child is ElementContent => child !== null);
  return { type: 'element', tagName: dom.localName, properties, children };
}

function renderMath(tex: string, displayMode: boolean): ElementContent {
  const host = document.createElement('span');
  try {
    katex.render(tex, host, { ...OPTIONS, displayMode });
    const rendered = host.firstChild ? toHast(host.firstChild) : null;
    if (rendered) return rendered;
  } catch (error) {
    return mathError(tex, displayMode, error);
  }
  return { type: 'text', value: tex };
}

/** Broken TeX shows as the source the model wrote, with KaTeX's reason on hover. */
function mathError(tex: string, displayMode: boolean, error: unknown): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: {
      className: displayMode ? ['katex-error', 'katex-error--display'] : ['katex-error'],
      title: error instanceof Error ? error.message : String(error),
      dir: 'ltr',
    },
    children: [{ type: 'text', value: tex }],
  };
}

const classesOf = (element: Element): unknown[] =>
  Array.isArray(element.properties.className) ? element.properties.className : [];

const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

/** `$$…$$` and ```math arrive as <pre><code class="language-math">; `$…$` as a bare <code>. */
function mathIn(element: Element): { tex: string; display: boolean } | null {
  if (element.tagName === 'pre') {
    const code = element.children.find((child): child is Element => child.type === 'element');
    return code?.tagName === 'code' && classesOf(code).includes('language-math')
      ? { tex: textOf(code), display: true }
      : null;
  }
  if (element.tagName === 'code' && classesOf(element).includes('language-math')) {
    return { tex: textOf(element), display: classesOf(element).includes('math-display') };
  }
  return null;
}

function walk(parent: Root | Element): void {
  parent.children.forEach((child, index) => {
    if (child.type !== 'element') return;
    const math = mathIn(child);
    if (math) parent.children[index] = renderMath(math.tex, math.display);
    else walk(child);
  });
}

export function rehypeMath() {
  return (tree: Root) => walk(tree);
}
