/**
 * `npm run rank -- <file> [--ci sandwich|bootstrap] [--rounds N] [--seed S]
 *   [--anchor MODEL=RATING] [--where field=value ...] [--weights none|balanced] [--style [--style-exact]] [--json] [--threads N]`
 * Bradley–Terry leaderboard of a vote file (CSV, JSON array or JSONL; LMArena battle dumps
 * and LLMFAO's crowd-comparisons.csv load as they are). Bad input: `error: …` on stderr, exit 1.
 */
import { rankModelsWithStyle } from '../shared/ranking/index';
import { parseArgs, type RankCliOptions } from './rank/args';
import { CliError } from './rank/cliError';
import { describeWarning, formatTable } from './rank/format';
import { usefulThreads, rankModelsParallel } from './rank/parallelBootstrap';
import { readVotesFile } from './rank/readVotes';
import { readStyleVotesFile } from './rank/styleVotes';

export async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  try {
    const options = parseArgs(argv);
    if (options.style) return styleControlled(options);
    const { counts } = await readVotesFile(options.file, options.where, options.threads ?? usefulThreads());
    if (options.anchor && !counts.models.includes(options.anchor.model)) {
      throw new CliError(`--anchor: model ${JSON.stringify(options.anchor.model)} has no votes in ${options.file}`);
    }
    const result = await rankModelsParallel(
      counts,
      {
        ci: options.ci,
        rounds: options.rounds,
        seed: options.seed,
        weights: options.weights,
        ...(options.anchor ? { anchor: options.anchor } : {}),
      },
      options.threads,
    );
    const ms = Math.round((performance.now() - started) * 10) / 10;
    if (options.json) {
      const { models, votes, method, iterations, gradient, warnings } = result;
      const weights = options.weights;
      process.stdout.write(
        `${JSON.stringify({ models, votes, method, weights, iterations, gradient, ms, warnings }, null, 2)}\n`,
      );
    } else {
      process.stdout.write(`${formatTable(result)}\n`);
      process.stdout.write(
        `\n${result.votes} votes, ${result.models.length} models, ${result.method} 95% intervals, ` +
          (options.weights === 'balanced' ? 'balanced weights, ' : '') +
          `${result.iterations} Newton iterations, |gradient| ${result.gradient.toExponential(1)}, ${ms} ms\n`,
      );
    }
    for (const warning of result.warnings) process.stderr.write(`warning: ${describeWarning(warning)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

/** `--style`: the style-controlled board and the fitted style coefficients with 95% intervals. */
function styleControlled(options: RankCliOptions): number {
  if (options.ci !== 'sandwich' || options.weights !== 'none' || options.anchor) {
    throw new CliError('--style uses sandwich intervals, no weights and no anchor');
  }
  const result = rankModelsWithStyle(readStyleVotesFile(options.file, options.where, options.styleExact));
  const { models, votes, method, iterations, gradient, warnings, coefficients, coefficientIntervals } = result;
  if (options.json) {
    const out = {
      models,
      votes,
      method,
      style: true,
      styleRows: options.styleExact ? 'exact' : 'quantised',
      coefficients,
      coefficientIntervals,
      iterations,
      gradient,
      warnings,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(
      `${formatTable(result)}\n\nstyle coefficients (natural-log scale per RMS-scaled contrast, 95% CI):\n`,
    );
    for (const [feature, value] of Object.entries(coefficients)) {
      const ci = coefficientIntervals[feature as keyof typeof coefficients];
      process.stdout.write(
        `  ${feature.padEnd(8)} ${value.toFixed(4)}  [${ci.lower.toFixed(4)}, ${ci.upper.toFixed(4)}]\n`,
      );
    }
  }
  for (const warning of warnings) process.stderr.write(`warning: ${describeWarning(warning)}\n`);
  return 0;
}

// `npm run rank -- big.csv | head` closes stdout early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
