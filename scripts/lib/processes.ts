import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningProcess {
  child: ChildProcess;
  /** The first stdout line that matched the pattern, split into its groups. */
  match: RegExpMatchArray;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a TypeScript entry point as ONE Node process (node --import tsx, not
 * the tsx CLI, which would fork a child that survives a SIGKILL of its parent)
 * and resolves once a stdout line matches `ready`.
 */
export function startTsProcess(
  entry: string,
  args: string[],
  ready: RegExp,
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`${entry} did not print ${ready} within ${options.timeoutMs ?? 30_000} ms:\n${log}`));
    }, options.timeoutMs ?? 30_000);
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = ready.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => log, stop });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code ?? signal}) before it was ready:\n${log}`));
    });
  });
}
