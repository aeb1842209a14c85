import type { Element, Root } from 'hast';

/**
 * Our layout policy, applied to the finished tree (after the sanitizer, so
 * it is ours and not the model's):
 * - every text block gets dir="auto", so an Arabic paragraph in an English
 *   answer (or the reverse) takes its direction from its own first strong letter;
 * - code is always dir="ltr";
 * - GFM column alignment (`align="left"`, which would reach the DOM as an
 *   inline style) becomes a class; left/right mean start/end, so an Arabic
 *   table aligns the way its author meant.
 * Done on the tree rather than by wrapping React components, so a 100,000-cell
 * table does not also cost 100,000 extra components.
 */
const AUTO = new Set(['p', 'li', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'td', 'th']);
const LTR = new Set(['pre', 'code']);
const LOGICAL_ALIGN: Record<string, string> = { left: 'start', center: 'center', right: 'end' };

function alignToClass(cell: Element): void {
  const align = cell.properties.align;
  delete cell.properties.align;
  const logical = typeof align === 'string' ? LOGICAL_ALIGN[align] : undefined;
  if (logical) cell.properties.className = [`response-cell--${logical}`];
}

function apply(element: Element): void {
  if (AUTO.has(element.tagName)) element.properties.dir = 'auto';
  else if (LTR.has(element.tagName)) element.properties.dir = 'ltr';
  if (element.tagName === 'td' || element.tagName === 'th') alignToClass(element);
}

function walk(parent: Root | Element): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    // KaTeX's output has its own structure and direction handling; leave it as KaTeX made it.
    const classes = Array.isArray(child.properties.className) ? child.properties.className : [];
    if (classes.includes('katex') || classes.includes('katex-display')) continue;
    apply(child);
    walk(child);
  }
}

export function rehypeDirection() {
  return (tree: Root) => walk(tree);
}
