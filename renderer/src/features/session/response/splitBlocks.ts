/**
 * Splits markdown into top-level blocks that can each be parsed and rendered
 * on their own, so a 20,000-word response never has to be parsed in one go.
 *
 * A block ends at a blank line, except where cutting there would change the
 * meaning of the markdown:
 * - inside a fenced code block (``` or ~~~) or a $$ math block, where blank
 *   lines are content;
 * - before an indented line, which continues a list item, a footnote or an
 *   indented code block started above it.
 * Being conservative is always safe: a block that is too big still renders
 * right, just later.
 */

interface Fence {
  marker: '`' | '~' | '$';
  length: number;
}

// Up to 3 spaces may precede a fence at the top level; inside list items and
// blockquotes fences sit deeper, and treating those as fences too only makes
// us split less, never wrongly.
const CODE_FENCE = /^[ \t]*(?:>[ \t]?)*(`{3,}|~{3,})(.*)$/;
const MATH_FENCE = /^[ \t]*(?:>[ \t]?)*(\${2,})([^$]*)$/;

function opensFence(line: string): Fence | null {
  const code = CODE_FENCE.exec(line);
  if (code) {
    const run = code[1] ?? '';
    const info = code[2] ?? '';
    // A backtick fence's info string may not contain backticks (CommonMark).
    if (run.startsWith('`') && info.includes('`')) return null;
    return { marker: run[0] as '`' | '~', length: run.length };
  }
  const math = MATH_FENCE.exec(line);
  if (math) return { marker: '$', length: (math[1] ?? '').length };
  return null;
}

function closesFence(line: string, fence: Fence): boolean {
  const body = line.replace(/^[ \t]*(?:>[ \t]?)*/, '').trimEnd();
  if (body.length < fence.length) return false;
  for (const char of body) if (char !== fence.marker) return false;
  return true;
}

const isBlank = (line: string) => line.trim() === '';
const isIndented = (line: string) => line.startsWith(' ') || line.startsWith('\t');

/** The top-level blocks of `source`, in order, each without surrounding blank lines. */
export function splitBlocks(source: string): string[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: Fence | null = null;
  let sawBlank = false;

  const flush = () => {
    if (current.length) blocks.push(current.join('\n'));
    current = [];
  };

  for (const line of lines) {
    if (fence) {
      current.push(line);
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (isBlank(line)) {
      sawBlank = current.length > 0;
      if (sawBlank) current.push(line);
      continue;
    }
    if (sawBlank && !isIndented(line)) {
      while (current.length && isBlank(current[current.length - 1] ?? '')) current.pop();
      flush();
    }
    sawBlank = false;
    current.push(line);
    fence = opensFence(line);
  }
  while (current.length && isBlank(current[current.length - 1] ?? '')) current.pop();
  flush();
  return blocks;
}
