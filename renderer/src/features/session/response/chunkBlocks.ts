/**
 * Groups blocks into chunks: the first chunk is what renders synchronously
 * (about one screenful), the others render one at a time afterwards.
 * Budgets are in characters of markdown source because that is what parsing
 * and rendering cost scales with, and it is known before anything renders.
 */
export interface ChunkBudget {
  /** Source characters the synchronous first render may cost. */
  firstChars: number;
  /** At most this many blocks in the first render, however short. */
  firstBlocks: number;
  /** Source characters per later chunk (a chunk always takes at least one block). */
  chunkChars: number;
  /** At most this many blocks per later chunk. */
  chunkBlocks: number;
}

export const DEFAULT_BUDGET: ChunkBudget = {
  firstChars: 4_000,
  firstBlocks: 40,
  chunkChars: 6_000,
  chunkBlocks: 60,
};

function take(blocks: readonly string[], start: number, chars: number, count: number, atLeastOne: boolean): number {
  let end = start;
  let used = 0;
  while (end < blocks.length && end - start < count) {
    const size = (blocks[end] ?? '').length;
    if (used + size > chars && !(atLeastOne && end === start)) break;
    used += size;
    end += 1;
  }
  return end;
}

/**
 * The first chunk may be empty: when the very first block is huge (a giant
 * table or code block) it is better to paint the rest of the screen at once
 * and fill the response in a moment later than to block the first paint.
 */
export function chunkBlocks(blocks: readonly string[], budget: ChunkBudget = DEFAULT_BUDGET): string[][] {
  const firstEnd = take(blocks, 0, budget.firstChars, budget.firstBlocks, false);
  const chunks: string[][] = [blocks.slice(0, firstEnd)];
  for (let start = firstEnd; start < blocks.length;) {
    const end = take(blocks, start, budget.chunkChars, budget.chunkBlocks, true);
    chunks.push(blocks.slice(start, end));
    start = end;
  }
  return chunks;
}
