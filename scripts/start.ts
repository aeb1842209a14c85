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
// VERDICT_DATA_ROOT lets tests run `npm start`'s wiring without touching a developer's .data/.
const dataRoot = process.env.VERDICT_DATA_ROOT ?? path.join(repoRoot, '.data');
const demoDir = path.join(dataRoot, 'demo');
/** The port the demo backend had last time: the app keeps its server address, so it must stay put. */
const portFile = path.join(demoDir, 'port');
const running: RunningProcess[] = [];

function startDemoServer(port: string): Promise<RunningProcess> {
  return startTsProcess('server/main.ts', ['--port', port, '--data', demoDir, '--demo'], /listening on (http:\/\/127\.0\.0\.1:(\d+))/, {
    timeoutMs: 120_000,
  });
}

/**
 * The demo backend comes back on the address it had (remembered in the data folder), so a
 * rater signed in to it stays signed in with votes flowing after `npm start` again. Only if
 * that port is taken by something else does it move, and the app follows it (VERDICT_BUNDLED_BACKEND).
 */
async function startStableServer(): Promise<RunningProcess> {
  const remembered = fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8').trim() : '';
  const wanted = process.env.VERDICT_SERVER_PORT || (/^\d+$/.test(remembered) ? remembered : '0');
  let server: RunningProcess;
  try {
    server = await startDemoServer(wanted);
  } catch (error) {
    if (wanted === '0') throw error;
    console.log(`port ${wanted} is taken; the demo backend moves to a new port and the app follows it`);
    server = await startDemoServer('0');
  }
  fs.mkdirSync(demoDir, { recursive: true });
  fs.writeFileSync(portFile, `${server.match[2]}\n`);
  return server;
}

async function main(): Promise<void> {
  const server = await startStableServer();
  running.push(server);
  const backendUrl = server.match[1] as string;
  console.log(`reference backend with demo data: ${backendUrl}`);
  printDemoAccounts(path.join(dataRoot, 'demo', 'demo-accounts.json'));

  // Tell the app this is the bundled backend: a session on its old address moves to the new one.
  process.env.VERDICT_BUNDLED_BACKEND = '1';
  const electron = findElectronBinary();
  const noDisplay = displayProblem();
  if ('path' in electron && !noDisplay) return runElectron(electron.path, backendUrl);
  console.log(`Electron cannot start here: ${'reason' in electron ? electron.reason : noDisplay}.`);
  console.log('Falling back to the web host: the same app, served to your browser on loopback.');
  const webHost = await startTsProcess(
    'electron/webhost/main.ts',
    ['--port', process.env.VERDICT_WEB_PORT ?? '0', '--backend', backendUrl, '--data', path.join(dataRoot, 'web')],
    /open (http:\/\/127\.0\.0\.1:\d+\/#secret=[\w-]+)/,
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
