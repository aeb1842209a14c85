import { lineError } from './cliError';

/**
 * Minimal RFC 4180 record parser: comma-separated, double-quoted fields may contain commas,
 * doubled quotes and newlines; CRLF or LF line ends. Used for the header and for any line
 * with a quote (plain lines take csvVotes.ts's fast path). Parses the record starting at
 * `start` and returns its fields, the offset after it and the line that follows.
 */
export function parseRecordAt(
  text: string,
  start: number,
  line: number,
): { fields: string[]; next: number; nextLine: number } {
  const fields: string[] = [];
  let field = '';
  let i = start;
  let current = line;
  let quoted = false;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') current++;
        field += ch;
      }
    } else if (ch === '"') {
      if (field.length > 0) throw lineError(current, 'a quote in the middle of an unquoted field');
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n') {
      break;
    } else if (ch !== '\r') {
      field += ch;
    }
  }
  if (quoted) throw lineError(line, 'unterminated quoted field');
  fields.push(field);
  return { fields, next: i + 1, nextLine: current + 1 };
}
