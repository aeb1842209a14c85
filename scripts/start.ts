import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { displayProblem, findElectronBinary } from './lib/electronBinary';
import { repoRoot, startTsProcess, type RunningProcess } from './lib/processes';

/**
 * `npm start`: the reference backend with demo data on loopback, and the app
 * pointed at it. Electron where it can start; otherwise the web host, with
 * the reason and the URL to open. Ctrl-C stops everything.
 */
const dataRoot = path.join(repoRoot, '.data');
const running: RunningProcess[] = [];

async function main(): Promise<void> {
  const server = await startTsProcess(
    'server/main.ts',
    ['--port', process.env.VERDICT_SERVER_PORT ?? '0', '--data', path.join(dataRoot, 'demo'), '--demo'],
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    { timeoutMs: 120_000 },
  );
  running.push(server);
  const backendUrl = server.match[1] as string;
  console.log(`reference backend with demo data: ${backendUrl}`);
  printDemoAccounts(path.join(dataRoot, 'demo', 'demo-accounts.json'));

  const electron = findElectronBinary();
  const noDisplay = displayProblem();
  if ('path' in electron && !noDisplay) return runElectron(electron.path, backendUrl);
  console.log(`Electron cannot start here: ${'reason' in electron ? electron.reason : noDisplay}.`);
  console.log('Falling back to the web host: the same app, served to your browser on loopback.');
  const webHost = await startTsProcess(
    'electron/webhost/main.ts',
    ['--port', process.env.VERDICT_WEB_PORT ?? '0', '--backend', backendUrl, '--data', path.join(dataRoot, 'web')],
    /open (http:\/\/127\.0\.0\.1:\d+\/\?secret=[\w-]+)/,
  );
  running.push(webHost);
  console.log(`\nOpen this URL in a browser: ${webHost.match[1]}\n`);
}

function runElectron(binary: string, backendUrl: string): void {
  const app = spawn(binary, [repoRoot], { stdio: 'inherit', env: { ...process.env, VERDICT_BACKEND_URL: backendUrl } });
  app.once('exit', () => void shutdown(0));
}

function printDemoAccounts(file: string): void {
  if (!fs.existsSync(file)) return;
  console.log(`demo accounts (from ${path.relative(repoRoot, file)}):`);
  const accounts = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const list = Array.isArray(accounts) ? accounts : ((accounts as { accounts?: unknown[] }).accounts ?? []);
  for (const account of list as Array<{ email?: string; password?: string; role?: string }>) {
    console.log(`  ${account.role ?? 'account'}: ${account.email} / ${account.password}`);
  }
}

async function shutdown(code: number): Promise<never> {
  await Promise.all(running.map((child) => child.stop()));
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
