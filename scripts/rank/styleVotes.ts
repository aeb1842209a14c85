import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  aggregateStyleBattles,
  SEGMENT_FIELDS,
  STYLE_FEATURES,
  styleFeaturesFromText,
  type SegmentFilter,
  type StyleBattle,
  type StyleCounts,
  type StyleFeatures,
} from '../../shared/ranking/index';
import { CliError, lineError } from './cliError';
import { forEachJsonRecord } from './json';
import { parseWinner, WINNER_VALUES } from './outcome';

/**
 * `--style`: JSON or JSONL votes whose records carry each response's style, as either
 * `style_a`/`style_b` objects {tokens, headers, lists, bold} (counts already made), or the
 * texts `response_a`/`response_b`, measured with shared/ranking's styleFeaturesFromText.
 * CSV is refused: a text with commas and newlines belongs in JSON.
 */
export function readStyleVotesFile(file: string, where: SegmentFilter, exact = false): StyleCounts {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv')
    throw new CliError('--style needs a JSON or JSONL file with style_a/style_b or response_a/response_b');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (text.trim() === '') throw lineError(1, `${file} is empty`);
  const format = ext === '.jsonl' || ext === '.ndjson' || !text.trimStart().startsWith('[') ? 'jsonl' : 'json';
  const battles: StyleBattle[] = [];
  forEachJsonRecord(text, format, (record, line) => battles.push(styleBattle(record, line)));
  const counts = aggregateStyleBattles(battles, where, { exact });
  if (counts.models.length < 2)
    throw new CliError(`need votes between at least two models, found ${counts.models.length}`);
  return counts;
}

function styleBattle(record: unknown, line: number): StyleBattle {
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    throw lineError(line, 'expected an object');
  const r = record as Record<string, unknown>;
  const [a, b] = 'model_a' in r ? ['model_a', 'model_b'] : ['left', 'right'];
  for (const key of [a, b, 'winner']) {
    if (typeof r[key] !== 'string' || r[key] === '') throw lineError(line, `field "${key}" must be a non-empty string`);
  }
  const outcome = parseWinner(r.winner as string);
  if (outcome === undefined)
    throw lineError(line, `unknown winner ${JSON.stringify(r.winner)} (expected ${WINNER_VALUES})`);
  if (r[a] === r[b]) throw lineError(line, `model ${JSON.stringify(r[a])} is compared with itself`);
  const segment: SegmentFilter = {};
  for (const field of SEGMENT_FIELDS) {
    const value = r[field];
    if (typeof value === 'string' || typeof value === 'number') segment[field] = String(value);
  }
  return {
    modelA: r[a] as string,
    modelB: r[b] as string,
    outcome,
    segment,
    styleA: styleOf(r, 'a', line),
    styleB: styleOf(r, 'b', line),
  };
}

function styleOf(r: Record<string, unknown>, side: 'a' | 'b', line: number): StyleFeatures {
  const given = r[`style_${side}`];
  if (typeof given === 'object' && given !== null) {
    const style = given as Record<string, unknown>;
    for (const f of STYLE_FEATURES) {
      const v = style[f];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw lineError(line, `style_${side}.${f} must be a number ≥ 0`);
      }
    }
    return {
      tokens: style.tokens as number,
      headers: style.headers as number,
      lists: style.lists as number,
      bold: style.bold as number,
    };
  }
  const response = r[`response_${side}`];
  if (typeof response === 'string') return styleFeaturesFromText(response);
  throw lineError(line, `--style needs style_${side} {tokens, headers, lists, bold} or the text response_${side}`);
}
