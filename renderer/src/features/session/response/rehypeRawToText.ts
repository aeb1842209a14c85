import type { Element, ElementContent, Nodes, Root, Text } from 'hast';

/**
 * Raw HTML the model wrote becomes plain text, before anything else runs.
 * A rater judges what the model produced, so `<script>` or `<b>` shows up
 * literally instead of silently vanishing, and a text node can never become
 * live markup whatever a later stage does with it.
 *
 * An HTML *block* (at the top level or in a blockquote) gets its own
 * paragraph, so it is laid out, spaced and direction-isolated like one.
 */
interface Raw {
  type: 'raw';
  value: string;
}

const isRaw = (node: unknown): node is Raw => (node as { type?: string }).type === 'raw';
const FLOW_PARENTS = new Set(['root', 'blockquote']);

function asText(raw: Raw, flow: boolean): ElementContent {
  const text: Text = { type: 'text', value: raw.value };
  if (!flow) return text;
  const paragraph: Element = {
    type: 'element',
    tagName: 'p',
    properties: { className: ['response-raw'] },
    children: [text],
  };
  return paragraph;
}

function convert(node: Nodes): void {
  if (!('children' in node)) return;
  const flow = FLOW_PARENTS.has(node.type === 'element' ? node.tagName : node.type);
  node.children.forEach((child, index) => {
    // `raw` is what remark-rehype emits for HTML when allowDangerousHtml is on (react-markdown sets it).
    if (isRaw(child)) node.children[index] = asText(child, flow);
    else convert(child);
  });
}

export function rehypeRawToText() {
  return (tree: Root) => convert(tree);
}
