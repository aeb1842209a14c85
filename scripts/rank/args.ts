import { isSegmentField, SEGMENT_FIELDS, type SegmentFilter } from '../../shared/ranking/index';
import { CliError } from './cliError';

export interface RankCliOptions {
  file: string;
  ci: 'sandwich' | 'bootstrap';
  rounds: number;
  seed: number;
  anchor?: { model: string; rating: number };
  where: SegmentFilter;
  json: boolean;
  /** Threads for counting a big CSV and for the bootstrap; default: usefulThreads(). */
  threads?: number;
  /** `balanced`: each vote weighted by N/(P·c_pair) (docs/RANKING.md). */
  weights: 'none' | 'balanced';
  /** Style control (JSON/JSONL with style_a/style_b or response_a/response_b). */
  style: boolean;
  /** With --style: exact per-vote contrasts instead of the quantised rows (for comparison). */
  styleExact: boolean;
}

export const USAGE =
  'usage: npm run rank -- <file> [--ci sandwich|bootstrap] [--rounds N] [--seed S] ' +
  '[--anchor MODEL=RATING] [--where field=value ...] [--weights none|balanced] [--style [--style-exact]] [--json] [--threads N]';

/** Parses the command line; throws CliError with the problem and the usage line. */
export function parseArgs(argv: readonly string[]): RankCliOptions {
  const options: Partial<RankCliOptions> & { where: SegmentFilter } = {
    ci: 'sandwich',
    rounds: 1000,
    seed: 42,
    where: {},
    json: false,
    weights: 'none',
    style: false,
    styleExact: false,
  };
  const args = [...argv];
  while (args.length > 0) {
    const arg = args.shift()!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') && !arg.startsWith('--where') && !arg.startsWith('--anchor')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined || v === '') throw usage(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--ci': {
        const ci = value();
        if (ci !== 'sandwich' && ci !== 'bootstrap') throw usage(`--ci must be sandwich or bootstrap, got "${ci}"`);
        options.ci = ci;
        break;
      }
      case '--weights': {
        const weights = value();
        if (weights !== 'none' && weights !== 'balanced') {
          throw usage(`--weights must be none or balanced, got "${weights}"`);
        }
        options.weights = weights;
        break;
      }
      case '--rounds':
        options.rounds = positiveInteger('--rounds', value());
        break;
      case '--seed':
        options.seed = integer('--seed', value());
        break;
      case '--anchor':
        options.anchor = parseAnchor(value());
        break;
      case '--where':
        addWhere(options.where, value());
        break;
      case '--style':
        options.style = true;
        break;
      case '--style-exact':
        options.style = true;
        options.styleExact = true;
        break;
      case '--json':
        options.json = true;
        break;
      case '--threads':
        options.threads = positiveInteger('--threads', value());
        break;
      default:
        if (flag.startsWith('--')) throw usage(`unknown option ${flag}`);
        if (options.file !== undefined) throw usage(`unexpected argument "${flag}" (only one file)`);
        options.file = flag;
    }
  }
  if (options.file === undefined) throw usage('missing input file');
  return options as RankCliOptions;
}

function parseAnchor(text: string): { model: string; rating: number } {
  const at = text.lastIndexOf('=');
  const model = text.slice(0, at);
  const rating = Number(text.slice(at + 1));
  if (at <= 0 || text.slice(at + 1).trim() === '' || !Number.isFinite(rating)) {
    throw usage(`--anchor must be MODEL=RATING with a numeric rating, got "${text}"`);
  }
  return { model, rating };
}

function addWhere(where: SegmentFilter, text: string): void {
  const at = text.indexOf('=');
  const field = text.slice(0, at);
  if (at <= 0) throw usage(`--where must be field=value, got "${text}"`);
  if (!isSegmentField(field)) throw usage(`--where field must be one of ${SEGMENT_FIELDS.join(', ')}, got "${field}"`);
  where[field] = text.slice(at + 1);
}

function positiveInteger(flag: string, text: string): number {
  const n = integer(flag, text);
  if (n < 1) throw usage(`${flag} must be at least 1, got ${text}`);
  return n;
}

function integer(flag: string, text: string): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n)) throw usage(`${flag} must be an integer, got "${text}"`);
  return n;
}

function usage(problem: string): CliError {
  return new CliError(`${problem}\n${USAGE}`);
}
