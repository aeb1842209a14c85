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

export function startServerProcess(port: number, dataDir: string, extraArgs: string[] = []): Promise<RunningProcess> {
  return startTsProcess(
    'server/main.ts',
    ['--port', String(port), '--data', dataDir, ...extraArgs],
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  );
}
