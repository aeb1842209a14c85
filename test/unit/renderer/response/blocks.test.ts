import { describe, expect, it } from 'vitest';
import { capNesting } from '../../../../renderer/src/features/session/response/capNesting';
import { chunkBlocks, type ChunkBudget } from '../../../../renderer/src/features/session/response/chunkBlocks';
import { largeTableParts } from '../../../../renderer/src/features/session/response/largeTable';
import { attachDefinitions } from '../../../../renderer/src/features/session/response/referenceDefinitions';
import { MAX_NESTING } from '../../../../renderer/src/features/session/response/remarkLimitDepth';
import { splitBlocks } from '../../../../renderer/src/features/session/response/splitBlocks';

describe('splitBlocks', () => {
  it('splits at blank lines and drops the blank lines themselves', () => {
    expect(splitBlocks('\n\n# Title\n\nOne\nstill one\n\n\n\nTwo\n\n')).toEqual(['# Title', 'One\nstill one', 'Two']);
  });

  it('normalises CRLF and CR line endings', () => {
    expect(splitBlocks('a\r\n\r\nb\rc')).toEqual(['a', 'b\nc']);
  });

  it('never splits a fenced code block at its blank lines', () => {
    const fence = '```py\ndef f():\n\n    return 1\n\n\n```';
    expect(splitBlocks(`Before\n\n${fence}\n\nAfter`)).toEqual(['Before', fence, 'After']);
  });

  it('closes a fence only with the same marker, at least as long', () => {
    const fence = '````md\n```\n\nstill code\n~~~~\n\n````';
    expect(splitBlocks(`${fence}\n\nAfter`)).toEqual([fence, 'After']);
    const tilde = '~~~\na\n\n```\n\n~~~';
    expect(splitBlocks(`${tilde}\n\nAfter`)).toEqual([tilde, 'After']);
  });

  it('runs an unclosed fence to the end, as CommonMark does', () => {
    expect(splitBlocks('Intro\n\n```\ncode\n\nmore code')).toEqual(['Intro', '```\ncode\n\nmore code']);
  });

  it('never splits a $$ math block at its blank lines, but $$x$$ on one line is not a fence', () => {
    const math = '$$\na = b\n\n+ c\n$$';
    expect(splitBlocks(`${math}\n\nAfter`)).toEqual([math, 'After']);
    expect(splitBlocks('$$x$$\n\nAfter')).toEqual(['$$x$$', 'After']);
  });

  it('keeps indented continuations with the block above (list paragraphs, indented code)', () => {
    const list = '- item\n\n  second paragraph of the item\n\n      indented code in the item';
    expect(splitBlocks(`${list}\n\nAfter`)).toEqual([list, 'After']);
    expect(splitBlocks('Text\n\n    code\n\n    more code')).toEqual(['Text\n\n    code\n\n    more code']);
  });

  it('treats fences inside blockquotes and list items as fences', () => {
    const quoted = '> ```\n> a\n\n> b\n> ```';
    expect(splitBlocks(quoted)).toEqual([quoted]);
    const listed = '- ```\n  a\n\n  b\n  ```';
    expect(splitBlocks(listed)).toEqual([listed]);
  });

  it('loses no text: blocks joined by blank lines hold every non-blank line in order', () => {
    const source = '# A\n\npara\n\n```\nx\n\ny\n```\n\n- a\n\n  b\n\n| t |\n| - |\n| 1 |\n';
    const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
    expect(lines(splitBlocks(source).join('\n\n'))).toEqual(lines(source));
  });
});

describe('attachDefinitions', () => {
  it('appends a link definition to the blocks that use its label, case-insensitively', () => {
    const blocks = ['See [docs][Spec].', 'Nothing here.', '[spec]: https://example.com/spec'];
    expect(attachDefinitions(blocks)).toEqual([
      'See [docs][Spec].\n\n[spec]: https://example.com/spec',
      'Nothing here.',
      '[spec]: https://example.com/spec',
    ]);
  });

  it('appends a multi-line footnote definition to the block that cites it', () => {
    const blocks = ['Claim.[^note]', '[^note]: First line\ncontinued.'];
    expect(attachDefinitions(blocks)[0]).toBe('Claim.[^note]\n\n[^note]: First line\ncontinued.');
  });

  it('ignores a block that only starts like a definition', () => {
    const blocks = ['Use [x].', '[x]: https://example.com\nand then a paragraph'];
    expect(attachDefinitions(blocks)).toEqual(blocks);
  });
});

