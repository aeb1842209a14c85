import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startServer } from './app';
import { DEMO_ACCOUNTS_FILE } from './demo/accounts';

/**
 * CLI: `npm run server -- [--port 8787] [--data DIR] [--database postgres://…] [--demo] [--host 127.0.0.1]`
 *   [--pair-selection least_voted|active] (and the other options below)
 * (VERDICT_DATABASE_URL works like --database).
 * The first stdout line is exactly "Verdict server listening on <url>";
 * scripts and tests wait for it.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    data: { type: 'string', default: '.data/server' },
    database: { type: 'string' },
    'pool-size': { type: 'string' },
    'statement-timeout-ms': { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    demo: { type: 'boolean', default: false },
    'min-active-ms': { type: 'string' },
    'gold-share': { type: 'string' },
    'repeat-share': { type: 'string' },
    'body-limit': { type: 'string' },
    'provisional-min-votes': { type: 'string' },
    'stats-max-stale-ms': { type: 'string' },
    'trust-proxy': { type: 'string' },
    'pair-selection': { type: 'string' },
  },
  strict: true,
});

function numberOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
  return value;
}

function pairSelectionOption(raw: string | undefined): 'least_voted' | 'active' | undefined {
  if (raw === undefined || raw === 'least_voted' || raw === 'active') return raw;
  throw new Error(`--pair-selection must be least_voted or active, got "${raw}"`);
}

const dataDir = resolve(values.data);

/** The database URL without its password, for the log. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
const optional = {
  minActiveMs: numberOption('min-active-ms', values['min-active-ms']),
  goldShare: numberOption('gold-share', values['gold-share']),
  repeatShare: numberOption('repeat-share', values['repeat-share']),
  bodyLimitBytes: numberOption('body-limit', values['body-limit']),
  provisionalMinVotes: numberOption('provisional-min-votes', values['provisional-min-votes']),
  statsMaxStaleMs: numberOption('stats-max-stale-ms', values['stats-max-stale-ms']),
  poolSize: numberOption('pool-size', values['pool-size']),
  statementTimeoutMs: numberOption('statement-timeout-ms', values['statement-timeout-ms']),
  pairSelection: pairSelectionOption(values['pair-selection']),
};
// The URL carries a password: prefer the environment to the command line, which `ps` shows.
const databaseUrl = values.database ?? process.env.VERDICT_DATABASE_URL;
const server = await startServer({
  dataDir,
  host: values.host,
  port: numberOption('port', values.port) ?? 8787,
  demo: values.demo,
  ...(databaseUrl ? { databaseUrl } : {}),
  ...(values['trust-proxy'] ? { trustProxy: values['trust-proxy'] } : {}),
  ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
});
console.log(`Verdict server listening on ${server.url}`);
console.log(databaseUrl ? `database: PostgreSQL ${redacted(databaseUrl)}` : `data: ${dataDir}`);
if (values.demo) console.log(`demo accounts: ${resolve(dataDir, DEMO_ACCOUNTS_FILE)}`);

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // In-flight requests finish (each push is one transaction) before the database closes.
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
