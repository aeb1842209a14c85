import { MAX_NESTING } from './remarkLimitDepth';

/**
 * Cuts a line's run of container markers ("> > > …", "- - - …", "1. 1. …")
 * down to MAX_NESTING before the markdown is parsed. remarkLimitDepth already
 * flattens deep nesting after parsing, with the same visible result, but the
 * parser itself spends time quadratic in the depth: a thousand "- " on one
 * line cost half a second. Lines nested by indentation are left alone, and so
 * are blocks that open with a code or math fence (their lines are content).
 */
const MARKER = /[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/y;
const MAY_START_WITH_MARKER = /^[ \t]*(?:[>*+-]|\d)/m;
const OPENS_WITH_FENCE = /^[ \t]*(?:```|~~~|\$\$)/;

function capLine(line: string): string {
  let count = 0;
  let keepUntil = 0;
  let end = 0;
  MARKER.lastIndex = 0;
  while (MARKER.exec(line)) {
    count += 1;
    end = MARKER.lastIndex;
    if (count === MAX_NESTING) keepUntil = end;
  }
  return count > MAX_NESTING ? line.slice(0, keepUntil) + line.slice(end) : line;
}

export function capNesting(block: string): string {
  if (!MAY_START_WITH_MARKER.test(block) || OPENS_WITH_FENCE.test(block)) return block;
  return block.split('\n').map(capLine).join('\n');
}
