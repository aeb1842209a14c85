import { lineError } from './cliError';

/**
 * Calls `onRecord(value, line)` for each element of a JSON array or each line of JSONL.
 * For an array, element line numbers are only needed for an error message, so the
 * (linear) scan that finds them runs lazily, at most once.
 */
export function forEachJsonRecord(
  text: string,
  format: 'json' | 'jsonl',
  onRecord: (record: unknown, line: number) => void,
): void {
  if (format === 'jsonl') {
    text.split('\n').forEach((raw, i) => {
      if (raw.trim() === '') return;
      let record: unknown;
      try {
        record = JSON.parse(raw);
      } catch (error) {
        throw lineError(i + 1, `invalid JSON: ${(error as Error).message}`);
      }
      onRecord(record, i + 1);
    });
    return;
  }
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    throw lineError(position ? lineAt(text, Number(position[1])) : 1, `invalid JSON: ${message}`);
  }
  if (!Array.isArray(records)) throw lineError(1, 'expected a JSON array of votes');
  let lines: number[] | null = null;
  records.forEach((record, i) => {
    try {
      onRecord(record, 0);
    } catch (error) {
      lines ??= elementLines(text);
      const message = (error as Error).message.replace(/^line 0: /, '');
      throw lineError(lines[i] ?? 1, message);
    }
  });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line on which each top-level array element starts (a string- and escape-aware scan). */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
    if (depth === 1 && expectValue && ch !== ']') {
      lines.push(line);
      expectValue = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectValue = true;
  }
  return lines;
}
