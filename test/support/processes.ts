import { startTsProcess, type RunningProcess } from '../../scripts/lib/processes';

export { repoRoot, type RunningProcess } from '../../scripts/lib/processes';

export function startWebHostProcess(backendUrl: string, dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningProcess> {
  return startTsProcess(
    'electron/webhost/main.ts',
    ['--port', '0', '--backend', backendUrl, '--data', dataDir],
    /open (http:\/\/127\.0\.0\.1:\d+\/#secret=[\w-]+)/,
    { env },
  );
}

/**
 * The reference server's CLI as one process. `timeoutMs` for its listening line: the default
 * suits SQLite; seeding the demo into PostgreSQL row by row takes ~20 s on its own.
 */
export function startServerProcess(
  port: number,
  dataDir: string,
  extraArgs: string[] = [],
  options: { timeoutMs?: number } = {},
): Promise<RunningProcess> {
  return startTsProcess(
    'server/main.ts',
    ['--port', String(port), '--data', dataDir, ...extraArgs],
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    options,
  );
}
