import type { Root } from 'hast';
import rehypeHighlight from 'rehype-highlight';
import type { VFile } from 'vfile';

/**
 * rehype-highlight registers every grammar each time its plugin is attached,
 * and react-markdown builds a new processor for every block it renders. We
 * attach it once here and hand each processor the same transformer, so
 * grammars are built (and compiled) once per app, not once per block.
 *
 * Only fences that name a language are highlighted: guessing (`detect`) runs
 * every grammar over the code, which is slow on long blocks and often wrong.
 */
const transform = rehypeHighlight({
  detect: false,
  plainText: ['text', 'txt', 'plain', 'plaintext'],
}) as (tree: Root, file: VFile) => undefined;

export function rehypeHighlightShared() {
  return transform;
}
