/**
 * Reference links (`[text][1]` … `[1]: https://…`) and footnotes (`[^1]` …
 * `[^1]: …`) are defined in one block and used in others. Once the source is
 * split into blocks, each block is parsed alone, so a block that uses a label
 * gets the blocks defining it appended. A definition renders nothing where it
 * stands (an unused footnote is not rendered either), so nothing shows twice.
 */

const DEFINITION = /^ {0,3}\[(\^?)((?:[^\]\\]|\\.){1,999})\]:/;

interface DefinitionBlock {
  index: number;
  labels: string[];
}

const normalize = (label: string) => label.replace(/\s+/g, ' ').trim().toLowerCase();

/** The labels a block defines, or null if it is not made only of definitions. */
function definedLabels(block: string): string[] | null {
  const labels: string[] = [];
  let inFootnote = false;
  for (const line of block.split('\n')) {
    const match = DEFINITION.exec(line);
    if (match) {
      labels.push(normalize(`${match[1] ?? ''}${match[2] ?? ''}`));
      inFootnote = match[1] === '^';
    } else if (!inFootnote) {
      // A footnote's text runs on over several lines; a link definition does not.
      return null;
    }
  }
  return labels;
}

function findDefinitionBlocks(blocks: readonly string[]): DefinitionBlock[] {
  const found: DefinitionBlock[] = [];
  blocks.forEach((block, index) => {
    const labels = DEFINITION.test(block) ? definedLabels(block) : null;
    if (labels?.length) found.push({ index, labels });
  });
  return found;
}

/** Returns the blocks with the definitions each one refers to appended to it. */
export function attachDefinitions(blocks: readonly string[]): string[] {
  const definitions = findDefinitionBlocks(blocks);
  if (!definitions.length) return [...blocks];
  return blocks.map((block, index) => {
    const lower = block.toLowerCase();
    const needed = definitions.filter(
      (definition) => definition.index !== index && definition.labels.some((label) => lower.includes(`[${label}]`)),
    );
    return needed.length ? [block, ...needed.map((definition) => blocks[definition.index])].join('\n\n') : block;
  });
}
