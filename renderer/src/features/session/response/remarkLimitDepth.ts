import type { Nodes, Parent, Root, RootContent } from 'mdast';

/**
 * Caps how deeply blockquotes and lists nest. Markdown like a thousand `>`
 * in a row is legal; rendered, it is a column one letter wide and a stack of
 * recursive calls through every later stage. Containers below the cap are
 * unwrapped: their content stays, in order, at the deepest allowed level.
 */
export const MAX_NESTING = 12;

const CONTAINERS = new Set(['blockquote', 'list', 'listItem']);

const isContainer = (node: Nodes): node is Parent & RootContent => CONTAINERS.has(node.type);

/** Replaces every container in `nodes` by its content, without recursion. */
function unwrapContainers(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  const stack = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop() as RootContent;
    if (isContainer(node)) {
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as RootContent);
    } else {
      out.push(node);
    }
  }
  return out;
}

// Only these can hold containers; paragraphs and the like hold inline content.
const HOLDERS = new Set(['root', 'footnoteDefinition', ...CONTAINERS]);

function limit(node: Nodes, depth: number, max: number): void {
  if (!HOLDERS.has(node.type) || !('children' in node)) return;
  const childDepth = isContainer(node) ? depth + 1 : depth;
  if (childDepth >= max) {
    (node as Parent).children = unwrapContainers(node.children as RootContent[]);
    return;
  }
  for (const child of node.children) limit(child, childDepth, max);
}

export function remarkLimitDepth(options?: { max?: number }) {
  const max = options?.max ?? MAX_NESTING;
  return (tree: Root) => limit(tree, 0, max);
}
