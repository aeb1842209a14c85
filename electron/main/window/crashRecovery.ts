import type { BrowserWindow } from 'electron';

/** How long a hung renderer gets before it is restarted. */
const HANG_GRACE_MS = 10_000;

/**
 * A renderer that crashes or hangs is reloaded. Nothing is lost: votes, the
 * queue and the task on screen live in main (the journal and the session), so
 * the reloaded page comes back at the same task; only an unsent draft in the
 * details panel is gone, and the log says what happened.
 */
export function installCrashRecovery(window: BrowserWindow, log: (level: 'warn' | 'error', message: string) => void): void {
  const contents = window.webContents;
  let hangTimer: NodeJS.Timeout | null = null;
  contents.on('render-process-gone', (_event, details) => {
    log('error', `renderer gone (${details.reason}, exit ${details.exitCode}); reloading`);
    if (details.reason !== 'clean-exit' && !window.isDestroyed()) contents.reload();
  });
  window.on('unresponsive', () => {
    log('warn', `renderer unresponsive; reloading in ${HANG_GRACE_MS / 1000} s unless it recovers`);
    hangTimer ??= setTimeout(() => {
      hangTimer = null;
      if (window.isDestroyed()) return;
      log('error', 'renderer still unresponsive; restarting it');
      contents.forcefullyCrashRenderer();
      contents.reload();
    }, HANG_GRACE_MS);
  });
  window.on('responsive', () => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
  });
}