describe('chunkBlocks', () => {
  const budget: ChunkBudget = { firstChars: 10, firstBlocks: 3, chunkChars: 8, chunkBlocks: 2 };

  it('bounds the first chunk by characters and by block count', () => {
    expect(chunkBlocks(['aaaa', 'bbbb', 'cc', 'd'], budget)[0]).toEqual(['aaaa', 'bbbb', 'cc']);
    expect(chunkBlocks(['a', 'b', 'c', 'd', 'e'], budget)[0]).toEqual(['a', 'b', 'c']);
  });

  it('leaves the first chunk empty when the first block alone is over budget', () => {
    expect(chunkBlocks(['x'.repeat(50), 'tail'], budget)).toEqual([[], ['x'.repeat(50)], ['tail']]);
  });

  it('puts every later block in exactly one chunk, in order, at least one per chunk', () => {
    const blocks = ['aaaa', 'bbbb', 'cc', 'dddddddddd', 'e', 'f', 'g', 'hhhhhhh'];
    const chunks = chunkBlocks(blocks, budget);
    expect(chunks.flat()).toEqual(blocks);
    for (const chunk of chunks.slice(1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(1);
      expect(chunk.length).toBeLessThanOrEqual(budget.chunkBlocks);
    }
  });

  it('gives an empty response a single empty chunk', () => {
    expect(chunkBlocks([], budget)).toEqual([[]]);
  });
});

describe('capNesting', () => {
  it('cuts a run of container markers down to the nesting limit, keeping the text', () => {
    expect(capNesting(`${'> '.repeat(1000)}deep`)).toBe(`${'> '.repeat(MAX_NESTING)}deep`);
    expect(capNesting(`${'- '.repeat(1000)}deep`)).toBe(`${'- '.repeat(MAX_NESTING)}deep`);
    expect(capNesting(`${'1. '.repeat(20)}${'> '.repeat(20)}deep`)).toBe(`${'1. '.repeat(MAX_NESTING)}deep`);
  });

  it('leaves ordinary markdown and fenced content untouched', () => {
    const ordinary = '- item\n  - nested\n> quote\n1. one\n-1 is a number\n2024. A year';
    expect(capNesting(ordinary)).toBe(ordinary);
    const fenced = `\`\`\`\n${'- '.repeat(20)}x\n\`\`\``;
    expect(capNesting(fenced)).toBe(fenced);
  });
});

describe('largeTableParts', () => {
  const table = (columns: number, rows: number) =>
    [
      `| ${Array.from({ length: columns }, (_, index) => `h${index}`).join(' | ')} |`,
      `|${' --- |'.repeat(columns)}`,
      ...Array.from({ length: rows }, (_, row) => `| ${Array.from({ length: columns }, () => row).join(' | ')} |`),
    ].join('\n');

  it('cuts a big table into its head and groups of about a thousand cells, losing no row', () => {
    const parts = largeTableParts(table(200, 500));
    expect(parts?.head.split('\n')).toHaveLength(2);
    expect(parts?.groups).toHaveLength(100);
    expect(parts?.groups.every((group) => group.split('\n').length === 5)).toBe(true);
    expect(parts?.groups.join('\n')).toBe(table(200, 500).split('\n').slice(2).join('\n'));
  });

  it('leaves small tables, and blocks that are not only a table, to the normal path', () => {
    expect(largeTableParts(table(5, 10))).toBeNull();
    expect(largeTableParts(`${table(50, 100)}\n> a quote that would end the table`)).toBeNull();
    expect(largeTableParts(`Some text\n${table(50, 100)}`)).toBeNull();
    expect(largeTableParts(`| a | b |\n${table(50, 100).split('\n').slice(1).join('\n')}`)).toBeNull();
  });
});
