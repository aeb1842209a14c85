/**
 * GFM tables are expensive to parse (tens of microseconds per cell in
 * micromark): a 200 × 500 table takes seconds in one go. A big table block is
 * therefore cut into its header and groups of rows, each parsed on its own
 * (header + rows, so every group is a valid table) and merged into one <table>.
 * Only blocks that are plainly one table and nothing else are cut; anything
 * unusual keeps the normal, slower path, which is always correct.
 */
export const LARGE_TABLE_CELLS = 2_000;
const CELLS_PER_GROUP = 1_000;

const DELIMITER_ROW = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
// A line that could start another block (quote, heading, fence, list) would end the table early.
const STARTS_OTHER_BLOCK = /^\s{0,3}(>|#{1,6}\s|```|~~~|[-*+]\s|\d{1,9}[.)]\s)/;

export interface LargeTableParts {
  /** Header row and delimiter row. */
  head: string;
  /** Body rows, a few hundred cells per group. */
  groups: string[];
}

function cellCount(row: string): number {
  const cells = row.replace(/\\\|/g, '').trim().split('|');
  if (cells[0]?.trim() === '') cells.shift();
  if (cells.length && cells[cells.length - 1]?.trim() === '') cells.pop();
  return cells.length;
}

export function largeTableParts(block: string): LargeTableParts | null {
  // Each cell costs at least two characters ("|x"): a short block cannot be a large table.
  if (block.length < LARGE_TABLE_CELLS * 2) return null;
  const [header = '', delimiter = '', ...rows] = block.split('\n');
  if (!DELIMITER_ROW.test(delimiter)) return null;
  const columns = cellCount(delimiter);
  if (columns === 0 || cellCount(header) !== columns || columns * rows.length < LARGE_TABLE_CELLS) return null;
  if (!rows.every((row) => row.includes('|') && !STARTS_OTHER_BLOCK.test(row))) return null;

  const perGroup = Math.max(1, Math.floor(CELLS_PER_GROUP / columns));
  const groups: string[] = [];
  for (let start = 0; start < rows.length; start += perGroup)
    groups.push(rows.slice(start, start + perGroup).join('\n'));
  return { head: `${header}\n${delimiter}`, groups };
}
